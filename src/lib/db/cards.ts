// Card storage: loading decks without touching progress, today's queue, counts, and the card table.

import Dexie from 'dexie';
import { State } from 'ts-fsrs';
import type { Deck } from '../cards/types';
import { textHash } from '../text/segment';
import { newCard } from '../srs/schedule';
import { queueCounts, studyDay, type Queue, type QueueCard } from '../srs/queue';
import type { SchedulerSettings } from '../srs/settings';
import { loadSettings } from './settings';
import { QUEUE, queueOf, type KartuDB, type StoredCard, type StoredWord } from './schema';

const ARTICLES = 'articles';
const DECK_HASH = 'deck-hash:';
/** Within a headword, new cards come as vocabulary, then cloze, then affix drill (one a day). */
const KIND_ORDER = { vocab: 0, cloze: 1, drill: 2 } as const;
/** Room between articles in the new-card order. */
const ARTICLE_SPAN = 1_000_000;

export interface SyncResult {
	added: number;
	updated: number;
	retired: number;
	unchanged: boolean;
}

/**
 * Upserts the decks' cards: new cards are added in the New state, existing cards get fresh content
 * and keep their FSRS state, and cards whose headword left an article are retired, never deleted.
 * A deck whose content has not changed since the last sync is skipped.
 */
export async function syncDecks(db: KartuDB, decks: Deck[], now: Date): Promise<SyncResult> {
	return db.transaction('rw', db.cards, db.settings, db.words, async () => {
		const result: SyncResult = { added: 0, updated: 0, retired: 0, unchanged: true };
		let marks: Map<string, StoredWord['mark']> | undefined;
		const registry = ((await db.settings.get(ARTICLES))?.value as string[] | undefined) ?? [];
		for (const deck of decks) {
			const slug = deck.article.slug;
			if (!registry.includes(slug)) registry.push(slug);
			const hash = textHash(JSON.stringify(deck.cards));
			if ((await db.settings.get(DECK_HASH + slug))?.value === hash) continue;
			result.unchanged = false;
			const base = registry.indexOf(slug) * ARTICLE_SPAN;
			const existing = new Map((await db.cards.where('article').equals(slug).toArray()).map((c) => [c.id, c]));
			// A word marked known or ignored in another article is so in this one too.
			marks ??= new Map((await db.words.toArray()).map((w) => [w.headword, w.mark]));
			const rows: StoredCard[] = [];
			for (const content of deck.cards) {
				const position = base + content.position * 3 + KIND_ORDER[content.kind];
				const old = existing.get(content.id);
				existing.delete(content.id);
				const row: StoredCard = old
					? { ...old, content, position, retired: false, queue: 0 }
					: {
							id: content.id,
							article: slug,
							sibling: `${slug}/${content.headword}`,
							position,
							content,
							fsrs: newCard(now),
							suspended: false,
							retired: false,
							...(marks.has(content.headword) ? { mark: marks.get(content.headword) } : {}),
							queue: 0
						};
				row.queue = queueOf(row);
				if (old) result.updated++;
				else result.added++;
				rows.push(row);
			}
			for (const gone of existing.values()) {
				if (gone.retired) continue;
				rows.push({ ...gone, retired: true, queue: QUEUE.retired });
				result.retired++;
			}
			await db.cards.bulkPut(rows);
			await db.settings.put({ key: DECK_HASH + slug, value: hash });
		}
		await db.settings.put({ key: ARTICLES, value: registry });
		return result;
	});
}

export function toQueueCard(c: StoredCard): QueueCard {
	return { id: c.id, sibling: c.sibling, state: c.fsrs.state, due: c.fsrs.due.getTime(), position: c.position };
}

/** A card's headword group from its id (`slug/headword/kind` → `slug/headword`), as syncDecks sets `sibling`. */
export function siblingOfId(id: string): string {
	return id.slice(0, id.lastIndexOf('/'));
}

/** Extra new cards loaded beyond the daily limit, to stand in for ones buried by a sibling. */
const FRESH_SPARE = 10;

