// Settings → Scheduling, "Optimise my parameters": whether there is enough history, the fit under way
// in its worker (progress, cancel), both parameter sets side by side, and, when the fit predicts the
// held-out reviews better, the fit again on all the reviews (progress, cancel); applying those on
// the learner's word, restoring the previous ones, and rescheduling the cards as a separate,
// confirmed step that a snapshot taken just before undoes.

import { historySize, type HistorySize } from '../db/optimiser';
import {
	loadParameterHistory,
	loadSettings,
	saveSettings,
	type ParameterChange
} from '../db/settings';
import { listSnapshots, restoreSnapshot } from '../db/backup/snapshots';
import { snapshotDay } from '../db/backup/snapshot-day';
import type { KartuDB } from '../db/schema';
import type { SchedulerSettings } from '../srs';
import { toApply, type Comparison } from '../optimise/pipeline';
import { MIN_DAYS, MIN_REVIEWS } from '../optimise/limits';
import type { FromOptimiser, OptimiseRequest } from '../optimise/protocol';
import { runReschedule } from '../optimise/reschedule-job';
import { ready, storageMessage } from './app';
import { announceReplaced } from './shell';

export { MIN_DAYS, MIN_REVIEWS };
export type { Comparison, ParameterChange };

export type OptimiserStatus =
	/** Counting the history. */
	| 'loading'
	/** Too little history to fit: `shortReason` says how much there is. */
	| 'short'
	| 'ready'
	| 'running'
	/** The fit is done: `result` holds both parameter sets. */
	| 'done';

export type OptimiserPhase =
	| 'reading'
	| 'loading'
	/** Fitting on the earlier reviews. */
	| 'fitting'
	/** Measuring both sets on the later reviews. */
	| 'evaluating'
	/** Fitting again on all the reviews, the held-out ones having shown the fit helps. */
	| 'refitting'
	/** Measuring the parameters fitted on all the reviews. */
	| 'checking';

/** How the worker is started: a test passes its own. */
export type StartWorker = () => Worker;

const startWorker: StartWorker = () =>
	new Worker(new URL('../optimise/optimiser.worker.ts', import.meta.url), { type: 'module' });

export class ParameterOptimiser {
	status = $state<OptimiserStatus>('loading');
	/** The answers kept and the days they span (counted without reading them). */
	size = $state.raw<HistorySize>({ reviews: 0, days: 0 });
	phase = $state<OptimiserPhase>('reading');
	/** Progress of the phase under way: reviews read, or items fitted, of `total` (0: unknown). */
	done = $state(0);
	total = $state(0);
	/** Seconds since the fit started. */
	seconds = $state(0);
	/** Threads fsrs-rs runs on. */
	threads = $state(1);
	result = $state.raw<Comparison>();
	/** Whether the fitted parameters were applied. */
	applied = $state(false);
	history = $state.raw<ParameterChange[]>([]);
	/** Waiting for the learner to confirm "Reschedule cards with the new parameters". */
	confirmReschedule = $state(false);
	/** The snapshot taken just before the last rescheduling, which undoes it. */
	undoSnapshot = $state<string>();
	busy = $state(false);
	message = $state<string>();
	error = $state<string>();
	/** With too little history: how much there is, and how much is needed. */
	shortReason = $state<string>();
	/** Why threads or live progress are missing, when they are. */
	isolationNote = $state<string>();
	percent = $derived(this.total ? Math.min(100, Math.floor((100 * this.done) / this.total)) : 0);
	/** The change "Restore the previous parameters" would undo. */
	last = $derived(this.history.at(-1));

