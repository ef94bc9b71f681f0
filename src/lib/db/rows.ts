// The rows of every store, as interfaces: what the database holds. Types only, so that any module,
// Dexie's or not, can name them without importing the schema.

import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import type { Deck, DeckCard } from '../cards';
import type { Queue } from '../srs';

/** What the learner said of a word in the reader: they know it already, or it is not worth learning. */
export type WordMark = 'known' | 'ignored';

export interface StoredCard {
	/** `headword/kind` (cards/deck.ts `cardId`): one card of each kind per headword, across articles. */
	id: string;
	/**
	 * The articles whose decks have this card, in the order they were chosen (the `articles` setting);
	 * indexed one entry per article (`*articles`). A retired card keeps the article it was last in.
	 */
	articles: string[];
	/** The headword (`siblingOfId(id)`): the vocabulary, cloze and drill cards of one headword share it. */
	sibling: string;
	/** Order in which new cards are introduced: the headword's first appearance in the first of its articles. */
	position: number;
	/**
	 * The card's content as last built from the first of its articles (kept when the headword leaves
	 * the content); a cloze card's `contexts` hold a sentence from each of its articles.
	 */
	content: DeckCard;
	/** The FSRS state exactly as ts-fsrs defines it. */
	fsrs: FsrsCard;
	suspended: boolean;
	/** The headword is in none of its articles any more: kept with its history, out of the queue. */
	retired: boolean;
	/** Set from the reader: the learner knows the word, or ignores it; either takes it out of the queue. */
	mark?: WordMark;
	/** QUEUE value derived from the three fields above; indexed with the due date. */
	queue: number;
}

export interface StoredReview {
	/** Stable id, so an imported backup never counts a review twice. */
	id: string;
	cardId: string;
	grade: Grade;
	/** When the answer was given. */
	time: Date;
	/** Milliseconds from showing the card to the answer. */
	ms: number;
	before: FsrsCard;
	after: FsrsCard;
	/** Given in a practice session: recorded, but the card's schedule did not change (before = after). */
	practice?: boolean;
}

/** A word the learner marked in the reader, across all articles. */
export interface StoredWord {
	headword: string;
	mark: WordMark;
	time: Date;
}

/** An automatic backup kept inside IndexedDB: at most one a day, the last seven kept. */
export interface StoredSnapshot {
	/** The learner's local date: 2026-11-27. */
	id: string;
	time: Date;
	cards: number;
	reviews: number;
}

/** A snapshot's backup file text, apart from its summary so that listing snapshots reads no data. */
export interface SnapshotData {
	id: string;
	data: string;
}

/** One finished study day of the statistics cache (see db/stats.ts). */
export interface StatDay {
	/** Start of the study day, ms. */
	day: number;
	reviews: number;
	ms: number;
	young: [passed: number, total: number];
	mature: [passed: number, total: number];
	/** Headwords and roots whose first card entered review that day. */
	headwords: number;
	roots: number;
}

/** When a headword (`h:` + sibling, that is the headword) or a root (`r:` + root) first had a card in review (see db/stats.ts). */
export interface StatFirst {
	key: string;
	time: number;
}

export interface Setting {
	key: string;
	value: unknown;
}

/**
 * An article the learner added, kept whole: the text as given and the deck built from it (its
 * metadata in `deck.article`). Bundled articles come with the build instead (decks.json). Its
 * summary, without the text and deck, is its `LibraryEntry`.
 */
export interface StoredArticle {
	slug: string;
	/** When the learner added it. */
	added: Date;
	/** The article as the learner gave it (after reading the file: plain text, paragraphs by line). */
	text: string;
	deck: Deck;
}

/** An added article as the library lists it: small, so listing 100 articles reads no text. */
export interface LibraryEntry {
	slug: string;
	title: string;
	/** A URL or a note, as the learner gave it; '' for none. */
	source: string;
	added: Date;
	/** Word tokens of its text. */
	words: number;
	/** `articleFingerprint` of its text: the same text added twice is noticed. */
	fingerprint: string;
}

/** A meaning the learner gave a headword: it wins over the glossary, the lexicon and a derived gloss. */
export interface StoredMeaning {
	headword: string;
	gloss: string;
	/** Part of speech, when the learner gave one; '' keeps the one the card has. */
	pos: string;
	time: Date;
}

/**
 * One article's cards per queue number, `{ article: 'azerbaijan-iran', n: { 0: 250, 2: 40 } }`, a
 * card counted under each of its articles: for the home page's per-article figures, kept by every
 * write to the cards like the counts row (derived/article-counts.ts).
 */
