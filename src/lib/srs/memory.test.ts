import {
	createEmptyCard,
	default_w,
	forgetting_curve,
	fsrs,
	generatorParameters,
	State,
	type Card
} from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { CardState, DEFAULT_WEIGHTS, newCard, retrievability } from './memory';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');

/** A small seeded generator (LCG), so the cases are the same on every run. */
function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function reviewed(state: State, stability: number, lastReview: Date): Card {
	return {
		...createEmptyCard(lastReview),
		state,
		stability,
		difficulty: 5,
		reps: 3,
		last_review: lastReview
	};
}

describe('ts-fsrs equivalents', () => {
	it('has ts-fsrs’s State values and FSRS-6 default parameters', () => {
		expect(CardState).toEqual({
			New: State.New,
			Learning: State.Learning,
			Review: State.Review,
			Relearning: State.Relearning
		});
		expect(DEFAULT_WEIGHTS).toEqual([...default_w]);
	});
});

describe('retrievability', () => {
	it('is 0.9 after one stability’s worth of days, and 0 for a new card', () => {
		expect(retrievability(reviewed(State.Review, 10, t0), new Date(t0.getTime() + 10 * DAY))).toBe(
			0.9
		);
		expect(retrievability(createEmptyCard(t0), new Date(t0.getTime() + 10 * DAY))).toBe(0);
	});

	it('equals ts-fsrs’s get_retrievability and forgetting_curve on 20,000 cards, times and parameters', () => {
		const rand = lcg(20260302);
		const weightSets = [
			[...default_w],
			// w20 inside, below and above ts-fsrs's clamp to [0.1, 0.8], with the other parameters default.
			...[0.1, 0.1542, 0.2, 0.5, 0.8, 0.05, 1.2].map((w20) => [...default_w.slice(0, 20), w20])
		];
		const schedulers = weightSets.map((w) => fsrs(generatorParameters({ w, enable_fuzz: false })));
		const states = [State.Learning, State.Review, State.Relearning];
		let compared = 0;
		for (let i = 0; i < 20_000; i++) {
			const k = i % weightSets.length;
			// Stability from 0.001 to 36,500 days, log-uniform; elapsed time from 0 to ~3× stability, to the ms.
			const stability = 0.001 * Math.exp(rand() * Math.log(36_500_000));
			const last = new Date(t0.getTime() - Math.floor(rand() * 3 * 365 * DAY));
			const elapsed = Math.floor(rand() * Math.min(3 * stability + 2, 40_000) * DAY);
			const now = new Date(last.getTime() + elapsed - (i % 7 === 0 ? DAY : 0));
			const card = reviewed(states[i % 3], stability, last);
			const ours = retrievability(card, now, weightSets[k]);
			expect(ours).toBe(schedulers[k].get_retrievability(card, now, false));
			const days = Math.max(Math.floor((now.getTime() - last.getTime()) / DAY), 0);
			expect(ours).toBe(forgetting_curve(schedulers[k].parameters.w, days, +stability.toFixed(8)));
			compared++;
		}
		expect(compared).toBe(20_000);
	});
});

describe('newCard', () => {
	it('is the card ts-fsrs’s createEmptyCard makes', () => {
		expect(newCard(t0)).toEqual(createEmptyCard(t0));
		expect(newCard(t0).due).not.toBe(t0);
	});
});