export interface LoadedQueue {
	queue: Queue;
	/**
	 * The stored cards read while loading: (re)learning and new cards. Review cards due today are
	 * known by id only (the queue index gives them in due order); read them with `getCards`.
	 */
	cards: Map<string, StoredCard>;
}

/**
 * Today's queue, read through the indexes: (re)learning cards due before the study day ends and
 * the next new cards the daily limit allows, as rows; reviews due today as ids only, however
 * many. Never reads the whole collection, nor holds the day's reviews in memory.
 */
export async function loadQueue(db: KartuDB, now: Date, settings: SchedulerSettings): Promise<LoadedQueue> {
	const day = studyDay(now, settings.dayStartHour);
	return db.transaction('r', db.cards, db.reviews, async () => {
		const dueBefore = (queue: number) =>
			db.cards.where('[queue+fsrs.due]').between([queue, Dexie.minKey], [queue, new Date(day.end)], true, false);
		const [learning, relearning, reviewIds, answeredToday] = await Promise.all([
			dueBefore(QUEUE.learning).toArray(),
			dueBefore(QUEUE.relearning).toArray(),
			dueBefore(QUEUE.review).primaryKeys() as Promise<string[]>,
			db.reviews.where('time').aboveOrEqual(new Date(day.start)).toArray()
		]);
		// Practice answers change no schedule, so they neither bury a sibling nor use up new cards.
		const today = answeredToday.filter((r) => !r.practice).sort((a, b) => a.time.getTime() - b.time.getTime());
		// The first answer of each headword today decides which sibling owns the day.
		const answered = new Map<string, string>();
		for (const r of today) {
			const sibling = siblingOfId(r.cardId);
			if (!answered.has(sibling)) answered.set(sibling, r.cardId);
		}
		const introduced = new Set(today.filter((r) => r.before.state === State.New).map((r) => r.cardId)).size;
		const newLeft = Math.max(0, settings.newPerDay - introduced);
		const taken = new Set<string>();
		const fresh = newLeft
			? await db.cards
					.where('[queue+position]')
					.between([QUEUE.new, Dexie.minKey], [QUEUE.new, Dexie.maxKey])
					.filter((c) => {
						if (answered.has(c.sibling) || taken.has(c.sibling)) return false;
						taken.add(c.sibling);
						return true;
					})
					.limit(newLeft + FRESH_SPARE)
					.toArray()
			: [];
		const byDue = (a: QueueCard, b: QueueCard) => a.due - b.due;
		const queue: Queue = {
			learning: [...learning, ...relearning].map(toQueueCard).sort(byDue),
			// In the index's due order; all are due today, so the day's start stands for their due time.
			review: reviewIds.map((id) => ({ id, sibling: siblingOfId(id), state: State.Review, due: day.start, position: 0 })),
			fresh: fresh.map(toQueueCard),
			newLeft,
			answered,
			day
		};
		const cards = new Map([...learning, ...relearning, ...fresh].map((c) => [c.id, c]));
		return { queue, cards };
	});
}

/** The stored cards of `ids` that exist (to show review cards the queue knows by id). */
export async function getCards(db: KartuDB, ids: string[]): Promise<StoredCard[]> {
	return (await db.cards.bulkGet(ids)).filter((c): c is StoredCard => !!c);
}

/** Cards the learner has studied and that are in learning or review now. */
export async function learnedCount(db: KartuDB): Promise<number> {
	return db.cards
		.where('[queue+fsrs.due]')
		.between([QUEUE.learning, Dexie.minKey], [QUEUE.relearning, Dexie.maxKey], true, true)
		.count();
}

/** Every card, in queue and introduction order. */
export function allCards(db: KartuDB): Promise<StoredCard[]> {
	return db.cards.orderBy('[queue+position]').toArray();
}

/** The card table's state filters, as ranges of the queue index. */
export const FILTER_QUEUES = {
	all: [QUEUE.new, QUEUE.learning, QUEUE.review, QUEUE.relearning, QUEUE.suspended, QUEUE.known, QUEUE.ignored, QUEUE.retired],
	new: [QUEUE.new],
	learning: [QUEUE.learning, QUEUE.relearning],
	review: [QUEUE.review],
	suspended: [QUEUE.suspended],
	known: [QUEUE.known],
	ignored: [QUEUE.ignored],
	retired: [QUEUE.retired]
} as const;

