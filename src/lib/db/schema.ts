// The IndexedDB schema: one Dexie database holding cards with their FSRS state, every review, and settings.

import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import type { DeckCard } from '../cards/types';

import { ANSWER_HOURS_STORE, COUNTS_STORE, HOUR_MS, QUEUE, QUEUE_COUNTS_KEY, type AnswerHour, type QueueCountsRow } from './queues';
import { answerEntry, answerHoursMiddleware, keptFrom } from './answer-hours';
import { queueCountsMiddleware } from './queue-counts';

export { QUEUE };

/** What the learner said of a word in the reader: they know it already, or it is not worth learning. */
export type WordMark = 'known' | 'ignored';

export interface StoredCard {
	id: string;
	article: string;
	/** `article/headword`: the vocabulary and cloze cards of one headword share it. */
	sibling: string;
	/** Order in which new cards are introduced, across articles. */
	position: number;
	/** The card's content as last built from `content/` (kept when the headword leaves the content). */
	content: DeckCard;
	/** The FSRS state exactly as ts-fsrs defines it. */
	fsrs: FsrsCard;
	suspended: boolean;
	/** The headword is no longer in its article: kept with its history, out of the queue. */
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

/** When a headword (`h:` + sibling) or a root (`r:` + root) first had a card in review (see db/stats.ts). */
export interface StatFirst {
	key: string;
	time: number;
}

export interface Setting {
	key: string;
	value: unknown;
}

export class KartuDB extends Dexie {
	cards!: EntityTable<StoredCard, 'id'>;
	reviews!: EntityTable<StoredReview, 'id'>;
	settings!: EntityTable<Setting, 'key'>;
	words!: EntityTable<StoredWord, 'headword'>;
	snapshots!: EntityTable<StoredSnapshot, 'id'>;
	snapshotData!: EntityTable<SnapshotData, 'id'>;
	statdays!: EntityTable<StatDay, 'day'>;
	firsts!: EntityTable<StatFirst, 'key'>;
	counts!: EntityTable<QueueCountsRow, 'key'>;
	answerHours!: EntityTable<AnswerHour, 'h'>;

	/** `options`: Dexie's, such as another IndexedDB implementation (tests). */
	constructor(name = 'kartu', options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({
			cards: 'id, article, sibling, [queue+fsrs.due], [queue+position]',
			reviews: 'id, cardId, time',
			settings: 'key'
		});
		// v2: words marked known or ignored in the reader, and cards findable by headword.
		// Existing cards have no mark, which is right, so the upgrade only has to say so.
		this.version(2)
			.stores({
				cards: 'id, article, sibling, content.headword, [queue+fsrs.due], [queue+position]',
				words: 'headword'
			})
			.upgrade(async (tx) => {
				await tx.table('cards').toCollection().modify((c: StoredCard) => {
					delete c.mark;
				});
			});
		// v3: automatic daily snapshots (summary and data apart), and a cache of finished study days
		// for the statistics. Nothing existing changes: both fill themselves later.
		this.version(3)
			.stores({ snapshots: 'id', snapshotData: 'id', statdays: 'day' })
			.upgrade(() => {});
		// v4: the statistics are kept up to date by each answer (day rows, and when each headword and
		// root first entered review), and cards are findable by root. The history before the upgrade is
		// summed once, in pages, by rebuildStats.
		this.version(4)
			.stores({
				cards: 'id, article, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
				firsts: 'key'
			})
			.upgrade(async (tx) => {
				await tx.table('statdays').clear();
				await tx.table('settings').delete('stats-cache');
				await tx.table('settings').put({ key: 'stats-state', value: { hour: -1, dirty: true } });
			});
		// v5: the number of cards in each queue, kept by every write to the cards (db/queue-counts.ts),
		// counted here once through the index; and the recent answers by hour, kept by every write to
		// the reviews (db/answer-hours.ts), filed here from the reviews of the last few days.
		this.version(5)
			.stores({ [COUNTS_STORE]: 'key', [ANSWER_HOURS_STORE]: 'h' })
			.upgrade(async (tx) => {
				const n: Record<number, number> = {};
				for (const q of Object.values(QUEUE)) {
					const c = await tx.table('cards').where('[queue+fsrs.due]').between([q, Dexie.minKey], [q, Dexie.maxKey], true, true).count();
					if (c) n[q] = c;
				}
				await tx.table(COUNTS_STORE).put({ key: QUEUE_COUNTS_KEY, n } satisfies QueueCountsRow);
				const newest = (await tx.table('reviews').orderBy('time').last()) as StoredReview | undefined;
				if (!newest) return;
				const from = keptFrom(Date.now(), Math.floor(newest.time.getTime() / HOUR_MS)) * HOUR_MS;
				const recent = (await tx.table('reviews').where('time').aboveOrEqual(new Date(from)).toArray()) as StoredReview[];
				const byHour = new Map<number, AnswerHour>();
				for (const r of recent) {
					const h = Math.floor(r.time.getTime() / HOUR_MS);
					(byHour.get(h) ?? byHour.set(h, { h, a: [] }).get(h)!).a.push(answerEntry(r));
				}
				await tx.table(ANSWER_HOURS_STORE).bulkPut([...byHour.values()]);
			});
		this.on('populate', (tx) => {
			tx.table(COUNTS_STORE).add({ key: QUEUE_COUNTS_KEY, n: {} } satisfies QueueCountsRow);
		});
		this.use(queueCountsMiddleware);
		this.use(answerHoursMiddleware);
	}
}

/** The queue number a card belongs in. */
export function queueOf(card: Pick<StoredCard, 'fsrs' | 'suspended' | 'retired' | 'mark'>): number {
	if (card.retired) return QUEUE.retired;
	if (card.mark) return QUEUE[card.mark];
	if (card.suspended) return QUEUE.suspended;
	return card.fsrs.state;
}
