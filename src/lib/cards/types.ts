// The deck an article becomes: its sentences with translations and the cards built on them.

import type { ArticleMeta, SentenceKind } from '../text';

export type CardKind = 'vocab' | 'cloze' | 'drill';

/** Where a card's gloss comes from (see `DeckCard.glossFrom`). */
export type GlossSource = 'lexicon' | 'derived' | 'learner' | 'none';

/** One of the forms offered on an affix drill card, with what the learner needs to tell it apart. */
export interface DrillChoice {
	form: string;
	pos: string;
	gloss: string;
	affixes: string[];
	/** What the form's affixes do to the root (meN-…-kan: a transitive or causative verb). */
	meaning: string;
}

/** A stretch of a sentence, by character offsets into `DeckSentence.text`. */
export interface Span {
	start: number;
	end: number;
}

/** A word of a sentence that the reader makes tappable: where it stands and the headword it belongs to. */
export interface ReaderWord {
	start: number;
	end: number;
	headword: string;
}

export interface DeckSentence {
	id: string;
	text: string;
	translation: string;
	kind: SentenceKind;
	paragraph: number;
	/** Words with cards, in order; each part of a split expression is one entry. */
	words: ReaderWord[];
}

/**
 * One article's sentence for a cloze card: a headword's cloze card holds one from every article
 * that contains it, and each review shows one of them (`contextAt`, cards/contexts.ts).
 */
export interface CardContext {
	/** The article the sentence comes from. */
	article: string;
	sentenceId: string;
	sentence: string;
	translation: string;
	spans: Span[];
	answer: string;
	alternatives?: string[];
	/** The card's review count (`fsrs.reps`) when the sentence joined it: 0 for the sentences it started with. */
	from: number;
}

export interface DeckCard {
	/**
	 * `headword/kind` (cardId): one card of each kind per headword, however many articles contain it,
	 * and stable across rebuilds and edits of the articles.
	 */
	id: string;
	/** The article this content was built from (for a stored card: the first of its articles). */
	article: string;
	kind: CardKind;
	headword: string;
	root: string;
	/** English gloss of the root from the lexicon, when the root differs from the headword. */
	rootGloss?: string;
	affixes: string[];
	gloss: string;
	pos: string;
	/**
	 * Where the gloss comes from, on the cards of an article the learner added: the lexicon's entry
	 * for the word, composed from the root's (`derived`, shown as such), the learner's own meaning,
	 * or `none` (no vocabulary card until the learner gives one). Absent: written for this article
	 * (a bundled glossary).
	 */
	glossFrom?: GlossSource;
	note?: string;
	/** Expansion of an abbreviation (Letjen → Letnan Jenderal). */
	expansion?: string;
	/** False when the root is not in our lexicon: the breakdown is a guess. */
	verified: boolean;
	/** Informal, spoken Indonesian (nyimpen for menyimpan): present only then. */
	informal?: boolean;
	sentenceId: string;
	/** The sentence itself and its English translation, so a stored card shows without its article. */
	sentence: string;
	translation: string;
	/** Where the word stands in the sentence: highlighted on a vocabulary card, blanked on a cloze card. */
	spans: Span[];
	/** What the learner types into a cloze blank: the word as written there, without clitics. */
	answer: string;
	/** Other spellings accepted as the answer (kerja sama for kerjasama). */
	alternatives?: string[];
	/** The article's other headwords built on the same root (tekan: menekankan, penekanan). */
	family: string[];
	/** On an affix drill card: the family's forms to choose from, in alphabetical order. */
	choices?: DrillChoice[];
	/** Position of the headword's first appearance in the article: new cards are introduced in this order. */
	position: number;
	/**
	 * On a stored cloze card: the sentences of every article containing the headword, one per
	 * article, in the order the articles were chosen; the fields above hold the first. Set by
	 * db/decks.ts (a deck built from one article has none).
	 */
	contexts?: CardContext[];
}

export interface Deck {
	article: ArticleMeta;
	sentences: DeckSentence[];
	cards: DeckCard[];
}

/** The per-article glossary file in `content/glossary/SLUG.json`. */
export interface Glossary {
	article: string;
	headwords: Record<string, { gloss: string; pos: string; note?: string; from?: GlossSource }>;
	sentences: Record<string, { text: string; translation: string }>;
}
