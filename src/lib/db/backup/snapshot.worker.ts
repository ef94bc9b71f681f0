// Takes today's automatic snapshot off the main thread: opens the same database with the same
// KartuDB class, runs takeSnapshot, and answers with what it did. Started by snapshot-job.ts.

import { closeForUpgrades, closeIfNewer } from '../live';
import { KartuDB } from '../schema';
import {
	SNAPSHOT_SIZES,
	takeSnapshot,
	type SnapshotOptions,
	type SnapshotStats
} from './snapshots';

/** Sent to the worker: the moment the page decided a snapshot is due (its local date names it), or one of another name. */
export interface SnapshotRequest {
	now: number;
	options?: SnapshotOptions;
}

/** The worker's one answer: the snapshot taken (none if another tab was first), or why it failed. */
export type SnapshotReply =
	{ ok: true; id?: string; stats?: SnapshotStats } | { ok: false; error: string };

onmessage = async (e: MessageEvent<SnapshotRequest>) => {
	const db = new KartuDB();
	// A newer version's upgrade from another tab closes this connection for good: the snapshot fails.
	closeForUpgrades(db, () => {});
	let reply: SnapshotReply;
	try {
		await db.open();
		if (closeIfNewer(db)) throw new Error('a newer version of Kartu has upgraded the database');
		const stats = {} as SnapshotStats;
		const taken = await takeSnapshot(
			db,
			new Date(e.data.now),
			SNAPSHOT_SIZES,
			stats,
			e.data.options
		);
		reply = { ok: true, id: taken?.id, stats: taken ? stats : undefined };
	} catch (err) {
		reply = { ok: false, error: (err as Error)?.message ?? String(err) };
	} finally {
		db.close();
	}
	postMessage(reply);
};
