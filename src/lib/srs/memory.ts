// A card's memory without the scheduler: FSRS states, default parameters and the FSRS-6 forgetting curve,
// equal to ts-fsrs's (see memory.test.ts), for pages that show memory but never schedule, such as home.
// Only ts-fsrs's types are imported here: loading the library itself is left to the pages that schedule.

import type { Card, State } from 'ts-fsrs';

/** ts-fsrs's `State` values, usable without loading ts-fsrs. */
export const CardState = {
	New: 0,
	Learning: 1,
	Review: 2,
	Relearning: 3
} as const satisfies Record<keyof typeof State, State>;

/** FSRS-6's 21 default parameters, as ts-fsrs 5 ships them (`default_w`); the last is the decay, w20. */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
	0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
]);

const DAY_MS = 86_400_000;

/**
 * Probability of recalling a card now, on the FSRS-6 forgetting curve
 *
 *   R(t, S) = (1 + factor · t / S) ^ (−w20),  factor = 0.9 ^ (−1 / w20) − 1,
 *
 * with t the whole days since the last review and S the stability, so that R(S, S) = 0.9
 * (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm). Computed as ts-fsrs's
 * `get_retrievability` computes it, roundings and w20's clamp to [0.1, 0.8] included; 0 for a new card
 * or one never reviewed.
 * @example retrievability({ state: 2, stability: 10, last_review: t0 }, t0 + 10 days) → 0.9
 */
export function retrievability(
	card: Pick<Card, 'state' | 'stability' | 'last_review'>,
	now: Date,
	weights: readonly number[] = DEFAULT_WEIGHTS
): number {
	if (card.state === CardState.New || !card.last_review) return 0;
	const decay = -Math.min(Math.max(weights[20] || 0, 0.1), 0.8);
	const factor = round8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
	const t = Math.max(
		Math.floor((now.getTime() - new Date(card.last_review).getTime()) / DAY_MS),
		0
	);
	const stability = +card.stability.toFixed(8);
	return round8(Math.pow(1 + (factor * t) / stability, decay));
}

function round8(n: number): number {
	return Math.round(n * 1e8) / 1e8;
}

/** A fresh card in the New state, due `now`: the card ts-fsrs's `createEmptyCard(now)` makes. */
export function newCard(now: Date): Card {
	return {
		due: new Date(now),
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		reps: 0,
		lapses: 0,
		learning_steps: 0,
		state: CardState.New,
		last_review: undefined
	};
}
