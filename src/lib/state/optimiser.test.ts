import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { syncDecks } from '../db/decks';
import { KartuDB } from '../db/schema';
import { loadParameterHistory, loadSettings, saveSettings } from '../db/settings';
import type { StoredReview } from '../db/rows';
import { DEFAULT_SETTINGS, DEFAULT_WEIGHTS, newCard, Rating, type SchedulerSettings } from '../srs';
import type { FromOptimiser, OptimiseRequest } from '../optimise/protocol';
import { ParameterOptimiser, type Comparison } from './optimiser.svelte';
import { ReviewSession } from './review-session.svelte';
import { until } from './test-app';

const { deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);
const DAY = 86_400_000;

/** Stands in for the optimiser's worker: records what it is sent, answers what the test says. */
class FakeWorker {
	sent: OptimiseRequest[] = [];
	terminated = false;
	onmessage: ((e: MessageEvent<FromOptimiser>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	postMessage(m: OptimiseRequest) {
		this.sent.push(m);
	}
	terminate() {
		this.terminated = true;
	}
	reply(m: FromOptimiser) {
		this.onmessage?.({ data: m } as MessageEvent<FromOptimiser>);
	}
}

/** `n` answers spread over `days` days (the counts are all the page reads before optimising). */
async function answers(n: number, days: number) {
	const rows: StoredReview[] = Array.from({ length: n }, (_, i) => {
		const time = new Date(t0.getTime() - days * DAY + Math.floor((i * days * DAY) / n));
		return {
			id: `${time.getTime().toString(36)}-${String(i).padStart(6, '0')}`,
			cardId: 'somewhere/vocab',
			grade: Rating.Good,
			time,
			ms: 3000,
			before: newCard(time),
			after: newCard(time)
		};
	});
	await db.reviews.bulkAdd(rows);
}

const FITTED = DEFAULT_WEIGHTS.map((w, i) => (i === 3 ? 20 : w));
/** Fitted again on all the reviews. */
const REFITTED = DEFAULT_WEIGHTS.map((w, i) => (i === 3 ? 25 : w));

function result(better: boolean): Comparison {
	const fit = (logLoss: number) => ({ logLoss, rmseBins: 0.05, count: 120 });
	return {
		current: { weights: [...DEFAULT_WEIGHTS], fit: fit(0.4), perDay: 10 },
		fitted: { weights: FITTED, fit: fit(better ? 0.35 : 0.42), perDay: 12.5 },
		better,
		trained: 480,
		tested: 120,
		answers: 700
	};
}

let db: KartuDB;
let n = 0;
let worker: FakeWorker;
let shown: SchedulerSettings[];
const optimiser = () =>
	new ParameterOptimiser(
		(s) => shown.push(s),
		async () => db,
		() => (worker = new FakeWorker()) as unknown as Worker
	);

beforeEach(async () => {
	db = new KartuDB(`optimiser-state-${++n}`);
	await syncDecks(db, [deck], t0);
	await saveSettings(db, { ...DEFAULT_SETTINGS, enableFuzz: false });
	shown = [];
});
afterEach(async () => {
	db.close();
	await db.delete();
});

describe('ParameterOptimiser', () => {
	it('says how many reviews there are when there are too few, and offers nothing to start', async () => {
		await answers(120, 3);
		const o = optimiser();
		await until(() => o.status !== 'loading');
		expect(o.status).toBe('short');
		expect(o.shortReason).toMatch(
			/at least 400 reviews over 7 days.*You have 120 answers over 4 days/
		);
	});

	it('fits in the worker with progress, and cancelling stops it and changes nothing', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		expect(o.status).toBe('running');
		expect(worker.sent[0].settings.weights).toEqual([...DEFAULT_WEIGHTS]);
		worker.reply({ type: 'reading', read: 300, total: 600 });
		expect([o.phase, o.percent]).toEqual(['reading', 50]);
		// The worker shares fsrs-rs's progress: [items processed, items in all] in its memory.
		const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
		new Uint32Array(memory.buffer, 64, 2).set([250, 1000]);
		worker.reply({
			type: 'fitting',
			stage: 'held-out',
			threads: 2,
			reviews: 480,
			memory,
			pointer: 64
		});
		await until(() => o.total === 1000);
		expect([o.phase, o.percent, o.threads]).toEqual(['fitting', 25, 2]);
		o.cancel();
		expect(worker.terminated).toBe(true);
		expect(o.status).toBe('ready');
		expect(o.message).toMatch(/cancelled; nothing was changed/);
		worker.reply({ type: 'done', result: result(true), fitMs: 900, threads: 2 });
		expect(o.result).toBeUndefined();
		expect((await loadSettings(db)).weights).toEqual([...DEFAULT_WEIGHTS]);
	});

	it('does not apply parameters that fit the held-out reviews worse', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		worker.reply({ type: 'done', result: result(false), fitMs: 900, threads: 1 });
		expect(o.status).toBe('done');
		expect(o.message).toMatch(/current parameters predict your last 120 reviews as well/);
		await o.apply();
		expect(o.applied).toBe(false);
		expect((await loadSettings(db)).weights).toEqual([...DEFAULT_WEIGHTS]);
		expect(await loadParameterHistory(db)).toEqual([]);
	});

	it('applies better parameters on the learner’s word: the review session then schedules with them; restoring undoes it', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		worker.reply({ type: 'done', result: result(true), fitMs: 900, threads: 2 });
		expect((await loadSettings(db)).weights).toEqual([...DEFAULT_WEIGHTS]);
		await o.apply();
		expect(o.applied).toBe(true);
		expect((await loadSettings(db)).weights).toEqual(FITTED);
		expect(shown.at(-1)!.weights).toEqual(FITTED);
		expect(o.last).toMatchObject({
			source: 'optimiser',
			weights: FITTED,
			previous: [...DEFAULT_WEIGHTS],
			fit: { reviews: 120, before: [0.4, 0.05], after: [0.35, 0.05] }
		});

		// A new card answered Easy graduates at its initial stability, w3: 20 days, not the default 8.
		const session = new ReviewSession(db);
		await session.start(t0);
		session.reveal();
		expect(session.intervals?.[Rating.Easy]).toBe('20d');

		await o.restorePrevious();
		expect((await loadSettings(db)).weights).toEqual([...DEFAULT_WEIGHTS]);
		expect(o.last?.source).toBe('restore');
		const again = new ReviewSession(db);
		await again.start(t0);
		again.reveal();
		expect(again.intervals?.[Rating.Easy]).toBe('8d');
	});
});