export interface ArticleCountsRow {
	article: string;
	n: Record<number, number>;
}

/**
 * How many of one article's cards in learning or review (queues 1-3) fall due in one quarter-hour,
 * `{ b: 1984567, article: 'azerbaijan-iran', n: 3 }` (`b`: the due time in quarter-hours since the
 * epoch), a card counted under each of its articles; no row for none. Keyed `[b+article]`, so the
 * cards due before a time are one key range (derived/article-due.ts).
 */
export interface ArticleDueRow {
	b: number;
	article: string;
	n: number;
}

/**
 * One headword: of its cards, how many are marked known (`k`), ignored (`i`), and in the FSRS review
 * state and not retired (`r`), which say whether the learner can read it (srs/word-state.ts
 * `readableTally`); and its occurrences in each article's text (`a`, slug → count; `in`, the slugs,
 * indexed). Kept by every write to the cards (derived/readable.ts) and every deck stored (reading.ts);
 * no row for a headword with no card and no article.
 */
export interface HeadwordRow {
	headword: string;
	k: number;
	i: number;
	r: number;
	a: Record<string, number>;
	in: string[];
}

/**
 * One article's readable share, `{ article, occ: 489, read: 17 }`: occurrences of its headwords with
 * cards in its text, and of those the occurrences of headwords the learner can read now (the
 * reader's rule), kept with the headwords (derived/readable.ts).
 */
export interface ArticleReadableRow {
	article: string;
	occ: number;
	read: number;
}

/** The counts store's one row, `{ key: 'queues', n: { 0: 30121, 2: 64984, … } }`: cards per queue number. */
export interface QueueCountsRow {
	key: 'queues';
	n: Record<number, number>;
	/**
	 * The position of the first card in the new queue (Infinity: none), where reading the new
	 * queue starts (db/derived/queue-counts.ts). Missing in a row from before it was kept: reads
	 * then start at the beginning.
	 */
	newFrom?: number;
}

/**
 * One change the learner made to something sync carries (db/changes.ts): on this device or
 * received from another. For each key, the change with the latest `time` (then the larger `id`)
 * holds; the others are kept so that every device decides the same way.
 */
export interface SyncChange {
	/** Local order (auto-increment): what is still to send is after the last sent. */
	seq?: number;
	/** Unique across devices, and the server document's id: `c:` + time in base 36 + `-` + 8 random digits. */
	id: string;
	/** What it changes: `w:headword`, `m:headword`, `s:cardId`, `p:setting`, `a:slug`, `t:slug`, `u:cardId|reviewId`. */
	key: string;
	/** When the learner made it (not when it arrived). */
	time: Date;
	/** The new value (null for a removal): see db/changes.ts for each kind. */
	value: unknown;
	/** For new FSRS parameters: where they came from (`source`, and the optimiser's `fit`). */
	meta?: Record<string, unknown>;
}

/** One answer: review id, card id, the card's state before it, 1 for a practice answer, time (ms). */
export type AnswerEntry = [
	id: string,
	cardId: string,
	state: number,
	practice: 0 | 1,
	time: number
];

export interface AnswerHour {
	/** Hours since the epoch. */
	h: number;
	a: AnswerEntry[];
}

/** Today's counts, as the home page shows them. */
export interface HomeCounts {
	/** Learning cards due now and reviews due today. */
	due: number;
	/** New cards still allowed today. */
	fresh: number;
	/** Cards in learning or review. */
	learned: number;
}

/** Today's queue as the review page loads it. */
export interface LoadedQueue {
	queue: Queue;
	/**
	 * The stored cards read while loading: (re)learning and new cards. Review cards due today are
	 * known by id only (the queue index gives them in due order); read them with `getCards`.
	 */
	cards: Map<string, StoredCard>;
}

/** An answer as the review screen gives it: the card as shown, the grade, and the card's next state. */
export interface AnswerInput {
	card: StoredCard;
	grade: Grade;
	next: FsrsCard;
	time: Date;
	ms: number;
	/** The learner's "next day starts at" hour: the study day the answer counts in. */
	dayStartHour: number;
}

/**
 * An answer as it was given, kept in the journal store until its transaction has committed: one
 * small write with no reads, so it is on disk within a round trip of the key press (answers.ts).
 * `id` is the review id the answer's row gets.
 */
export type JournalEntry = AnswerInput & { id: string };