	#open: () => Promise<KartuDB>;
	#startWorker: StartWorker;
	#onSettings: (s: SchedulerSettings) => void;
	#worker: Worker | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		onSettings: (s: SchedulerSettings) => void = () => {},
		open: () => Promise<KartuDB> = ready,
		worker: StartWorker = startWorker
	) {
		this.#onSettings = onSettings;
		this.#open = open;
		this.#startWorker = worker;
		void this.refresh();
	}

	/** Counts the history and reads the parameter changes. */
	async refresh(): Promise<void> {
		try {
			const db = await this.#open();
			const settings = await loadSettings(db);
			this.size = await historySize(db, settings.dayStartHour);
			this.history = await loadParameterHistory(db);
			if (this.status === 'loading' || this.status === 'short' || this.status === 'ready')
				this.#settle();
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Starts the fit in the worker; the page stays free meanwhile. */
	async start(): Promise<void> {
		if (this.status === 'running') return;
		this.clear();
		this.result = undefined;
		this.applied = false;
		this.confirmReschedule = false;
		this.status = 'running';
		this.phase = 'reading';
		this.done = this.total = this.seconds = 0;
		let settings: SchedulerSettings;
		try {
			settings = await loadSettings(await this.#open());
		} catch (e) {
			return this.#fail(storageMessage(e));
		}
		const isolated = globalThis.crossOriginIsolated === true;
		this.isolationNote = isolated
			? undefined
			: 'This page is not cross-origin isolated (its server does not send the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers), so the optimiser runs on one thread, more slowly, and cannot show its progress while it fits.';
		let worker: Worker;
		try {
			worker = this.#startWorker();
		} catch (e) {
			return this.#fail(`The optimiser could not start: ${(e as Error).message}`);
		}
		this.#worker = worker;
		worker.onmessage = (e: MessageEvent<FromOptimiser>) => this.#receive(e.data);
		worker.onerror = (e) => {
			e.preventDefault();
			this.#fail(`The optimiser stopped: ${e.message || 'its code could not be loaded'}.`);
		};
		const threads = Math.max(1, Math.min(globalThis.navigator?.hardwareConcurrency || 1, 4));
		worker.postMessage({
			settings: $state.snapshot(settings) as SchedulerSettings,
			now: Date.now(),
			threads
		} satisfies OptimiseRequest);
	}

	#receive(m: FromOptimiser): void {
		if (this.status !== 'running') return;
		switch (m.type) {
			case 'reading':
				this.phase = 'reading';
				this.done = m.read;
				this.total = m.total;
				break;
			case 'loading':
				this.phase = 'loading';
				this.done = this.total = 0;
				break;
			case 'fitting': {
				this.#stopTimer();
				this.phase = m.stage === 'all' ? 'refitting' : 'fitting';
				this.threads = m.threads;
				this.done = this.total = 0;
				const started = performance.now();
				const progress = m.memory && m.pointer !== undefined ? m : undefined;
				this.#timer = setInterval(() => {
					this.seconds = Math.floor((performance.now() - started) / 1000);
					if (progress) {
						// fsrs-rs writes [items processed, items in all] there as it trains.
						const [done, total] = new Uint32Array(progress.memory!.buffer, progress.pointer!, 2);
						if (total) [this.done, this.total] = [done, total];
					}
				}, 250);
				break;
			}
			case 'evaluating':
				this.#stopTimer();
				this.phase = this.phase === 'refitting' ? 'checking' : 'evaluating';
				this.done = this.total = 0;
				break;
			case 'short':
				this.#stop();
				this.status = 'short';
				this.shortReason = `Not yet: optimising needs at least ${MIN_REVIEWS} reviews FSRS can learn from over ${MIN_DAYS} days or more. Of your ${m.answers.toLocaleString('en')} answers, ${m.usable.toLocaleString('en')} are (a card's answer on a later day than its previous one: practice answers, same-day steps and the reviews of retired cards do not count), over ${m.days} ${m.days === 1 ? 'day' : 'days'}.`;
				break;
			case 'done':
				this.#stop();
				this.result = m.result;
				this.threads = m.threads;
				this.status = 'done';
				this.message = doneMessage(m);
				break;
			case 'failed':
				this.#fail(`Optimising failed: ${m.message}`);
				break;
		}
	}

	/** Stops the fit under way; nothing was changed. */
	cancel(): void {
		if (this.status !== 'running') return;
		this.#stop();
		this.status = 'ready';
		this.message = 'Optimising cancelled; nothing was changed.';
	}

	/**
	 * Applies the fitted parameters, once the learner has seen both sets; only if they fit the
	 * held-out reviews better. Those fitted again on all the reviews when there are (`toApply`).
	 */
	async apply(): Promise<void> {
		const r = this.result;
		if (!r || !r.better || this.applied || this.busy) return;
		await this.#save(toApply(r), {
			source: 'optimiser',
			fit: {
				reviews: r.tested,
				before: [r.current.fit.logLoss, r.current.fit.rmseBins],
				after: [r.fitted.fit.logLoss, r.fitted.fit.rmseBins],
				fittedOn: r.refit?.kept ? r.refit.reviews : r.trained
			}
		});
		if (!this.error) {
			this.applied = true;
			this.message =
				'Applied: new answers are scheduled with the fitted parameters. Due dates have not moved.';
		}
	}

	/** Puts back the parameters in use before the last change. */
	async restorePrevious(): Promise<void> {
		const last = this.last;
		if (!last || this.busy) return;
		await this.#save(last.previous, { source: 'restore' });
		if (!this.error) {
			this.applied = false;
			this.message = 'The previous parameters are back.';
		}
	}

	async #save(weights: number[], change: Omit<ParameterChange, 'time' | 'weights' | 'previous'>) {
		this.busy = true;
		this.clear();
		try {
			const db = await this.#open();
			const settings = { ...(await loadSettings(db)), weights: [...weights] };
			await saveSettings(db, settings, change);
			this.history = await loadParameterHistory(db);
			this.#onSettings(settings);
		} catch (e) {
			this.error = storageMessage(e);
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Reschedules every studied card with the parameters in use, after a snapshot that undoes it
	 * (`undoReschedule`). Nothing happens if the snapshot cannot be taken. Both run in workers, each
	 * in one transaction, so the page stays free.
	 */
	async reschedule(now = new Date()): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.clear();
		try {
			const db = await this.#open();
			const time = now.toTimeString().slice(0, 5);
			const id = `${snapshotDay(now)} before rescheduling (${time})`;
			// Loaded here: the daily snapshot's start (state/app.ts) loads it on its own, later.
			const { runSnapshot } = await import('../db/backup/snapshot-job');
			await runSnapshot(now, this.#open, { id, wait: true });
			if (!(await listSnapshots(db)).some((s) => s.id === id))
				throw new Error('the snapshot to undo it with could not be taken.');
			// In its worker: reading and replaying every review would hold the page for seconds.
			const s = await runReschedule(this.#open);
			this.undoSnapshot = id;
			this.confirmReschedule = false;
			this.message = `Rescheduled ${s.rescheduled.toLocaleString('en')} cards with the parameters in use${s.unchanged ? `; ${s.unchanged.toLocaleString('en')} cards whose first answers Kartu does not have were left as they were` : ''}. The snapshot “${id}” (under Backups) undoes it.`;
			announceReplaced();
		} catch (e) {
			this.error = `Nothing was rescheduled: ${storageMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	/** Restores the snapshot taken just before the rescheduling: every card as it was then. */
	async undoReschedule(): Promise<void> {
		const id = this.undoSnapshot;
		if (!id || this.busy) return;
		this.busy = true;
		this.clear();
		try {
			const db = await this.#open();
			await restoreSnapshot(db, id);
			this.undoSnapshot = undefined;
			this.message = `Restored the snapshot “${id}”: the cards are scheduled as they were.`;
			announceReplaced();
			const settings = await loadSettings(db);
			this.history = await loadParameterHistory(db);
			this.#onSettings(settings);
		} catch (e) {
			this.error = `The restore failed and nothing was changed. ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	clear(): void {
		this.message = undefined;
		this.error = undefined;
	}

	#fail(message: string): void {
		this.#stop();
		this.#settle();
		this.error = message;
	}

	/** Ready, or short of history by the counts (`size`). */
	#settle(): void {
		const { reviews, days } = this.size;
		if (reviews >= MIN_REVIEWS && days >= MIN_DAYS) {
			this.status = 'ready';
			this.shortReason = undefined;
			return;
		}
		this.status = 'short';
		const answers = `${reviews.toLocaleString('en')} ${reviews === 1 ? 'answer' : 'answers'}`;
		this.shortReason = `Not yet: optimising needs at least ${MIN_REVIEWS} reviews over ${MIN_DAYS} days or more (Anki's rule of thumb is a few hundred reviews over several days). You have ${answers} over ${days} ${days === 1 ? 'day' : 'days'}.`;
	}

	#stopTimer(): void {
		if (this.#timer !== undefined) clearInterval(this.#timer);
		this.#timer = undefined;
	}

	#stop(): void {
		this.#stopTimer();
		this.#worker?.terminate();
		this.#worker = undefined;
	}

	/** Stops the worker when the page goes. */
	dispose(): void {
		this.#stop();
	}
}

const count = (n: number) => n.toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What the learner reads when the worker is done: what was fitted on what, and what Apply applies. */
export function doneMessage(m: Extract<FromOptimiser, { type: 'done' }>): string {
	const r = m.result;
	if (!r.better)
		return `Your current parameters predict your last ${count(r.tested)} reviews as well as the fitted ones or better, so there is nothing to apply.`;
	const threads = `${m.threads} ${m.threads === 1 ? 'thread' : 'threads'}`;
	const first = `Fitted on your first ${count(r.trained)} reviews in ${seconds(m.fitMs)} on ${threads}, and tested on the ${count(r.tested)} after them: the fitted parameters predict them better.`;
	if (!r.refit) return first;
	return r.refit.kept
		? `${first} Then fitted again on all your ${count(r.refit.reviews)} reviews${m.refitMs !== undefined ? ` in ${seconds(m.refitMs)}` : ''}: Apply uses these.`
		: `${first} Fitted again on all your ${count(r.refit.reviews)} reviews, they fitted them worse than your current parameters, so Apply uses the parameters fitted on the first ${count(r.trained)}.`;
}
