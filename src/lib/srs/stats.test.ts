import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { cumulative, forecast, ReviewStats, studyDays } from './stats';

// The learner lives in Jakarta (UTC+7): a day boundary that is not UTC's.
let tz: string | undefined;
beforeAll(() => {
	tz = process.env.TZ;
	process.env.TZ = 'Asia/Jakarta';
});
afterAll(() => {
	process.env.TZ = tz;
});

const at = (d: number, h: number, m = 0) => new Date(2026, 2, d, h, m);
const review = (time: Date, grade: number, beforeState: number, scheduled = 3, cardId = 'c') => ({
	cardId,
	grade,
	time,
	ms: 5000,
	before: { state: beforeState, scheduled_days: scheduled },
	after: { state: grade === 1 ? State.Relearning : State.Review }
});

describe('ReviewStats', () => {
	it('counts a review at 3:30 a.m. for the previous study day, and one at 4:00 for the new day', () => {
		const s = new ReviewStats(at(1, 12), at(3, 12), 4);
		expect(s.days).toHaveLength(3);
		s.add(review(at(2, 3, 30), 3, State.Review));
		s.add(review(at(2, 4, 0), 3, State.Review));
		s.add(review(at(2, 23, 59), 1, State.Review));
		expect(s.perDay.map((d) => d.reviews)).toEqual([1, 2, 0]);
		expect(s.perDay[1].ms).toBe(10_000);
	});

	it('computes retention of review answers, young and mature apart, ignoring learning and practice', () => {
		const s = new ReviewStats(at(1, 12), at(1, 12), 4);
		s.add(review(at(1, 9), 3, State.Review, 3));
		s.add(review(at(1, 9, 1), 1, State.Review, 3));
		s.add(review(at(1, 9, 2), 4, State.Review, 30));
		s.add(review(at(1, 9, 3), 1, State.Learning, 0));
		s.add({ ...review(at(1, 9, 4), 1, State.Review, 30), practice: true });
		expect(s.retentionByDay[0]).toMatchObject({
			young: { passed: 1, total: 2 },
			mature: { passed: 1, total: 1 }
		});
		expect(s.retentionByMonth()[0].young.total).toBe(2);
	});

	it('counts the streak of study days up to today or yesterday', () => {
		const s = new ReviewStats(at(1, 12), at(5, 12), 4);
		for (const d of [1, 3, 4]) s.add(review(at(d, 10), 3, State.Review));
		expect(s.streak()).toBe(2);
	});
});

describe('forecast', () => {
	it('puts overdue cards on today and splits days at 4 a.m. local time', () => {
		const now = at(10, 20);
		expect(
			forecast([at(1, 10), at(10, 23), at(11, 3, 59), at(11, 4), at(12, 5)], now, 4, 3)
		).toEqual([3, 1, 1]);
	});
});

describe('cumulative', () => {
	it('counts what was reached by the end of each day', () => {
		const days = studyDays(at(1, 12), at(3, 12), 4);
		expect(cumulative([at(1, 9).getTime(), at(1, 10).getTime(), at(3, 5).getTime()], days)).toEqual(
			[2, 2, 3]
		);
	});
});
