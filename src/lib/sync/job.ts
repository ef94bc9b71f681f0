// Runs one sync in a module worker, so the page only starts it and hears what it moved; on the main
// thread only where there are no workers (tests under Node). Loaded only once sync is set up
// (state/sync.svelte.ts, state/live-sync.ts import it dynamically): the home page never pays for it.

import type { KartuDB } from '../db/schema';
import type { SyncResult } from '../db/sync';
import type { SyncReply } from './sync.worker';

/** One sync at a time per page: a second caller gets the one under way. */
let running: Promise<SyncResult> | undefined;

export function runSync(database: () => Promise<KartuDB>): Promise<SyncResult> {
	running ??= (async () => {
		if (typeof Worker !== 'undefined') {
			const reply = await inWorker();
			if (reply) return reply;
		}
		const [{ syncOnce }, db] = await Promise.all([import('./run'), database()]);
		return syncOnce(db, () => new Date());
	})().finally(() => (running = undefined));
	return running;
}

function inWorker(): Promise<SyncResult | undefined> {
	return new Promise((resolve, reject) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(undefined);
			return;
		}
		worker.onmessage = (e: MessageEvent<SyncReply>) => {
			worker.terminate();
			if (e.data.ok) resolve(e.data.result);
			else reject(new Error(e.data.error));
		};
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			resolve(undefined);
		};
		worker.postMessage('sync');
	});
}
