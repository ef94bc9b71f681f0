import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { pickNext } from '../srs/queue';
import { Rating, Scheduler, type Grade } from '../srs/schedule';
import { DEFAULT_SETTINGS } from '../srs/settings';
import { loadQueue, syncDecks } from './cards';
import { recordAnswer, undoAnswer } from './reviews';
import { KartuDB } from './schema';
import { clearStatsCache, computeStats } from './stats';

const { deck } = readArticle('azerbaijan-iran');
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const scheduler = new Scheduler(settings);
const t0 = new Date(2026, 2, 2, 9, 0);
const day = 86_400_000;

let db: KartuDB;
let n = 0;
beforeEach(async () => {
	db = new KartuDB(`stats-${++n}`);
	await syncDecks(db, [deck], t0);
});
afterEach(async () => {
	db.close();
	await db.delete();
});

async function answer(at: Date, grade: Grade) {
	const { queue } = await loadQueue(db, at, settings);
	const next = pickNext(queue, at.getTime());
	if (!next) return undefined;
	const card = (await db.cards.get(next.id))!;
	return recordAnswer(db, { card, grade, next: scheduler.answer(card.fsrs, grade, at), time: at, ms: 6000 });
}

const fresh = async (at: Date) => {
	await clearStatsCache(db);
	return computeStats(db, at, settings);
};

describe('computeStats', () => {
	it('gives the same figures from its cache of finished days as from a full read, as days go by', async () => {
		for (let d = 0; d < 3; d++) for (let i = 0; i < 4; i++) await answer(new Date(t0.getTime() + d * day + i * 60_000), Rating.Easy);
		const day3 = new Date(t0.getTime() + 3 * day);
		const first = await computeStats(db, day3, settings); // fills the cache with days 0-2
		expect(first.perDay.slice(-4).map((d) => d.reviews)).toEqual([4, 4, 4, 0]);
		expect(first.streak).toBe(3);
		const inReview = (await db.cards.toArray()).filter((c) => c.fsrs.state === 2);
		expect(inReview).toHaveLength(12);
		expect(first.headwordsInReview.at(-1)).toBe(new Set(inReview.map((c) => c.sibling)).size);
		expect(first.rootsInReview.at(-1)).toBe(new Set(inReview.map((c) => c.content.root)).size);
		expect(first.perDay.at(-2)!.ms).toBe(24_000);

		await answer(day3, Rating.Again);
		const cached = await computeStats(db, new Date(day3.getTime() + 60_000), settings);
		const full = await fresh(new Date(day3.getTime() + 60_000));
		expect(cached).toEqual(full);
		expect(cached.perDay.slice(-4).map((d) => d.reviews)).toEqual([4, 4, 4, 1]);
		expect(cached.streak).toBe(4);
	});

	it('forgets the cache when an answer of a summed day is undone', async () => {
		const a = (await answer(t0, Rating.Easy))!;
		await computeStats(db, new Date(t0.getTime() + day), settings);
		await undoAnswer(db, a.review);
		const after = await computeStats(db, new Date(t0.getTime() + day), settings);
		expect(after.perDay.reduce((s, d) => s + d.reviews, 0)).toBe(0);
	});

	it('counts retention of answers to cards in review, young and mature apart', async () => {
		for (let i = 0; i < 5; i++) await answer(new Date(t0.getTime() + i * 1000), Rating.Easy);
		// Three days later those cards are due: pass three, fail two.
		const later = new Date(t0.getTime() + 20 * day);
		for (const g of [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Again] as Grade[]) {
			await answer(later, g);
		}
		const s = await computeStats(db, later, settings);
		expect(s.retentionByDay.at(-1)!.young).toEqual({ passed: 3, total: 5 });
		expect(s.retentionByDay.at(-1)!.mature).toEqual({ passed: 0, total: 0 });
		expect(s.states.find((x) => x.label === 'Relearning')!.count).toBe(2);
		expect(s.forecast.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	});
});
