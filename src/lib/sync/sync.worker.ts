// Syncs off the main thread: opens the same database with the same KartuDB class, runs syncOnce,
// and answers with what it moved. Started by job.ts. Its connections go only to the server set up
// on Settings (syncOnce checks the address first; the credentials go nowhere else).

import { closeForUpgrades, closeIfNewer } from '../db/live';
import { KartuDB } from '../db/schema';
import type { SyncResult } from '../db/sync';
import { syncOnce } from './run';

export type SyncReply = { ok: true; result: SyncResult } | { ok: false; error: string };

onmessage = async () => {
	const db = new KartuDB();
	closeForUpgrades(db, () => {});
	let reply: SyncReply;
	try {
		await db.open();
		if (closeIfNewer(db)) throw new Error('a newer version of Kartu has upgraded the database');
		reply = { ok: true, result: await syncOnce(db, () => new Date()) };
	} catch (err) {
		reply = { ok: false, error: (err as Error)?.message ?? String(err) };
	} finally {
		db.close();
	}
	postMessage(reply);
};
