// The IndexedDB schema: one Dexie database holding cards with their FSRS state, every review, and settings.

import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import { cardIdFromV1 } from '../cards';
import { DB_NAME, INDEX, QUEUE_COUNTS_KEY, SETTING, STORE } from './names';
import { HOUR_MS, QUEUE, queueOf } from './queues';
import type {
	AnswerHour,
	JournalEntry,
	ArticleCountsRow,
	ArticleDueRow,
	ArticleReadableRow,
	HeadwordRow,
	StoredArticle,
	LibraryEntry,
	StoredMeaning,
	QueueCountsRow,
	Setting,
	SnapshotData,
	StatDay,
	StatFirst,
	StoredCard,
	StoredReview,
	StoredSnapshot,
	StoredWord,
	SyncChange
} from './rows';
import { reconcileChanges } from './changes';
import { answerEntry, answerHoursMiddleware, keptFrom } from './derived/answer-hours';
import { queueCountsStore } from './derived/queue-counts';
import { articleCountsStore } from './derived/article-counts';
import { articleDueStore, dueRows } from './derived/article-due';
import { readableStore } from './derived/readable';
import { derivedStores } from './derived/derived-store';
import { readableRows } from './reading';
import { cardTally } from '../srs/word-state';
import { firstsKeyFromV1, fromLegacyCards, type LegacyCard } from './legacy-cards';

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
	articles!: EntityTable<StoredArticle, 'slug'>;
	articleCounts!: EntityTable<ArticleCountsRow, 'article'>;
	library!: EntityTable<LibraryEntry, 'slug'>;
	meanings!: EntityTable<StoredMeaning, 'headword'>;
	articleDue!: Table<ArticleDueRow, [number, string]>;
	headwords!: EntityTable<HeadwordRow, 'headword'>;
	articleReadable!: EntityTable<ArticleReadableRow, 'article'>;
	changes!: Table<SyncChange, number>;

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
				await tx.table(STORE.counts).put(await countQueues(tx.table('cards')));
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
		// v6: one set of cards per headword, however many articles contain it (ids `headword/kind`
		// instead of `slug/headword/kind`), each card listing its articles (`*articles`, one index
		// entry per article) in place of one `article`; and the stores the learner's own articles will
		// need: their text and deck, and their cards per queue (kept by derived/article-counts.ts,
		// which counts each article while the cards are written here). The upgrade rewrites every
		// card's id and merges the cards of a headword that several articles had (legacy-cards.ts),
		// points every review and every answer filed by hour at the new ids, renames the headwords'
		// `firsts` keys (`h:` + headword), counts the queues again, and forgets the decks' hashes so
		// that the next sync stores the decks as this version builds them, and the snapshots' chain of
		// review chunks so that the next snapshot starts one with the new ids. Word marks and day rows
		// do not change.
		this.version(6)
			.stores({
				cards:
					'id, *articles, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
				[STORE.articles]: 'slug, added',
				[STORE.articleCounts]: 'article'
			})
			.upgrade(async (tx) => {
				const registry =
					((await tx.table('settings').get(SETTING.articles)) as Setting | undefined)?.value ?? [];
				const old = (await tx.table('cards').toArray()) as LegacyCard[];
				await tx.table('cards').clear();
				await tx.table('cards').bulkAdd(fromLegacyCards(old, registry as string[]));
				// The answers by hour first: rewriting the reviews files them again (derived/answer-hours.ts),
				// already with the new ids, which must not be rewritten twice.
				await tx
					.table(STORE.answerHours)
					.toCollection()
					.modify((row: AnswerHour) => {
						for (const e of row.a) e[1] = cardIdFromV1(e[1]);
					});
				await tx
					.table('reviews')
					.toCollection()
					.modify((r: StoredReview) => {
						r.cardId = cardIdFromV1(r.cardId);
					});
				const firsts = new Map<string, number>();
				for (const f of (await tx.table('firsts').toArray()) as StatFirst[]) {
					const key = firstsKeyFromV1(f.key);
					firsts.set(key, Math.min(f.time, firsts.get(key) ?? Infinity));
				}
				await tx.table('firsts').clear();
				await tx.table('firsts').bulkAdd([...firsts].map(([key, time]) => ({ key, time })));
				await tx.table(STORE.counts).put(await countQueues(tx.table('cards')));
				await tx.table('settings').where('key').startsWith(SETTING.deckHashPrefix).delete();
				// The snapshots' shared chunks hold reviews under the old card ids: the next snapshot
				// starts a chain of its own (the older snapshots keep theirs, read as backup format 1).
				await tx.table('settings').delete(SETTING.snapshotChain);
			});
		// v7: the answer journal (db/answers.ts): answers written ahead of their transaction, so an
		// answer given just before the browser is killed is replayed on the next start. Starts empty.
		this.version(7).stores({ [STORE.journal]: 'id' });
		// v8: the learner's own articles are written: the library (each added article's title,
		// source and fingerprint, listed without reading its text) and the meanings the learner
		// gives headwords. Both start empty; nothing before version 8 wrote the articles store.
		this.version(8).stores({
			[STORE.library]: 'slug, &fingerprint',
			[STORE.meanings]: 'headword'
		});
		// v9: the home page's per-article figures without reading a card: each article's cards in
		// learning and review by the quarter-hour they fall due (derived/article-due.ts), and its
		// readable share (derived/readable.ts: each headword's tally of marks and cards in review and
		// its occurrences per article; each article's occurrences and readable ones). Counted here from
		// every card and the stored decks of the learner's articles; the bundled articles' decks are
		// not in the database, so their hashes and the content version are forgotten: the next start
		// stores them again, which records their occurrences (decks.ts, reading.ts).
		this.version(9)
			.stores({
				[STORE.articleDue]: '[b+article]',
				[STORE.headwords]: 'headword, *in',
				[STORE.articleReadable]: 'article'
			})
			.upgrade(async (tx) => {
				// Cleared first: an upgrade from before version 6 rewrote the cards through the middleware.
				await Promise.all(
					[STORE.articleDue, STORE.headwords, STORE.articleReadable].map((s) => tx.table(s).clear())
				);
				// Only what the counts need of each card, not its content: a large collection is read once here.
				const cards: Pick<
					StoredCard,
					'queue' | 'articles' | 'sibling' | 'mark' | 'retired' | 'fsrs'
				>[] = [];
				await tx.table('cards').each((c: StoredCard) =>
					cards.push({
						queue: c.queue,
						articles: c.articles,
						sibling: c.sibling,
						mark: c.mark,
						retired: c.retired,
						fsrs: c.fsrs
					})
				);
				const added = (await tx.table(STORE.articles).toArray()) as StoredArticle[];
				await tx.table(STORE.articleDue).bulkAdd(dueRows(cards));
				const rows = readableRows(
					cards,
					added.map((a) => a.deck),
					cardTally
				);
				await tx.table(STORE.headwords).bulkAdd(rows.headwords);
				await tx.table(STORE.articleReadable).bulkAdd(rows.articles);
				// The queue counts again, now with where the new queue starts (derived/queue-counts.ts).
				await tx.table(STORE.counts).put(await countQueues(tx.table('cards')));
				const registry =
					((await tx.table('settings').get(SETTING.articles)) as Setting | undefined)?.value ?? [];
				const own = new Set(added.map((a) => a.slug));
				const bundled = (registry as string[]).filter((slug) => !own.has(slug));
				await tx
					.table('settings')
					.bulkDelete([
						SETTING.contentVersion,
						...bundled.map((slug) => SETTING.deckHashPrefix + slug)
					]);
			});
		// v10: the change log of what sync carries besides answers (db/changes.ts): word marks and
		// their clearing, meanings, suspensions, scheduler settings, added articles with their titles
		// and deletion, undone answers. Filled here with what the database holds, each change at the
		// time its row knows (a word's mark, an article's addition) or else at the epoch, so that any
		// change made since on another device holds over it.
		this.version(10)
			.stores({ [STORE.changes]: '++seq, &id, key' })
			.upgrade(async (tx) => {
				await reconcileChanges(
					{
						cards: tx.table('cards'),
						words: tx.table('words'),
						meanings: tx.table(STORE.meanings),
						settings: tx.table('settings'),
						library: tx.table(STORE.library),
						changes: tx.table(STORE.changes)
					},
					(rowTime) => rowTime ?? new Date(0)
				);
			});
		this.on('populate', (tx) => {
			tx.table(STORE.counts).add({
				key: QUEUE_COUNTS_KEY,
				n: {},
				newFrom: Infinity
			} satisfies QueueCountsRow);
		});
		// The stores kept from the cards, by one middleware: each write's replaced rows are read once.
		this.use(
			derivedStores('CardCounts', [
				queueCountsStore,
				articleCountsStore,
				articleDueStore,
				readableStore
			])
		);
		this.use(answerHoursMiddleware);
	}
}

export { queueOf };

/** The counts row, counted through the queue index (by the upgrades that must count it afresh). */
async function countQueues(cards: Table<StoredCard, string>): Promise<QueueCountsRow> {
	const n: Record<number, number> = {};
	for (const q of Object.values(QUEUE)) {
		const c = await cards
			.where(INDEX.queueDue)
			.between([q, Dexie.minKey], [q, Dexie.maxKey], true, true)
			.count();
		if (c) n[q] = c;
	}
	const first = await cards
		.where(INDEX.queuePosition)
		.between([QUEUE.new, Dexie.minKey], [QUEUE.new, Dexie.maxKey], true, true)
		.first();
	return { key: QUEUE_COUNTS_KEY, n, newFrom: first?.position ?? Infinity };
}
