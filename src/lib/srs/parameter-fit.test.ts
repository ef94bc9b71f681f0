import { describe, expect, it } from 'vitest';
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { cardHistories, fsrsItems, splitByTime, type CardHistory } from './fsrs-items';
import { DEFAULT_WEIGHTS, newCard } from './memory';
import {
	evaluate,
	expectedReviewsPerDay,
	memoryModel,
	predictions,
	weightsAsScheduled
} from './parameter-fit';
import { Scheduler } from './schedule';
import { DEFAULT_SETTINGS } from './settings';
import { drawParameters, seeded, simulateLearner } from './simulate';

const history = (ratings: number[], deltaTs: number[], start = 0): CardHistory => {
	let day = start;
	return {
		cardId: `c${start}`,
		ratings,
		deltaTs,
		times: deltaTs.map((d) => (day += d) * 86_400_000 + 12 * 3_600_000)
	};
};

describe('predictions', () => {
	it('are the forgetting curve of the memory the reviews before give, as ts-fsrs computes it', () => {
		const h = history([3, 3, 1, 3, 3], [0, 0, 4, 0, 9]);
		const [afterFour, afterNine] = predictions(
			[h],
			[
				{ card: 0, index: 2 },
				{ card: 0, index: 4 }
			],
			DEFAULT_WEIGHTS
		);
		const f = new FSRSAlgorithm(generatorParameters({ w: [...DEFAULT_WEIGHTS] }));
		let m = f.next_state(null, 0, 3);
		m = f.next_state(m, 0, 3);
		expect(afterFour).toBeCloseTo(f.forgetting_curve(4, m.stability), 10);
		m = f.next_state(f.next_state(m, 4, 1), 0, 3);
		expect(afterNine).toBeCloseTo(f.forgetting_curve(9, m.stability), 10);
		expect(memoryModel(DEFAULT_WEIGHTS).memory(h).stability).toBeCloseTo(
			f.next_state(m, 9, 3).stability,
			10
		);
	});
});

describe('evaluate', () => {
	it('computes log loss over the items, and RMSE over fsrs-rs’s bins weighted by their size', () => {
		// Two cards answered Good, then once more after 3 days: the same bin (3 days, second review,
		// no lapse), one recalled and one forgotten.
		const a = history([3, 3], [0, 3], 0);
		const b = history([3, 1], [0, 3], 1);
		const items = [
			{ card: 0, index: 1 },
			{ card: 1, index: 1 }
		];
		const [p] = predictions([a, b], items, DEFAULT_WEIGHTS);
		const fit = evaluate([a, b], items, DEFAULT_WEIGHTS);
		expect(fit.count).toBe(2);
		expect(fit.logLoss).toBeCloseTo(-(Math.log(p) + Math.log(1 - p)) / 2, 10);
		expect(fit.rmseBins).toBeCloseTo(Math.abs(p - 0.5), 10);
		// Forgotten after 40 days instead: another bin, so each bin's error counts on its own.
		const c = history([3, 1], [0, 40], 2);
		const both = evaluate(
			[a, c],
			[
				{ card: 0, index: 1 },
				{ card: 1, index: 1 }
			],
			DEFAULT_WEIGHTS
		);
		const [pa, pc] = predictions(
			[a, c],
			[
				{ card: 0, index: 1 },
				{ card: 1, index: 1 }
			],
			DEFAULT_WEIGHTS
		);
		expect(both.rmseBins).toBeCloseTo(Math.sqrt(((pa - 1) ** 2 + pc ** 2) / 2), 10);
	});

	it('finds a simulated learner’s own parameters better than the defaults on their latest reviews', () => {
		const rng = seeded(3);
		const weights = drawParameters(rng);
		const reviews = simulateLearner({
			seed: 4,
			weights,
			cards: 300,
			days: 200,
			newPerDay: 5,
			skipDay: 0.1,
			start: new Date(2026, 0, 1)
		});
		const histories = cardHistories(reviews, 4);
		const { test } = splitByTime(fsrsItems(histories), 0.8);
		const own = evaluate(histories, test, weights);
		const defaults = evaluate(histories, test, DEFAULT_WEIGHTS);
		expect(own.count).toBeGreaterThan(300);
		expect(own.logLoss).toBeLessThan(defaults.logLoss);
		expect(own.rmseBins).toBeLessThan(defaults.rmseBins);
	});
});

