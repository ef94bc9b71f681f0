// Every name the database is known by: the database, its stores, its indexes and its settings keys,
// and the one IndexedDB request helper. Dexie's schema (schema.ts) and the Dexie-free readers
// (early/) both take them from here, so the two cannot drift apart.

/** The IndexedDB database. */
export const DB_NAME = 'kartu';

/** The object stores, by their Dexie table names. */
export const STORE = {
	cards: 'cards',
	reviews: 'reviews',
	settings: 'settings',
	words: 'words',
	snapshots: 'snapshots',
	snapshotData: 'snapshotData',
	statdays: 'statdays',
	firsts: 'firsts',
	/** The number of cards in each queue, kept by every write to the cards (derived/queue-counts.ts). */
	counts: 'counts',
	/** Recent answers by hour, kept by every write to the reviews (derived/answer-hours.ts). */
	answerHours: 'answerHours',
	/** The articles the learner added: text and deck (from schema 6; written from schema 8). */
	articles: 'articles',
	/** The articles the learner added, without text or deck: what the library lists (from schema 8). */
	library: 'library',
	/** Meanings the learner gave headwords, which win over every other gloss (from schema 8). */
	meanings: 'meanings',
	/** Each article's cards per queue, kept by every write to the cards (derived/article-counts.ts). */
	articleCounts: 'articleCounts',
	/**
	 * Each article's cards in learning and review per quarter-hour of their due time, kept by every
	 * write to the cards (derived/article-due.ts): the home page's "due today" without reading cards.
	 */
	articleDue: 'articleDue',
	/**
	 * Each headword's cards that make it readable (marks, cards in review) and its occurrences in each
	 * article: kept by every write to the cards (derived/readable.ts) and each stored deck (reading.ts).
	 */
	headwords: 'headwords',
	/** Each article's word occurrences and how many of them the learner can read (derived/readable.ts). */
	articleReadable: 'articleReadable',
	/** Answers written ahead of their transaction, replayed if it never committed (answers.ts). */
	journal: 'journal',
	/**
	 * Every change of what sync carries besides answers (word marks, meanings, suspensions, scheduler
	 * settings, added articles, undone answers), this device's and those received (from schema 9; db/changes.ts).
	 */
	changes: 'changes'
} as const;

/** The indexes the readers name (Dexie's compound-index syntax is the index's IndexedDB name). */
export const INDEX = {
	/** cards: a queue's cards by due date; the queues' counts and today's queue. */
	queueDue: '[queue+fsrs.due]',
	/** cards: a queue's cards in the order new cards are introduced. */
	queuePosition: '[queue+position]',
	/** cards: an article's cards (a multiEntry index over `articles`: a card is under each of its articles). */
	articles: 'articles',
	/** headwords: the articles a headword occurs in (multiEntry over `in`). */
	occursIn: 'in',
	/** reviews: by the time of the answer. */
	time: 'time'
} as const;

/** Keys of the rows of the settings store. */
export const SETTING = {
	/** The build whose decks the database holds (its __CONTENT_VERSION__). */
	contentVersion: 'content-version',
	/** The scheduler settings (srs/settings.ts). */
	scheduler: 'scheduler',
	/** Speak each card's front when it appears. */
	audio: 'audio',
	/** Whether the statistics' day rows describe the whole history (stats.ts). */
	statsState: 'stats-state',
	/** The statistics cache of schemas before 4, deleted by that upgrade. */
	oldStatsCache: 'stats-cache',
	/** The articles whose decks are stored (decks.ts). */
	articles: 'articles',
	/** The articles the learner chose to study next, slug → when (seconds since the epoch): decks.ts `articleBase`. */
	chosenArticles: 'chosen-articles',
	/** Prefix of the row holding an article's deck hash: `deck-hash:SLUG` (decks.ts). */
	deckHashPrefix: 'deck-hash:',
	/** The chain of review chunks the daily snapshots share (backup/snapshots.ts). */
	snapshotChain: 'snapshot-chain',
	/** Whether the learner was asked once to make storage persistent (storage.ts). */
	persistenceAsked: 'persistence-asked',
	/** Sync: the server, its credentials and how far this device got with it (db/sync.ts); never in a backup. */
	sync: 'sync'
} as const;

/** The localStorage key under which the app keeps the scheduler settings it last saw (a hint: always checked). */
export const SETTINGS_HINT = 'kartu:scheduler';

/** The key of the one row of the counts store. */
export const QUEUE_COUNTS_KEY = 'queues';

/** An IndexedDB request as a promise. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}
