// How much of an article the learner can read: every occurrence of a word counts.

import type { Deck } from './types';

export interface ArticleProgress {
	/** Occurrences of words with cards in the article. */
	occurrences: number;
	/** Of those, occurrences of words known or in review. */
	readable: number;
	/** Cards of the article never reviewed (and not marked known or ignored). */
	newCards: number;
}

/**
 * @example articleProgress(deck, (hw) => hw === 'negara', (id) => true) → { readable: 17, occurrences: 489, … }
 */
export function articleProgress(
	deck: Deck,
	isReadable: (headword: string) => boolean,
	isNew: (cardId: string) => boolean
): ArticleProgress {
	let occurrences = 0;
	let readable = 0;
	for (const s of deck.sentences) {
		for (const w of s.words) {
			occurrences++;
			if (isReadable(w.headword)) readable++;
		}
	}
	return { occurrences, readable, newCards: deck.cards.filter((c) => isNew(c.id)).length };
}
