// Runs today's snapshot in a module worker, so the page only starts it and hears when it is done;
// on the main thread only where there are no workers (tests under Node, very old browsers).

import type { KartuDB } from './schema';
import type { SnapshotReply, SnapshotRequest } from './snapshot.worker';

/** Settles when the snapshot is written or skipped; rejects with the worker's error. */
export async function runSnapshot(db: KartuDB, now: Date): Promise<void> {
	if (typeof Worker !== 'undefined' && (await inWorker(now))) return;
	const { takeSnapshot } = await import('./snapshots');
	await takeSnapshot(db, now);
}

/** True once the worker has answered; false if it could not start, so the caller does the work. */
function inWorker(now: Date): Promise<boolean> {
	return new Promise((resolve, reject) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(false);
			return;
		}
		worker.onmessage = (e: MessageEvent<SnapshotReply>) => {
			worker.terminate();
			if (e.data.ok) resolve(true);
			else reject(new Error(e.data.error));
		};
		// Fired when the script cannot be loaded or run (no module workers): nothing was written.
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			resolve(false);
		};
		worker.postMessage({ now: now.getTime() } satisfies SnapshotRequest);
	});
}
