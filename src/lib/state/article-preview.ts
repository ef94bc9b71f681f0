// What the add-article preview shows of a deck before anything is stored: how many of its words
// the learner already studies or marked, how much of it they can read, and a row for each headword
// new to them. Plain functions, tested in Node.

import { headwordOccurrences, type Deck, type GlossSource } from '../cards';
import type { StoredCard, WordMark } from '../db/rows';
import { builtAs } from '../text';
import { readable, wordStatus, type WordCard, type WordStatus } from '../srs';
import type { Card } from 'ts-fsrs';

/** Where a headword of the new article stands in the learner's collection. */
export type PreviewStatus = 'new' | 'in-cards' | 'studying' | 'known' | 'ignored';

export interface PreviewRow {
	headword: string;
	root: string;
	/** How it is built: 'meN- + tekan + -kan'. */
	built: string;
	pos: string;
	gloss: string;
	glossFrom?: GlossSource;
	/** False when the root is not in the lexicon: the breakdown is a guess. */
	verified: boolean;
	/** Occurrences in the article. */
	count: number;
	status: PreviewStatus;
}

export interface ArticlePreview {
	/** Headwords with cards in the article (names, numbers and function words are left out). */
	headwords: number;
	/** Headwords the collection has no card of. */
	fresh: number;
	/** Headwords the collection has cards of already (studied or still new there). */
	inCards: number;
	/** Headwords marked known or ignored. */
	marked: number;
	/** Occurrences of its headwords, and how many of those the learner can read now. */
	occurrences: number;
	readable: number;
	/** One row per headword new to the collection, in order of first appearance. */
	rows: PreviewRow[];
}

/**
 * The preview of `deck` against the collection's words (`collection`: each headword's stored cards
 * and mark) at `now`; `r` is the scheduler's retrievability.
 */
export function articlePreview(
	deck: Deck,
	collection: Map<string, { cards: StoredCard[]; mark?: WordMark }>,
	now: Date,
	r: (c: Card, now: Date) => number
): ArticlePreview {
	const counts = headwordOccurrences(deck);
	const out: ArticlePreview = {
		headwords: 0,
		fresh: 0,
		inCards: 0,
		marked: 0,
		occurrences: 0,
		readable: 0,
		rows: []
	};
	const seen = new Set<string>();
	for (const card of deck.cards) {
		if (seen.has(card.headword)) continue;
		seen.add(card.headword);
		const held = collection.get(card.headword);
		const cards: WordCard[] = held?.cards ?? [];
		const mark = held?.mark;
		const status: WordStatus = mark ? { state: mark } : wordStatus(cards, now, r);
		const count = counts.get(card.headword) ?? 0;
		out.headwords++;
		out.occurrences += count;
		if (readable(status)) out.readable += count;
		let state: PreviewStatus;
		if (mark) {
			state = mark;
			out.marked++;
		} else if (cards.length) {
			state = cards.some((c) => c.fsrs.reps > 0) ? 'studying' : 'in-cards';
			out.inCards++;
		} else {
			state = 'new';
			out.fresh++;
		}
		if (state !== 'new') continue;
		out.rows.push({
			headword: card.headword,
			root: card.root,
			built: builtAs(card.root, card.affixes),
			pos: card.pos,
			gloss: card.gloss,
			...(card.glossFrom ? { glossFrom: card.glossFrom } : {}),
			verified: card.verified,
			count,
			status: state
		});
	}
	return out;
}
