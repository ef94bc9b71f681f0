// The shapes the text pipeline passes along: articles, sentences, tokens and word analyses.

/** Front matter of an article file in `content/articles/`. */
export interface ArticleMeta {
	slug: string;
	title: string;
	language: string;
	source: string;
}

/** What a line of the article is: its headline, a photo caption, or running text. */
export type SentenceKind = 'headline' | 'caption' | 'body';

export interface Sentence {
	/** Stable id: the article slug and a hash of the sentence text, never a position. */
	id: string;
	text: string;
	kind: SentenceKind;
	/** Index of the paragraph (line) the sentence belongs to, counting from 0. */
	paragraph: number;
}

export type TokenKind = 'word' | 'number' | 'punct';

/** A run of characters in one sentence; `start`/`end` are offsets into `Sentence.text`. */
export interface Token {
	text: string;
	kind: TokenKind;
	start: number;
	end: number;
}

/** The class of a word, named as the learner sees it in the analyser output. */
/** `foreign`: a word of another language inside the text, or a lone letter; never a card. */
export type WordClass = 'word' | 'function' | 'name' | 'number' | 'abbr' | 'foreign';

/** One word of running text, analysed. */
export interface Analysis {
	/** The word as written, lowercased. */
	surface: string;
	/** Dictionary form: clitics removed and plain reduplication collapsed (kegunaannya → kegunaan). */
	headword: string;
	/** The root the headword is built on (menekankan → tekan). */
	root: string;
	/** Affixes from outside in, in dictionary notation: ['meN-', '-kan']. */
	affixes: string[];
	/** Clitics that were removed from the surface to reach the headword: ['-nya']. */
	clitics: string[];
	cls: WordClass;
	/** False when the root is not in our lexicon, so the analysis is a guess. */
	verified: boolean;
	/** Informal, spoken Indonesian (nyetir, beliin): the root is the standard one, the form is not. */
	informal?: boolean;
	/** Another spelling (Arabic, pre-1972, a misspelt loan) of a word the lexicon knows: menzhalimi, djalan. */
	respelt?: boolean;
	/** Expansion of an abbreviation (Letjen → Letnan Jenderal). */
	expansion?: string;
	/** A fixed multi-word expression (timbal balik) rather than a single word. */
	phrase?: boolean;
}

/** An entry of the root lexicon in `content/lexicon/`. */
export interface LexiconEntry {
	root: string;
	pos: string;
	gloss: string;
	/** Frequency band: 1 = among the ~500 most frequent roots … 4 = rarer. */
	band: number;
}
