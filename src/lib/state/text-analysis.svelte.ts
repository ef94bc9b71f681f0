// The analyse page's state: the text, the analysis under way in its worker (progress, cancel), and
// the result, shown one page of rows at a time so that no render is long.

import { tick } from 'svelte';
import { formatCount } from '../components/count';
import type { MainThreadSurvey } from '../analyse/main-thread';
import mainThreadScript from '../analyse/main-thread?worker&url';
import type { FromSurvey, SurveyInput, ToSurvey } from '../analyse/protocol';
import {
	checkFileSize,
	checkText,
	type SurveyPage,
	type SurveySummary,
	type SurveyView
} from '../text';

/** Where the analysis runs: in a Web Worker, or (to compare, with ?thread=main) on the page's own thread. */
export type Thread = 'worker' | 'main';

/** Rows of the table shown at once. */
export const PAGE_SIZE = 50;

/**
 * A pasted text longer than this many characters is kept aside instead of put in the text box:
 * the browser takes about 0.8 ms per kilobyte to lay a text box out (1.5 s for 1 MB), all in one task.
 */
export const HOLD_ABOVE = 30_000;

export interface Engine {
	send(m: ToSurvey): void;
	stop(): void;
}

export function workerEngine(
	receive: (m: FromSurvey) => void,
	fail: (message: string) => void
): Engine {
	const worker = new Worker(new URL('../analyse/survey.worker.ts', import.meta.url), {
		type: 'module'
	});
	worker.onmessage = (e: MessageEvent<FromSurvey>) => receive(e.data);
	worker.onerror = (e) => fail(e.message || 'the analysis worker could not start');
	return { send: (m) => worker.postMessage(m), stop: () => worker.terminate() };
}

/** The pipeline for the main-thread comparison: a script of its own, loaded only with ?thread=main. */
function loadMainThread(): Promise<MainThreadSurvey> {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		// Built like a worker (an ES module); it exports nothing and leaves its handler on globalThis.
		script.type = 'module';
		script.src = mainThreadScript;
		script.onload = () =>
			resolve(
				(globalThis as unknown as { kartuMainThreadSurvey: MainThreadSurvey }).kartuMainThreadSurvey
			);
		script.onerror = () => reject(new Error('the analysis code could not be loaded'));
		document.head.append(script);
	});
}

/** The same handler, run on the page's thread without slices: the baseline the worker is measured against. */
function mainThreadEngine(
	receive: (m: FromSurvey) => void,
	fail: (message: string) => void
): Engine {
	const queue: ToSurvey[] = [];
	let handle: ((m: ToSurvey) => void) | undefined;
	loadMainThread()
		.then(({ createSurveyHandler, bundledLexicon }) => {
			handle = createSurveyHandler(bundledLexicon, receive, {
				sliceMs: Infinity,
				progressMs: Infinity,
				pause: async () => {},
				now: () => performance.now()
			});
			for (const m of queue.splice(0)) handle(m);
		})
		.catch((e: Error) => fail(e.message));
	return { send: (m) => (handle ? handle(m) : queue.push(m)), stop: () => {} };
}

export class TextAnalysis {
	text = $state('');
	/** A pasted text too long for the text box, analysed as it is instead of `text`. */
	held = $state.raw<string | undefined>();
	/** The lexicon is loaded and indexed, so an analysis starts at once. */
	ready = $state(false);
	running = $state(false);
	/** Sentences analysed so far, of `total`. */
	done = $state(0);
	total = $state(0);
	/** Why the last input was refused, or why the analysis failed. */
	error = $state<string | undefined>();
	/** What the live region says: progress in steps of 10%, then the outcome. */
	status = $state('');
	/** What the shown result is of: "the pasted text" or a file name. */
	source = $state('');
	summary = $state.raw<SurveySummary | undefined>();
	view = $state<SurveyView>('words');
	page = $state.raw<SurveyPage | undefined>();
	percent = $derived(this.total ? Math.floor((100 * this.done) / this.total) : 0);

	#thread: Thread;
	#engine: Engine | undefined;
	#job = 0;
	/** The job whose result is shown (pages are asked of it). */
	#shown = 0;
	#pendingSource = '';
	#pendingInput: SurveyInput | undefined;
	/** What the shown result was made from: the add-article page can make cards of it. */
	input = $state.raw<SurveyInput | undefined>();

	constructor(thread: Thread = 'worker') {
		this.#thread = thread;
		this.#engine = this.#start();
		this.#engine.send({ type: 'warm' });
	}

