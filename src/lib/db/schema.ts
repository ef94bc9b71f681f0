// The IndexedDB schema: one Dexie database holding cards with their FSRS state, every review, and settings.

import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { DB_NAME, INDEX, QUEUE_COUNTS_KEY, SETTING, STORE } from './names';
import { HOUR_MS, QUEUE } from './queues';
import type {
	AnswerHour,
	JournalEntry,
	QueueCountsRow,
	Setting,
	SnapshotData,
	StatDay,
	StatFirst,
	StoredCard,
	StoredReview,
	StoredSnapshot,
	StoredWord
} from './rows';
import { answerEntry, answerHoursMiddleware, keptFrom } from './derived/answer-hours';
import { queueCountsMiddleware } from './derived/queue-counts';

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
	journal!: EntityTable<JournalEntry, 'id'>;

	/** `options`: Dexie's, such as another IndexedDB implementation (tests). */
	constructor(name = DB_NAME, options?: DexieOptions) {
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
				await tx
					.table('cards')
					.toCollection()
					.modify((c: StoredCard) => {
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
				cards:
					'id, article, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
				firsts: 'key'
			})
			.upgrade(async (tx) => {
				await tx.table('statdays').clear();
				await tx.table('settings').delete(SETTING.oldStatsCache);
				await tx
					.table('settings')
					.put({ key: SETTING.statsState, value: { hour: -1, dirty: true } });
			});
		// v5: the number of cards in each queue, kept by every write to the cards (db/derived/queue-counts.ts),
		// counted here once through the index; and the recent answers by hour, kept by every write to
		// the reviews (db/derived/answer-hours.ts), filed here from the reviews of the last few days.
		this.version(5)
			.stores({ [STORE.counts]: 'key', [STORE.answerHours]: 'h' })
			.upgrade(async (tx) => {
				const n: Record<number, number> = {};
				for (const q of Object.values(QUEUE)) {
					const c = await tx
						.table('cards')
						.where(INDEX.queueDue)
						.between([q, Dexie.minKey], [q, Dexie.maxKey], true, true)
						.count();
					if (c) n[q] = c;
				}
				await tx.table(STORE.counts).put({ key: QUEUE_COUNTS_KEY, n } satisfies QueueCountsRow);
				const newest = (await tx.table('reviews').orderBy('time').last()) as
					StoredReview | undefined;
				if (!newest) return;
				const from = keptFrom(Date.now(), Math.floor(newest.time.getTime() / HOUR_MS)) * HOUR_MS;
				const recent = (await tx
					.table('reviews')
					.where('time')
					.aboveOrEqual(new Date(from))
					.toArray()) as StoredReview[];
				const byHour = new Map<number, AnswerHour>();
				for (const r of recent) {
					const h = Math.floor(r.time.getTime() / HOUR_MS);
					(byHour.get(h) ?? byHour.set(h, { h, a: [] }).get(h)!).a.push(answerEntry(r));
				}
				await tx.table(STORE.answerHours).bulkPut([...byHour.values()]);
			});
		// v6: the answer journal (db/answers.ts): answers written ahead of their transaction, so an
		// answer given just before the browser is killed is replayed on the next start. Starts empty.
		this.version(6).stores({ [STORE.journal]: 'id' });
		this.on('populate', (tx) => {
			tx.table(STORE.counts).add({ key: QUEUE_COUNTS_KEY, n: {} } satisfies QueueCountsRow);
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
