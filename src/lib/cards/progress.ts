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

/**
 * The occurrences in the article's text of each headword it has cards of, in order of first card:
 * what its readable share counts (the preview's, and the home page's kept figure).
 * @example headwordOccurrences(deck).get('hubungan') → 4
 */
export function headwordOccurrences(deck: Pick<Deck, 'sentences' | 'cards'>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of deck.sentences)
		for (const w of s.words) counts.set(w.headword, (counts.get(w.headword) ?? 0) + 1);
	const out = new Map<string, number>();
	for (const c of deck.cards)
		if (!out.has(c.headword)) out.set(c.headword, counts.get(c.headword) ?? 0);
	return out;
}
