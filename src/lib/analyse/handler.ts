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
import { buildUserDeck } from '../cards';
import { prepareArticle } from './article';
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

	/** Analyses `survey` slice by slice with progress; false when it was cancelled (and said so). */
	async function analyse(run: { job: number; cancelled: boolean }, survey: TextSurvey) {
		const total = survey.sentences.length;
		post({ type: 'progress', job: run.job, done: 0, total });
		let sliceStart = options.now();
		let posted = sliceStart;
		while (!survey.step(SENTENCES_PER_STEP)) {
			const now = options.now();
			if (now - sliceStart < options.sliceMs) continue;
			if (now - posted >= options.progressMs) {
				post({ type: 'progress', job: run.job, done: survey.done, total });
				posted = now;
			}
			await options.pause();
			if (run.cancelled) {
				post({ type: 'cancelled', job: run.job });
				return false;
			}
			sliceStart = options.now();
		}
		if (running === run) running = undefined;
		return true;
	}

	function begin(job: number) {
		if (running) running.cancelled = true;
		const run = { job, cancelled: false };
		running = run;
		return run;
	}

	async function start(m: Extract<ToSurvey, { type: 'start' }>): Promise<void> {
		const run = begin(m.job);
		const input = await readInput(m.input);
		if (run.cancelled) return post({ type: 'cancelled', job: m.job });
		if (!input.ok) return post({ type: 'refused', job: m.job, message: input.message });
		const survey = new TextSurvey(input.text, lexicon());
		if (!(await analyse(run, survey))) return;
		last = { job: m.job, survey };
		post({
			type: 'done',
			job: m.job,
			summary: survey.summary(),
			page: survey.page(m.view, 0, m.limit)
		});
	}

	async function article(m: Extract<ToSurvey, { type: 'article' }>): Promise<void> {
		const run = begin(m.job);
		const read = await prepareArticle(m.source);
		if (run.cancelled) return post({ type: 'cancelled', job: m.job });
		if (!read.ok) return post({ type: 'refused', job: m.job, message: read.message });
		const a = read.article;
		const lex = lexicon();
		const survey = new TextSurvey(a.body, lex, { slug: a.slug, keep: true, headline: a.headline });
		if (!(await analyse(run, survey))) return;
		const meta = { slug: a.slug, title: a.title, language: 'id', source: a.source };
		const deck = buildUserDeck({ meta, sentences: survey.analysed }, lex);
		post({ type: 'article', job: m.job, article: a, deck, summary: survey.summary() });
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
			case 'article':
				article(m).catch((e: unknown) =>
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