export type StateFilter = keyof typeof FILTER_QUEUES;

export interface CardPage {
	cards: StoredCard[];
	/** Cards in the filter (without a search), counted in the index. */
	total: number;
	/** Whether more cards match than `cards` holds. */
	more: boolean;
}

/**
 * One page of the card table: the first `limit` cards of the filter that match `match`, read
 * through the queue index in introduction order, stopping as soon as the page is full, so a
 * collection of 100,000 cards is never read whole to show a hundred rows.
 */
export async function cardPage(
	db: KartuDB,
	filter: StateFilter,
	limit: number,
	match?: (c: StoredCard) => boolean
): Promise<CardPage> {
	return db.transaction('r', db.cards, async () => {
		const range = (q: number) => db.cards.where('[queue+position]').between([q, Dexie.minKey], [q, Dexie.maxKey]);
		const queues = FILTER_QUEUES[filter];
		const counts = await Promise.all(queues.map((q) => range(q).count()));
		const cards: StoredCard[] = [];
		for (const q of queues) {
			if (cards.length > limit) break;
			const c = range(q);
			cards.push(...(await (match ? c.filter(match) : c).limit(limit + 1 - cards.length).toArray()));
		}
		return { cards: cards.slice(0, limit), total: counts.reduce((a, b) => a + b, 0), more: cards.length > limit };
	});
}

export async function setSuspended(db: KartuDB, ids: string[], suspended: boolean): Promise<void> {
	await db.transaction('rw', db.cards, async () => {
		const cards = (await db.cards.bulkGet(ids)).filter((c): c is StoredCard => !!c);
		await db.cards.bulkPut(cards.map((c) => ({ ...c, suspended, queue: queueOf({ ...c, suspended }) })));
	});
}

/** How many cards fall due on the study day after `now`'s, and the earliest due time after now. */
export async function upcoming(db: KartuDB, now: Date, settings: SchedulerSettings) {
	const day = studyDay(now, settings.dayStartHour);
	const range = (q: number, from: number, to: Date | typeof Dexie.maxKey) =>
		db.cards.where('[queue+fsrs.due]').between([q, new Date(from)], [q, to], true, false);
	let tomorrow = 0;
	let next: Date | undefined;
	for (const q of [QUEUE.learning, QUEUE.review, QUEUE.relearning]) {
		tomorrow += await range(q, day.end, new Date(day.end + 86_400_000)).count();
		const first = await range(q, now.getTime(), Dexie.maxKey).first();
		if (first && (!next || first.fsrs.due < next)) next = first.fsrs.due;
	}
	return { tomorrow, next };
}

export interface HomeCounts {
	/** Learning cards due now and reviews due today. */
	due: number;
	/** New cards still allowed today. */
	fresh: number;
	/** Cards in learning or review. */
	learned: number;
}

/** The home page's counts, read through the indexes. */
export async function homeCounts(db: KartuDB, now: Date): Promise<HomeCounts> {
	const settings = await loadSettings(db);
	const { queue } = await loadQueue(db, now, settings);
	const counts = queueCounts(queue, now.getTime());
	return { due: counts.learning + counts.review, fresh: counts.new, learned: await learnedCount(db) };
}

/**
 * The cards of a practice session over one article: every card in the queue, studied ones by due
 * date (the most overdue first), then new ones in article order.
 */
export async function practiceCards(db: KartuDB, article: string): Promise<StoredCard[]> {
	const cards = (await db.cards.where('article').equals(article).toArray()).filter((c) => c.queue >= 0);
	const studied = cards.filter((c) => c.fsrs.reps > 0).sort((a, b) => a.fsrs.due.getTime() - b.fsrs.due.getTime());
	const fresh = cards.filter((c) => c.fsrs.reps === 0).sort((a, b) => a.position - b.position);
	return [...studied, ...fresh];
}
