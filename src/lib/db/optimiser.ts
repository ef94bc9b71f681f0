// What the FSRS parameter optimiser reads and writes: how much history there is (cheap counts, for
// the settings page), the whole review history (read by the optimiser's worker, a page at a time),
// and the rescheduling of every studied card with new parameters, in one transaction.

import Dexie from 'dexie';
import {
	cardHistories,
	memoryModel,
	studyDayNumber,
	CardState,
	type ReviewRecord,
	type SchedulerSettings,
	weightsAsScheduled
} from '../srs';
import { QUEUE } from './queues';
import { INDEX } from './names';
import type { KartuDB } from './schema';
import type { StoredCard, StoredReview } from './rows';

/** The answers kept and the study days they span: whether there is enough to fit. */
export interface HistorySize {
	reviews: number;
	/** Study days from the first answer to the last, both counted. */
	days: number;
}

/** Counts the answers and the days they span, without reading them (an index count and two keys). */
export async function historySize(db: KartuDB, dayStartHour: number): Promise<HistorySize> {
	return db.transaction('r', db.reviews, async () => {
		const reviews = await db.reviews.count();
		if (!reviews) return { reviews, days: 0 };
		const [first, last] = await Promise.all([
			db.reviews.orderBy(INDEX.time).first(),
			db.reviews.orderBy(INDEX.time).last()
		]);
		const days =
			studyDayNumber(last!.time, dayStartHour) - studyDayNumber(first!.time, dayStartHour) + 1;
		return { reviews, days };
	});
}

/** What the optimiser reads: every answer, and which cards are retired or being studied. */
export interface OptimiserData {
	reviews: StoredReview[];
	/** Retired cards: their reviews are left out. */
	retired: string[];
	/** Cards in learning or review now: the ones whose workload is estimated. */
	studied: string[];
}

/** Reviews read per transaction, so that an answer given meanwhile never waits long. */
const PAGE = 20_000;

/**
 * Reads every review, a page per transaction through the primary key (ids sort by time), and the
 * ids of retired and studied cards through the queue index. `progress` hears the reviews read so
 * far, of about how many.
 */
export async function readOptimiserData(
	db: KartuDB,
	progress: (read: number, total: number) => void = () => {}
): Promise<OptimiserData> {
	const total = await db.reviews.count();
	const reviews: StoredReview[] = [];
	for (let after: string | undefined; ;) {
		const page = await (
			after === undefined ? db.reviews.orderBy(':id') : db.reviews.where(':id').above(after)
		)
			.limit(PAGE)
			.toArray();
		reviews.push(...page);
		progress(reviews.length, Math.max(total, reviews.length));
		if (page.length < PAGE) break;
		after = page.at(-1)!.id;
	}
	const inQueue = (q: number) =>
		db.cards
			.where(INDEX.queueDue)
			.between([q, Dexie.minKey], [q, Dexie.maxKey], true, true)
			.primaryKeys() as Promise<string[]>;
	const [retired, ...studied] = await Promise.all(
		[QUEUE.retired, QUEUE.learning, QUEUE.review, QUEUE.relearning].map(inQueue)
	);
	return { reviews, retired, studied: studied.flat() };
}

/** What rescheduling did: cards given new memory states (and, in review, new due dates), and cards left alone. */
export interface RescheduleSummary {
	rescheduled: number;
	/** Cards whose history does not start with their first answer (imported without it): unchanged. */
	unchanged: number;
}

/**
 * Gives every studied card (not new, not retired) the memory state its reviews give with
 * `settings.weights`, and a card in review the due date that state gives: its last review plus the
 * interval that aims at the desired retention (no fuzz). Cards in (re)learning keep their due
 * time. One read-write transaction, so it happens whole or not at all.
 */
export async function rescheduleCards(
	db: KartuDB,
	settings: SchedulerSettings
): Promise<RescheduleSummary> {
	return db.transaction('rw', db.cards, db.reviews, async () => {
		const cards = (await db.cards.toArray()).filter(
			(c) => !c.retired && c.fsrs.state !== CardState.New
		);
		const reviews = (await db.reviews.toArray()) as ReviewRecord[];
		const wanted = new Set(cards.map((c) => c.id));
		const histories = new Map(
			cardHistories(reviews, settings.dayStartHour, (id) => !wanted.has(id)).map((h) => [
				h.cardId,
				h
			])
		);
		const model = memoryModel(
			weightsAsScheduled(settings.weights, settings.relearningSteps.length),
			settings.desiredRetention,
			settings.maximumInterval
		);
		const changed: StoredCard[] = [];
		for (const card of cards) {
			const h = histories.get(card.id);
			if (!h) continue;
			const memory = model.memory(h);
			const fsrs = { ...card.fsrs, stability: memory.stability, difficulty: memory.difficulty };
			if (card.fsrs.state === CardState.Review && card.fsrs.last_review) {
				const days = model.interval(memory.stability);
				fsrs.scheduled_days = days;
				fsrs.due = new Date(card.fsrs.last_review.getTime() + days * 86_400_000);
			}
			changed.push({ ...card, fsrs });
		}
		await db.cards.bulkPut(changed);
		return { rescheduled: changed.length, unchanged: cards.length - changed.length };
	});
}
