// The card table's reads and actions, apart from the queue code every page loads.

import Dexie from 'dexie';
import { QUEUE } from './queues';
import { queueOf, type KartuDB } from './schema';
import { type StoredCard } from './rows';
import { cardsPerQueue } from './cards';
import { inQueue } from './queues';
import { INDEX } from './names';
import { changeKey, logChanges } from './changes';

/** Every card, in queue and introduction order. */
export function allCards(db: KartuDB): Promise<StoredCard[]> {
	return db.cards.orderBy(INDEX.queuePosition).toArray();
}

/** The card table's state filters, as ranges of the queue index. */
export const FILTER_QUEUES = {
	all: [
		QUEUE.new,
		QUEUE.learning,
		QUEUE.review,
		QUEUE.relearning,
		QUEUE.suspended,
		QUEUE.known,
		QUEUE.ignored,
		QUEUE.retired
	],
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
	return db.transaction('r', db.cards, db.counts, async () => {
		const range = (q: number) =>
			db.cards.where(INDEX.queuePosition).between([q, Dexie.minKey], [q, Dexie.maxKey]);
		const queues = FILTER_QUEUES[filter];
		const perQueue = await cardsPerQueue(db);
		const counts = queues.map((q) => inQueue(perQueue, q));
		const cards: StoredCard[] = [];
		for (const q of queues) {
			if (cards.length > limit) break;
			const c = range(q);
			cards.push(
				...(await (match ? c.filter(match) : c).limit(limit + 1 - cards.length).toArray())
			);
		}
		return {
			cards: cards.slice(0, limit),
			total: counts.reduce((a, b) => a + b, 0),
			more: cards.length > limit
		};
	});
}

/**
 * Suspends cards or lets them back into the queue; the change of each card that changed is logged
 * for sync (db/changes.ts) unless `log` is false (a change received).
 */
export async function setSuspended(
	db: KartuDB,
	ids: string[],
	suspended: boolean,
	now = new Date(),
	log = true
): Promise<void> {
	await db.transaction('rw', db.cards, db.changes, async () => {
		const cards = (await db.cards.bulkGet(ids)).filter((c): c is StoredCard => !!c);
		if (log)
			await logChanges(
				db,
				cards
					.filter((c) => c.suspended !== suspended)
					.map((c) => ({ key: changeKey.suspended(c.id), value: suspended, time: now }))
			);
		await db.cards.bulkPut(
			cards.map((c) => ({ ...c, suspended, queue: queueOf({ ...c, suspended }) }))
		);
	});
}
