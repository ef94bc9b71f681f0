// The order new cards come in within an article, and the card a first visit starts with.

import type { Deck, DeckCard } from './types';
import { hasMeaning } from './user-deck';

/** Within a headword, new cards come as vocabulary, then cloze, then affix drill (one a day). */
export const KIND_ORDER = { vocab: 0, cloze: 1, drill: 2 } as const;

/** A card's place among its article's new cards (db/decks.ts adds the article's base). */
export const newOrder = (card: Pick<DeckCard, 'position' | 'kind'>): number =>
	card.position * 3 + KIND_ORDER[card.kind];

/**
 * The first card a learner with an empty collection is shown when `deck` is the first article: its
 * first new card that is stored (db/decks.ts stores no vocabulary card or drill without a meaning).
 */
export function firstNewCard(deck: Deck): DeckCard | undefined {
	let first: DeckCard | undefined;
	for (const c of deck.cards)
		if (hasMeaning(c) && (!first || newOrder(c) < newOrder(first))) first = c;
	return first;
}

/** What a card's front shows, and nothing more: what the review page's build carries of its first card. */
export type FrontContent = Pick<
	DeckCard,
	'id' | 'kind' | 'headword' | 'root' | 'sentence' | 'spans' | 'answer' | 'choices'
>;

/** `card`'s front: the fields a front draws (drill choices by their forms alone). */
export function frontOf(card: DeckCard): FrontContent {
	const { id, kind, headword, root, sentence, spans, answer } = card;
	const front: FrontContent = { id, kind, headword, root, sentence, spans, answer };
	if (card.choices)
		front.choices = card.choices.map((c) => ({
			form: c.form,
			pos: '',
			gloss: '',
			affixes: [],
			meaning: ''
		}));
	return front;
}
