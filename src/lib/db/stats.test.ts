import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Rating, type Grade } from '../srs';
import { undoAnswer } from './answers';
import { KartuDB } from './schema';
import { answerNextIfAny, eachTestDatabase, T0, testSettings } from './test-support';
import { computeStats, markStatsStale } from './stats';

const settings = testSettings;
const t0 = T0;
const day = 86_400_000;

let db: KartuDB;
eachTestDatabase('stats', (d) => (db = d), { seeded: true });
/** The same statistics summed from the whole history, as after an import. */
const rebuilt = async (at: Date) => {
	await markStatsStale(db);
	return computeStats(db, at, settings);
};

describe('computeStats', () => {
	it('keeps day rows up to date with each answer, equal to summing the whole history, as days go by', async () => {
		for (let d = 0; d < 3; d++)
			for (let i = 0; i < 4; i++)
				await answerNextIfAny(db, new Date(t0.getTime() + d * day + i * 60_000), Rating.Easy, 6000);
		const day3 = new Date(t0.getTime() + 3 * day);
		const where = vi.spyOn(db.reviews, 'where');
		const first = await computeStats(db, day3, settings);
		// A visit reads day rows and index counts only, never the reviews.
		expect(where).not.toHaveBeenCalled();
		where.mockRestore();
		expect(first.perDay.slice(-4).map((d) => d.reviews)).toEqual([4, 4, 4, 0]);
		expect(first.streak).toBe(3);
		const inReview = (await db.cards.toArray()).filter((c) => c.fsrs.state === 2);
		expect(inReview).toHaveLength(12);
		expect(first.headwordsInReview.at(-1)).toBe(new Set(inReview.map((c) => c.sibling)).size);
		expect(first.rootsInReview.at(-1)).toBe(new Set(inReview.map((c) => c.content.root)).size);
		expect(first.perDay.at(-2)!.ms).toBe(24_000);
		expect(first).toEqual(await rebuilt(day3));

		await answerNextIfAny(db, day3, Rating.Again, 6000);
		const kept = await computeStats(db, new Date(day3.getTime() + 60_000), settings);
		expect(kept.perDay.slice(-4).map((d) => d.reviews)).toEqual([4, 4, 4, 1]);
		expect(kept.streak).toBe(4);
		expect(kept).toEqual(await rebuilt(new Date(day3.getTime() + 60_000)));
	});

	it('takes an undone answer out of its day, and out of the headwords and roots in review', async () => {
		const a = (await answerNextIfAny(db, t0, Rating.Easy, 6000))!;
		const b = (await answerNextIfAny(db, new Date(t0.getTime() + 60_000), Rating.Easy, 6000))!;
		const at = new Date(t0.getTime() + 2 * day);
		expect((await computeStats(db, at, settings)).headwordsInReview.at(-1)).toBe(2);
		await undoAnswer(db, b.review, 4);
		await undoAnswer(db, a.review, 4);
		const after = await computeStats(db, at, settings);
		expect(after.perDay.reduce((s, d) => s + d.reviews, 0)).toBe(0);
		expect(after.headwordsInReview.at(-1)).toBe(0);
		expect(after.rootsInReview.at(-1)).toBe(0);
		expect(await db.firsts.count()).toBe(0);
		expect(after).toEqual(await rebuilt(at));
	});

	it('sums the history again after a change of the hour the day starts at', async () => {
		// 03:00 belongs to the previous study day when days start at 4, to the same day when they start at 2.
		await answerNextIfAny(db, new Date(2026, 2, 3, 3, 0), Rating.Easy, 6000);
		const at = new Date(2026, 2, 3, 12, 0);
		expect((await computeStats(db, at, settings)).perDay.slice(-2).map((d) => d.reviews)).toEqual([
			1, 0
		]);
		expect(
			(await computeStats(db, at, { ...settings, dayStartHour: 2 })).perDay
				.slice(-2)
				.map((d) => d.reviews)
		).toEqual([0, 1]);
	});

	it('counts retention of answers to cards in review, young and mature apart', async () => {
		for (let i = 0; i < 5; i++)
			await answerNextIfAny(db, new Date(t0.getTime() + i * 1000), Rating.Easy, 6000);
		// Three days later those cards are due: pass three, fail two.
		const later = new Date(t0.getTime() + 20 * day);
		for (const g of [
			Rating.Good,
			Rating.Good,
			Rating.Again,
			Rating.Good,
			Rating.Again
		] as Grade[]) {
			await answerNextIfAny(db, later, g, 6000);
		}
		const s = await computeStats(db, later, settings);
		expect(s.retentionByDay.at(-1)!.young).toEqual({ passed: 3, total: 5 });
		expect(s.retentionByDay.at(-1)!.mature).toEqual({ passed: 0, total: 0 });
		expect(s.states.find((x) => x.label === 'Relearning')!.count).toBe(2);
		expect(s.forecast.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	});
});
