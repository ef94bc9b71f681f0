// The messages between the settings page and the optimiser's worker.

import type { SchedulerSettings } from '../srs';
import type { Comparison } from './pipeline';

export interface OptimiseRequest {
	settings: SchedulerSettings;
	/** The moment the learner asked (ms): today's study day for the workload. */
	now: number;
	/** Threads for fsrs-rs when the page is cross-origin isolated. */
	threads: number;
}

export type FromOptimiser =
	/** Reviews read so far, of about `total`. */
	| { type: 'reading'; read: number; total: number }
	/** Loading fsrs-rs's WebAssembly (and its threads). */
	| { type: 'loading' }
	/**
	 * The fit has started, on `threads` threads. Where the page may share memory with the worker
	 * (cross-origin isolated), `memory` holds fsrs-rs's progress at `pointer`: two 32-bit
	 * numbers, items processed and items in all.
	 */
	| {
			type: 'fitting';
			threads: number;
			reviews: number;
			memory?: WebAssembly.Memory;
			pointer?: number;
	  }
	| { type: 'evaluating' }
	| { type: 'done'; result: Comparison; fitMs: number; threads: number }
	/** Too little history: `usable` reviews FSRS can learn from over `days` study days. */
	| { type: 'short'; usable: number; days: number; answers: number }
	| { type: 'failed'; message: string };
