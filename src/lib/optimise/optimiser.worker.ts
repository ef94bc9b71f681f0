// The optimiser's worker: reads the review history from IndexedDB, fits FSRS-6 with fsrs-rs
// (WebAssembly, on a thread pool when the page is cross-origin isolated, on this one thread
// otherwise), and measures both parameter sets. The page terminates it to cancel. Loaded only when
// the learner asks to optimise, with its WebAssembly.

import init, { initThreadPool, Fsrs, Progress } from 'fsrs-browser';
import { readOptimiserData } from '../db/optimiser';
import { KartuDB } from '../db/schema';
import { fitParameters } from './fit';
import { enough, optimise, prepare, type FitStage } from './pipeline';
import type { FromOptimiser, OptimiseRequest } from './protocol';

// Typed by hand: the project's TypeScript library is the DOM's, not the worker's.
const scope = self as unknown as {
	crossOriginIsolated: boolean;
	postMessage(m: FromOptimiser): void;
	onmessage: ((e: MessageEvent<OptimiseRequest>) => void) | null;
};
const post = (m: FromOptimiser) => scope.postMessage(m);

scope.onmessage = async (e) => {
	const { settings, now, threads: wanted } = e.data;
	try {
		const db = new KartuDB();
		let data;
		try {
			data = await readOptimiserData(db, (read, total) => post({ type: 'reading', read, total }));
		} finally {
			db.close();
		}
		const prepared = prepare(data, settings.dayStartHour);
		if (!enough(prepared)) {
			post({
				type: 'short',
				usable: prepared.items.length,
				days: prepared.days,
				answers: prepared.answers
			});
			return;
		}
		post({ type: 'loading' });
		let wasm;
		try {
			wasm = await init();
		} catch (err) {
			// Some browsers share WebAssembly memory (which fsrs-rs is built with) only in a
			// cross-origin isolated page.
			throw new Error(
				scope.crossOriginIsolated
					? `its WebAssembly could not start (${(err as Error)?.message ?? err}).`
					: `this browser runs its WebAssembly only in a cross-origin isolated page, and this one is not: its server must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (${(err as Error)?.message ?? err}).`,
				{ cause: err }
			);
		}
		// Threads share the WebAssembly memory with this worker: only a cross-origin isolated page may.
		const threads = scope.crossOriginIsolated ? Math.max(1, wanted) : 1;
		if (threads > 1) await initThreadPool(threads);
		const shared = scope.crossOriginIsolated;
		const ms: Partial<Record<FitStage, number>> = {};
		const result = optimise(prepared, settings, data.studied, new Date(now), (input, stage) => {
			// A Progress is used up by the fit it is given to: one for each.
			const progress = Progress.new();
			post({
				type: 'fitting',
				stage,
				threads,
				reviews: input.lengths.length,
				...(shared ? { memory: wasm.memory, pointer: progress.pointer() } : {})
			});
			const started = performance.now();
			const fitted = fitParameters({ Fsrs }, input, progress);
			ms[stage] = performance.now() - started;
			post({ type: 'evaluating' });
			return fitted;
		});
		post({ type: 'done', result, fitMs: ms['held-out']!, refitMs: ms.all, threads });
	} catch (err) {
		post({ type: 'failed', message: (err as Error)?.message ?? String(err) });
	}
};
