// Runs text analyses on request: reads and checks the input, analyses it slice by slice, reports
// progress, stops when cancelled, and keeps the last result to page through. The worker runs it;
// the analyse page's main-thread comparison (?thread=main) runs the same code without slices.

import {
	type Lexicon,
	checkFileSize,
	checkText,
	decodeText,
	type TextCheck,
	TextSurvey
} from '../text';
import type { FromSurvey, SurveyInput, ToSurvey } from './protocol';

/** Sentences analysed between two looks at the clock. */
const SENTENCES_PER_STEP = 20;

export interface HandlerOptions {
	/** Longest stretch of work before waiting messages (a cancel) get their turn; Infinity for none. */
	sliceMs: number;
	/** Least time between two progress messages: each one repaints the page, so not every slice sends one. */
	progressMs: number;
	/** Lets waiting messages run; resolves when they have. */
	pause: () => Promise<void>;
	now: () => number;
}

/** Reads pasted text or an opened file and checks it; nothing is analysed when it fails. */
export async function readInput(input: SurveyInput): Promise<TextCheck> {
	if ('text' in input) return checkText(input.text);
	const { file } = input;
	return (
		checkFileSize(file.size, file.name) ??
		decodeText(new Uint8Array(await file.arrayBuffer()), file.name)
	);
}

/**
 * A function that takes one request and answers through `post`.
 * @example const handle = createSurveyHandler(bundledLexicon, postMessage, { sliceMs: 40, … }); handle({ type: 'start', … })
 */
export function createSurveyHandler(
	lexicon: () => Lexicon,
	post: (m: FromSurvey) => void,
	options: HandlerOptions
) {
	let running: { job: number; cancelled: boolean } | undefined;
	let last: { job: number; survey: TextSurvey } | undefined;

	async function start(m: Extract<ToSurvey, { type: 'start' }>): Promise<void> {
		if (running) running.cancelled = true;
		const run = { job: m.job, cancelled: false };
		running = run;
		const input = await readInput(m.input);
		if (run.cancelled) return post({ type: 'cancelled', job: m.job });
		if (!input.ok) return post({ type: 'refused', job: m.job, message: input.message });
		const survey = new TextSurvey(input.text, lexicon());
		const total = survey.sentences.length;
		post({ type: 'progress', job: m.job, done: 0, total });
		let sliceStart = options.now();
		let posted = sliceStart;
		while (!survey.step(SENTENCES_PER_STEP)) {
			const now = options.now();
			if (now - sliceStart < options.sliceMs) continue;
			if (now - posted >= options.progressMs) {
				post({ type: 'progress', job: m.job, done: survey.done, total });
				posted = now;
			}
			await options.pause();
			if (run.cancelled) return post({ type: 'cancelled', job: m.job });
			sliceStart = options.now();
		}
		if (running === run) running = undefined;
		last = { job: m.job, survey };
		post({
			type: 'done',
			job: m.job,
			summary: survey.summary(),
			page: survey.page(m.view, 0, m.limit)
		});
	}

	return function handle(m: ToSurvey): void {
		switch (m.type) {
			case 'warm':
				lexicon();
				return post({ type: 'ready' });
			case 'start':
				start(m).catch((e: unknown) =>
					post({ type: 'failed', job: m.job, message: e instanceof Error ? e.message : String(e) })
				);
				return;
			case 'cancel':
				if (running?.job === m.job) running.cancelled = true;
				return;
			case 'page':
				if (last?.job === m.job)
					post({ type: 'page', job: m.job, page: last.survey.page(m.view, m.offset, m.limit) });
				return;
		}
	};
}