describe('expectedReviewsPerDay', () => {
	const today = 20_000;
	/** A card learnt Good 30 days before `today` and reviewed Good `since` days before it. */
	const card = (since: number): CardHistory => history([3, 3], [0, 30 - since], today - 30);

	it('counts each card’s reviews over the next 30 days, an overdue one today', () => {
		const long = [...DEFAULT_WEIGHTS];
		long[8] = 4; // stability grows so much after the second review that no review is due within a month
		expect(expectedReviewsPerDay([card(1)], long, 0.9, 36500, today, 4)).toBe(0);
		// Overdue by months: reviewed once, today (after which its stability outlasts the month).
		const overdue = history([3, 3], [0, 2], today - 200);
		expect(expectedReviewsPerDay([overdue], DEFAULT_WEIGHTS, 0.9, 36500, today, 4) * 30).toBe(1);
		// Learnt yesterday: due in two days, then again as its intervals grow.
		const fresh = history([3], [0], today - 1);
		const n = expectedReviewsPerDay([fresh], DEFAULT_WEIGHTS, 0.9, 36500, today, 4) * 30;
		expect(n).toBeGreaterThanOrEqual(2);
	});

	it('asks for more reviews at a higher desired retention, and for fewer with longer memories', () => {
		const cards = [1, 3, 5, 8, 13, 20].map((since) => card(since));
		const at = (w: readonly number[], r: number) =>
			expectedReviewsPerDay(cards, w, r, 36500, today, 4);
		expect(at(DEFAULT_WEIGHTS, 0.95)).toBeGreaterThan(at(DEFAULT_WEIGHTS, 0.9));
		const longer = DEFAULT_WEIGHTS.map((w, i) => (i <= 3 ? w * 4 : w));
		expect(at(longer, 0.9)).toBeLessThan(at(DEFAULT_WEIGHTS, 0.9));
	});
});

describe('weightsAsScheduled', () => {
	it('gives the memory the scheduler gives, with several relearning steps capping w17 and w18', () => {
		const weights = [...DEFAULT_WEIGHTS.slice(0, 17), 1.5, 1.5, 0.07, 0.15];
		const settings = {
			...DEFAULT_SETTINGS,
			weights,
			enableFuzz: false,
			relearningSteps: ['10m', '30m', '1h']
		};
		const scheduler = new Scheduler(settings);
		// Learnt on 1 March, lapsed on 20 March and relearnt that day in three steps.
		const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute);
		const answers: [Date, 1 | 2 | 3 | 4][] = [
			[at(1, 9), 3],
			[at(1, 9, 10), 3],
			[at(20, 9), 1],
			[at(20, 9, 10), 3],
			[at(20, 9, 40), 3],
			[at(20, 10, 40), 3]
		];
		let card = newCard(at(1, 8));
		const reviews = answers.map(([time, grade]) => {
			const before = card;
			card = scheduler.answer(card, grade, time);
			return { cardId: 'c', grade, time, before };
		});
		const [h] = cardHistories(reviews, 4);
		const capped = memoryModel(weightsAsScheduled(weights, 3)).memory(h);
		expect(capped.stability).toBeCloseTo(card.stability, 6);
		expect(capped.difficulty).toBeCloseTo(card.difficulty, 6);
		// Taken as they are, the three same-day Goods would raise stability far above the scheduler's.
		expect(memoryModel(weights).memory(h).stability).toBeGreaterThan(card.stability * 2);
	});
});