	#start(): Engine {
		const receive = (m: FromSurvey) => this.#receive(m);
		const fail = (message: string) => this.#fail(message);
		return this.#thread === 'main' ? mainThreadEngine(receive, fail) : workerEngine(receive, fail);
	}

	/**
	 * Takes a paste too long for the text box (over `HOLD_ABOVE` characters) and keeps it aside; a
	 * text over 5 MB gets a message instead. False when the box should take the paste as usual.
	 */
	hold(pasted: string): boolean {
		if (pasted.length <= HOLD_ABOVE) return false;
		const check = checkText(pasted);
		if (!check.ok) this.#refuse(check.message);
		else {
			this.error = undefined;
			this.held = pasted;
		}
		return true;
	}

	/** Drops the long pasted text and brings the text box back. */
	release(): void {
		this.held = undefined;
	}

	/** Analyses the pasted text; an empty or oversize text gets a message and changes nothing. */
	analyseText(): void {
		const text = this.held ?? this.text;
		const check = checkText(text);
		if (!check.ok) return this.#refuse(check.message);
		this.#run({ text }, 'the pasted text');
	}

	/** Analyses an opened file; the worker reads it and refuses what is not text. */
	analyseFile(file: File): void {
		const tooLarge = checkFileSize(file.size, file.name);
		if (tooLarge && !tooLarge.ok) return this.#refuse(tooLarge.message);
		this.#run({ file }, file.name);
	}

	#run(input: SurveyInput, source: string): void {
		if (this.running) this.cancel();
		this.error = undefined;
		this.running = true;
		this.done = 0;
		this.total = 0;
		this.status = 'Analysing…';
		this.#pendingSource = source;
		this.#pendingInput = input;
		performance.clearMarks('kartu:analyse:start');
		performance.mark('kartu:analyse:start');
		this.#engine ??= this.#start();
		this.#engine.send({
			type: 'start',
			job: ++this.#job,
			input,
			view: this.view,
			limit: PAGE_SIZE
		});
	}

	/** Stops the analysis under way; the result shown before stays. */
	cancel(): void {
		if (!this.running) return;
		this.#engine?.send({ type: 'cancel', job: this.#job });
		// Whatever the cancelled job still sends is ignored from now on.
		this.#job++;
		this.running = false;
		this.status = this.summary
			? 'Analysis cancelled; the result below is unchanged.'
			: 'Analysis cancelled.';
	}

	/** Shows another view of the result, from its first row. */
	show(view: SurveyView): void {
		this.view = view;
		this.#ask(0);
	}

	next(): void {
		if (this.page && this.page.offset + PAGE_SIZE < this.page.total)
			this.#ask(this.page.offset + PAGE_SIZE);
	}

	previous(): void {
		if (this.page && this.page.offset > 0) this.#ask(Math.max(0, this.page.offset - PAGE_SIZE));
	}

	#ask(offset: number): void {
		if (this.#shown)
			this.#engine?.send({
				type: 'page',
				job: this.#shown,
				view: this.view,
				offset,
				limit: PAGE_SIZE
			});
	}

	#refuse(message: string): void {
		this.error = message;
		this.status = '';
	}

	#fail(message: string): void {
		this.#engine?.stop();
		this.#engine = undefined;
		this.running = false;
		this.error = `The analysis failed: ${message}`;
		this.status = '';
	}

	async #receive(m: FromSurvey): Promise<void> {
		if (m.type === 'ready') {
			this.ready = true;
			return;
		}
		if (m.type === 'page') {
			if (m.job === this.#shown && m.page.view === this.view) this.page = m.page;
			return;
		}
		if (m.job !== this.#job) return;
		switch (m.type) {
			case 'progress': {
				const before = Math.floor(this.percent / 10);
				this.done = m.done;
				this.total = m.total;
				if (Math.floor(this.percent / 10) !== before || m.done === 0)
					this.status = `Analysing: ${this.percent}% of ${formatCount(m.total)} sentences.`;
				return;
			}
			case 'done':
				this.running = false;
				this.ready = true;
				this.#shown = m.job;
				this.source = this.#pendingSource;
				this.input = this.#pendingInput;
				this.summary = m.summary;
				this.page = m.page;
				// The learner chose another view while it ran.
				if (m.page.view !== this.view) this.#ask(0);
				this.done = this.total = m.summary.sentences;
				this.status = `Analysed ${this.source}: ${formatCount(m.summary.sentences)} sentences, ${formatCount(m.summary.headwords)} headwords.`;
				await tick();
				performance.measure('kartu:analyse', 'kartu:analyse:start');
				return;
			case 'refused':
				this.running = false;
				return this.#refuse(m.message);
			case 'failed':
				this.running = false;
				this.error = `The analysis failed: ${m.message}`;
				this.status = '';
				return;
			case 'cancelled':
				return;
		}
	}

	/** Ends the worker; the page calls it when it goes. */
	destroy(): void {
		this.#engine?.stop();
		this.#engine = undefined;
	}
}
