// Fits FSRS-6 parameters with fsrs-rs, the optimiser Anki uses, compiled to WebAssembly (the
// fsrs-browser package). The module is passed in once initialised: the worker loads it from the
// app's files, the tests and the benchmark from node_modules.

import type { Fsrs, Progress } from 'fsrs-browser';
import type { OptimiserInput } from '../srs';

/** What of fsrs-browser the fit uses, once its WebAssembly is instantiated. */
export interface FsrsBrowser {
	Fsrs: typeof Fsrs;
}

/**
 * fsrs-rs's `compute_parameters` on `input` (short-term memory on, as Kartu schedules learning
 * steps), starting from the defaults; the 21 parameters rounded to 4 decimals, as Anki shows them.
 * Runs to the end in the calling thread (in a worker, its thread pool's threads help); `progress`,
 * if given, is updated in WebAssembly memory as it goes, and is used up by the call.
 * @example fitParameters(lib, optimiserInput(histories, train)) → [0.31, 1.9, 3.1, 12.4, …]
 */
export function fitParameters(
	lib: FsrsBrowser,
	input: OptimiserInput,
	progress?: Progress
): number[] {
	const fsrs = new lib.Fsrs();
	// computeParameters takes ownership of `fsrs` (and of `progress`) and frees them.
	const w = fsrs.computeParameters(input.ratings, input.deltaTs, input.lengths, progress, true);
	return Array.from(w, (x) => Math.round(x * 10_000) / 10_000);
}
