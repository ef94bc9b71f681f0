// How well the learner knows a word, from the memory state of its cards: what the reader colours show.

import type { Card } from 'ts-fsrs';
import { CardState } from './memory';

/** The reader's word states, from least to best known, plus the learner's own marks. */
export type WordState = 'new' | 'learning' | 'weak' | 'fading' | 'strong' | 'known' | 'ignored';

export const WORD_STATES: readonly { state: WordState; label: string; description: string }[] = [
	{ state: 'new', label: 'New', description: 'not reviewed yet' },
	{ state: 'learning', label: 'Learning', description: 'in learning steps today' },
	{
		state: 'weak',
		label: 'Weak',
		description: 'in review, less than 75% likely to be recalled now'
	},
	{ state: 'fading', label: 'Fading', description: 'in review, 75–90% likely to be recalled now' },
	{
		state: 'strong',
		label: 'Strong',
		description: 'in review, at least 90% likely to be recalled now'
	},
	{ state: 'known', label: 'Known', description: 'you marked it as known' },
	{ state: 'ignored', label: 'Ignored', description: 'you chose not to learn it' }
];

/** The bands of recall probability: FSRS retrievability at or above each bound. */
export const STRONG = 0.9;
export const FADING = 0.75;

export interface WordCard {
	fsrs: Card;
	mark?: 'known' | 'ignored';
	suspended?: boolean;
	retired?: boolean;
}

export interface WordStatus {
	state: WordState;
	/** Probability of recall now of the best-known card in review, when there is one. */
	retrievability?: number;
	/** The earliest due date among the word's cards in learning or review. */
	due?: Date;
}

/**
 * A word's state from its cards (vocabulary, cloze, drill): the learner's mark first; then the
 * best-remembered card in review, banded by its retrievability; then learning; else new.
 * @example wordStatus([{ fsrs: reviewCardDueToday }], now, r) → { state: 'strong', retrievability: 0.9 }
 */
export function wordStatus(
	cards: WordCard[],
	now: Date,
	retrievability: (c: Card, now: Date) => number
): WordStatus {
	const mark = cards.find((c) => c.mark)?.mark;
	if (mark) return { state: mark };
	const live = cards.filter((c) => !c.retired);
	const review = live.filter((c) => c.fsrs.state === CardState.Review);
	const due = live
		.filter((c) => c.fsrs.state !== CardState.New)
		.map((c) => c.fsrs.due)
		.sort((a, b) => a.getTime() - b.getTime())[0];
	if (review.length) {
		const r = Math.max(...review.map((c) => retrievability(c.fsrs, now)));
		return {
			state: r >= STRONG ? 'strong' : r >= FADING ? 'fading' : 'weak',
			retrievability: r,
			due
		};
	}
	if (
		live.some((c) => c.fsrs.state === CardState.Learning || c.fsrs.state === CardState.Relearning)
	)
		return { state: 'learning', due };
	return { state: 'new' };
}

/** Whether a word counts as readable: known, or with a card in review. */
export function readable(status: WordStatus): boolean {
	return (
		status.state === 'known' ||
		status.state === 'strong' ||
		status.state === 'fading' ||
		status.state === 'weak'
	);
}

/** What a headword's cards say of whether it is readable, as counts that a write can move one card at a time. */
export interface ReadableTally {
	/** Cards marked known. */
	k: number;
	/** Cards marked ignored. */
	i: number;
	/** Cards in the FSRS review state and not retired. */
	r: number;
}

/** One card's part of its headword's tally. */
export function cardTally(c: WordCard): ReadableTally {
	return {
		k: c.mark === 'known' ? 1 : 0,
		i: c.mark === 'ignored' ? 1 : 0,
		r: !c.retired && c.fsrs.state === CardState.Review ? 1 : 0
	};
}

/**
 * `readable(wordStatus(cards))` from the cards' tally: the mark first (marking a word marks every
 * card of it, so its cards agree; were they ever to disagree, ignored wins), then a card in review.
 * @example readableTally({ k: 0, i: 0, r: 1 }) → true
 */
export function readableTally(t: ReadableTally): boolean {
	if (t.i > 0) return false;
	return t.k > 0 || t.r > 0;
}
