import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, readLexicon } from '../../../scripts/content-node';
import { MAX_TEXT_BYTES } from '../text';
import { createSurveyHandler, readInput } from './handler';
import type { FromSurvey } from './protocol';

const lex = readLexicon();
const article = readFileSync(`${CONTENT}/articles/azerbaijan-iran.md`, 'utf8');
/** The article's body five times: about 175 sentences, nine steps of 20. */
const long = Array(5)
	.fill(article.slice(article.indexOf('\n---\n') + 5))
	.join('\n');

/** A handler whose clock moves 10 ms a call, so a slice of 25 ms is two or three steps. */
function setUp(sliceMs = 25, progressMs = 0) {
	const posted: FromSurvey[] = [];
	let clock = 0;
	let pauses = 0;
	let onPause: () => void = () => {};
	const handle = createSurveyHandler(
		() => lex,
		(m) => posted.push(m),
		{
			sliceMs,
			progressMs,
			pause: async () => {
				pauses++;
				onPause();
			},
			now: () => (clock += 10)
		}
	);
	const settled = () => new Promise<void>((r) => setTimeout(r, 0));
	return {
		posted,
		handle,
		settled,
		pauses: () => pauses,
		setOnPause: (f: () => void) => (onPause = f)
	};
}

async function finished(posted: FromSurvey[]) {
	for (let i = 0; i < 1000 && !posted.some((m) => m.type !== 'progress' && m.type !== 'ready'); i++)
		await new Promise((r) => setTimeout(r, 0));
}

describe('createSurveyHandler', () => {
	it('analyses a text slice by slice, posting progress, then the summary and the first rows', async () => {
		const { posted, handle, pauses } = setUp();
		handle({ type: 'start', job: 1, input: { text: long }, view: 'words', limit: 10 });
		await finished(posted);
		const progress = posted.filter((m) => m.type === 'progress');
		expect(progress.length).toBeGreaterThan(1);
		expect(progress[0]).toMatchObject({ done: 0 });
		expect(pauses()).toBe(progress.length - 1);
		const done = posted.at(-1)!;
		expect(done.type).toBe('done');
		if (done.type !== 'done') return;
		expect(done.summary.sentences).toBe(progress[0].type === 'progress' ? progress[0].total : -1);
		expect(done.page).toMatchObject({ view: 'words', offset: 0 });
		expect(done.page.rows).toHaveLength(10);

		handle({ type: 'page', job: 1, view: 'names', offset: 0, limit: 5 });
		expect(posted.at(-1)).toMatchObject({
			type: 'page',
			job: 1,
			page: { view: 'names', offset: 0 }
		});
		// A page of a job that is not the last result gets no answer.
		const before = posted.length;
		handle({ type: 'page', job: 7, view: 'words', offset: 0, limit: 5 });
		expect(posted).toHaveLength(before);
	});

	it('posts progress no more often than progressMs', async () => {
		// Slices of one step (the clock moves 10 ms a call); progress at most every 25 ms, so every third pause or so.
		const { posted, handle, pauses } = setUp(5, 25);
		handle({ type: 'start', job: 1, input: { text: long }, view: 'words', limit: 10 });
		await finished(posted);
		const progress = posted.filter((m) => m.type === 'progress').length - 1;
		expect(pauses()).toBeGreaterThan(3);
		expect(progress).toBeGreaterThan(0);
		expect(progress).toBeLessThanOrEqual(Math.ceil(pauses() / 2));
	});

	it('stops at the next slice when cancelled, and keeps the previous result', async () => {
		const { posted, handle, setOnPause } = setUp();
		handle({
			type: 'start',
			job: 1,
			input: { text: 'Judul\nDia mengatakan itu.' },
			view: 'words',
			limit: 10
		});
		await finished(posted);
		setOnPause(() => handle({ type: 'cancel', job: 2 }));
		handle({ type: 'start', job: 2, input: { text: long }, view: 'words', limit: 10 });
		await finished(posted.slice(1));
		await new Promise((r) => setTimeout(r, 10));
		expect(posted.filter((m) => m.type !== 'progress').map((m) => m.type)).toEqual([
			'done',
			'cancelled'
		]);
		handle({ type: 'page', job: 1, view: 'words', offset: 0, limit: 1 });
		expect(posted.at(-1)).toMatchObject({ type: 'page', job: 1 });
	});

	it('refuses bad input with the reason, and runs without slices when sliceMs is Infinity', async () => {
		const { posted, handle, pauses } = setUp(Infinity);
		handle({ type: 'start', job: 1, input: { text: ' ' }, view: 'words', limit: 10 });
		await finished(posted);
		expect(posted).toEqual([
			{
				type: 'refused',
				job: 1,
				message:
					'There is no text to analyse: paste some Indonesian text or open a .txt or .md file.'
			}
		]);
		handle({ type: 'start', job: 2, input: { text: long }, view: 'words', limit: 10 });
		await finished(posted.slice(1));
		expect(posted.slice(1).map((m) => m.type)).toEqual(['progress', 'done']);
		expect(pauses()).toBe(0);
	});

	it('warms up on request', () => {
		const { posted, handle } = setUp();
		handle({ type: 'warm' });
		expect(posted).toEqual([{ type: 'ready' }]);
	});
});

describe('readInput', () => {
	it('reads a UTF-8 file, and refuses one that is not text or too large before reading it', async () => {
		expect(await readInput({ file: new File(['Dia mengatakan itu.'], 'a.txt') })).toEqual({
			ok: true,
			text: 'Dia mengatakan itu.'
		});
		expect(
			await readInput({ file: new File([new Uint8Array([0x89, 0x50, 0, 0])], 'p.png') })
		).toMatchObject({ ok: false });
		const big = {
			size: MAX_TEXT_BYTES + 1,
			name: 'big.txt',
			arrayBuffer: () => Promise.reject(new Error('read'))
		} as unknown as File;
		expect(await readInput({ file: big })).toEqual({
			ok: false,
			message: 'big.txt is 5.0 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
		});
	});
});
