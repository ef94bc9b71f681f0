// The messages between the settings page and the optimiser's worker.

import type { SchedulerSettings } from '../srs';
import type { Comparison, FitStage } from './pipeline';

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
	 * A fit has started, on `threads` threads: on the earlier reviews (`held-out`), or, once
	 * that fit proved better on the later ones, on all of them (`all`). Where the page may share
	 * memory with the worker (cross-origin isolated), `memory` holds fsrs-rs's progress at
	 * `pointer`: two 32-bit numbers, items processed and items in all.
	 */
	| {
			type: 'fitting';
			stage: FitStage;
			threads: number;
			reviews: number;
			memory?: WebAssembly.Memory;
			pointer?: number;
	  }
	| { type: 'evaluating' }
	/** `fitMs`: the fit on the earlier reviews; `refitMs`: the one on all of them, if made. */
	| { type: 'done'; result: Comparison; fitMs: number; refitMs?: number; threads: number }
	/** Too little history: `usable` reviews FSRS can learn from over `days` study days. */
	| { type: 'short'; usable: number; days: number; answers: number }
	| { type: 'failed'; message: string };
