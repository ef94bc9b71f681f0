// Runs the rescheduling of every card in a module worker, so the page only starts it and hears
// when it is done; on the main thread only where there are no workers (tests under Node).

import { rescheduleCards, type RescheduleSummary } from '../db/optimiser';
import type { KartuDB } from '../db/schema';
import { loadSettings } from '../db/settings';
import type { RescheduleReply } from './reschedule.worker';

/** How the worker is started: a test passes its own. */
export type StartRescheduleWorker = () => Worker;

const startWorker: StartRescheduleWorker = () =>
	new Worker(new URL('./reschedule.worker.ts', import.meta.url), { type: 'module' });

/**
 * Reschedules every studied card with the parameters in use (db/optimiser.ts `rescheduleCards`,
 * one transaction: all of it or none); rejects with the worker's error, nothing changed.
 * `database` is only called where there are no workers (the page then does the work itself).
 */
export async function runReschedule(
	database: () => Promise<KartuDB>,
	start: StartRescheduleWorker | undefined = typeof Worker === 'undefined' ? undefined : startWorker
): Promise<RescheduleSummary> {
	if (start) {
		const summary = await inWorker(start);
		if (summary) return summary;
	}
	const db = await database();
	return rescheduleCards(db, await loadSettings(db));
}

/** The worker's answer; undefined if it could not start, so the caller does the work. */
function inWorker(start: StartRescheduleWorker): Promise<RescheduleSummary | undefined> {
	return new Promise((resolve, reject) => {
		let worker: Worker;
		try {
			worker = start();
		} catch {
			resolve(undefined);
			return;
		}
		worker.onmessage = (e: MessageEvent<RescheduleReply>) => {
			worker.terminate();
			if (e.data.ok) resolve(e.data.summary);
			else reject(new Error(e.data.error));
		};
		// Fired when the script cannot be loaded or run (no module workers): nothing was written.
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			resolve(undefined);
		};
		worker.postMessage({});
	});
}
