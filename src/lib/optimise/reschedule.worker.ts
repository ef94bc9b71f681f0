// Reschedules every studied card with the parameters in use, off the main thread: opens the same
// database with the same KartuDB class and runs db/optimiser.ts `rescheduleCards`, one read-write
// transaction, here rather than in the page, where reading and replaying 100,000 reviews would hold
// the page for a second or more. Started by reschedule-job.ts.

import { closeForUpgrades, closeIfNewer } from '../db/live';
import { rescheduleCards, type RescheduleSummary } from '../db/optimiser';
import { KartuDB } from '../db/schema';
import { loadSettings } from '../db/settings';

/** The worker's one answer: what rescheduling did, or why it failed (then nothing changed). */
export type RescheduleReply =
	{ ok: true; summary: RescheduleSummary } | { ok: false; error: string };

onmessage = async () => {
	const db = new KartuDB();
	// A newer version's upgrade from another tab closes this connection for good: the rescheduling fails.
	closeForUpgrades(db, () => {});
	let reply: RescheduleReply;
	try {
		await db.open();
		if (closeIfNewer(db)) throw new Error('a newer version of Kartu has upgraded the database');
		reply = { ok: true, summary: await rescheduleCards(db, await loadSettings(db)) };
	} catch (err) {
		reply = { ok: false, error: (err as Error)?.message ?? String(err) };
	} finally {
		db.close();
	}
	postMessage(reply);
};
