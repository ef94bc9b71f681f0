// Runs today's snapshot in a module worker, so the page only starts it and hears when it is done;
// on the main thread only where there are no workers (tests under Node, very old browsers).

import type { KartuDB } from '../schema';
import type { SnapshotReply, SnapshotRequest } from './snapshot.worker';
import type { SnapshotOptions, SnapshotStats } from './snapshots';

/**
 * Settles when the snapshot is written (with what it read and how long each step took) or skipped
 * (undefined: one exists already, or another tab is taking it); rejects with the worker's error.
 */
export async function runSnapshot(
	now: Date,
	database: () => Promise<KartuDB>,
	options?: SnapshotOptions
): Promise<SnapshotStats | undefined> {
	if (typeof Worker !== 'undefined') {
		const reply = await inWorker(now, options);
		if (reply) return reply.stats;
	}
	const [{ SNAPSHOT_SIZES, takeSnapshot }, db] = await Promise.all([
		import('./snapshots'),
		database()
	]);
	const stats = {} as SnapshotStats;
	return (await takeSnapshot(db, now, SNAPSHOT_SIZES, stats, options)) ? stats : undefined;
}

/**
 * Takes today's snapshot, timing it as the performance measure `kartu:snapshot`. `database` is
 * only called where there are no workers (the page then does the work itself).
 */
export async function takeTodaysSnapshot(
	now: Date,
	database: () => Promise<KartuDB>
): Promise<void> {
	const start = performance.now();
	const stats = await runSnapshot(now, database);
	performance.measure('kartu:snapshot', { start, detail: stats });
}

/** The worker's answer; undefined if it could not start, so the caller does the work. */
function inWorker(
	now: Date,
	options?: SnapshotOptions
): Promise<{ stats?: SnapshotStats } | undefined> {
	return new Promise((resolve, reject) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(undefined);
			return;
		}
		worker.onmessage = (e: MessageEvent<SnapshotReply>) => {
			worker.terminate();
			if (e.data.ok) resolve({ stats: e.data.stats });
			else reject(new Error(e.data.error));
		};
		// Fired when the script cannot be loaded or run (no module workers): nothing was written.
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			resolve(undefined);
		};
		worker.postMessage({ now: now.getTime(), options } satisfies SnapshotRequest);
	});
}