describe('ParameterOptimiser, fitting again on all the reviews', () => {
	const refitted = (kept: boolean): Comparison => ({
		...result(true),
		refit: {
			weights: REFITTED,
			reviews: 600,
			perDay: 11,
			logLoss: kept ? 0.33 : 0.41,
			currentLogLoss: 0.4,
			kept
		}
	});

	it('shows progress and Cancel for the fit on all the reviews too', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		worker.reply({ type: 'fitting', stage: 'held-out', threads: 1, reviews: 480 });
		expect(o.phase).toBe('fitting');
		worker.reply({ type: 'evaluating' });
		expect(o.phase).toBe('evaluating');
		worker.reply({ type: 'fitting', stage: 'all', threads: 1, reviews: 600 });
		expect([o.status, o.phase]).toEqual(['running', 'refitting']);
		worker.reply({ type: 'evaluating' });
		expect(o.phase).toBe('checking');
		o.cancel();
		expect(worker.terminated).toBe(true);
		expect(o.status).toBe('ready');
		expect(o.message).toMatch(/cancelled; nothing was changed/);
		worker.reply({ type: 'done', result: refitted(true), fitMs: 900, refitMs: 1100, threads: 1 });
		expect(o.result).toBeUndefined();
		expect((await loadSettings(db)).weights).toEqual([...DEFAULT_WEIGHTS]);
	});

	it('applies the parameters fitted on all the reviews, and says so', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		worker.reply({ type: 'done', result: refitted(true), fitMs: 900, refitMs: 1100, threads: 2 });
		expect(o.message).toBe(
			'Fitted on your first 480 reviews in 0.9 s on 2 threads, and tested on the 120 after them: the fitted parameters predict them better. Then fitted again on all your 600 reviews in 1.1 s: Apply uses these.'
		);
		await o.apply();
		expect((await loadSettings(db)).weights).toEqual(REFITTED);
		expect(o.last).toMatchObject({
			source: 'optimiser',
			weights: REFITTED,
			fit: { reviews: 120, before: [0.4, 0.05], after: [0.35, 0.05], fittedOn: 600 }
		});
	});

	it('applies the fit on the earlier reviews when the one on all of them fits worse than the current parameters', async () => {
		await answers(600, 20);
		const o = optimiser();
		await until(() => o.status === 'ready');
		await o.start();
		worker.reply({ type: 'done', result: refitted(false), fitMs: 900, refitMs: 1100, threads: 1 });
		expect(o.message).toMatch(/so Apply uses the parameters fitted on the first 480\.$/);
		await o.apply();
		expect((await loadSettings(db)).weights).toEqual(FITTED);
		expect(o.last?.fit?.fittedOn).toBe(480);
	});
});
