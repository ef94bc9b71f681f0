// The queue numbers cards are indexed by, apart from the schema so that code without Dexie can use them.

// Direct modules, not srs/index.ts: the inline early script uses this file, and bytes count there.
import { CardState } from '../srs/memory';
import {
	siblingOfId,
	type AnswerToday,
	type Queue,
	type QueueCard,
	type StudyDay
} from '../srs/queue';
import type { AnswerHour, LoadedQueue, QueueCountsRow, StoredCard } from './rows';

/** Anki-style queue number: the FSRS state, or a negative number for cards out of the queue. */
export const QUEUE = {
	suspended: -1,
	retired: -2,
	known: -3,
	ignored: -4,
	new: 0,
	learning: 1,
	review: 2,
	relearning: 3
} as const;

/** The queue number a card belongs in. */
export function queueOf(card: Pick<StoredCard, 'fsrs' | 'suspended' | 'retired' | 'mark'>): number {
	if (card.retired) return QUEUE.retired;
	if (card.mark) return QUEUE[card.mark];
	if (card.suspended) return QUEUE.suspended;
	return card.fsrs.state;
}

/** Cards in one queue according to a counts row (0 when it has none). */
export const inQueue = (row: QueueCountsRow, queue: number): number => row.n[queue] ?? 0;

/** Cards the learner has studied and that are in learning or review now: the home page's "learned". */
export const learnedIn = (row: QueueCountsRow): number =>
	inQueue(row, QUEUE.learning) + inQueue(row, QUEUE.review) + inQueue(row, QUEUE.relearning);

export const HOUR_MS = 3_600_000;

/** The buckets of derived/article-due.ts: a quarter of an hour, in ms. */
export const DUE_BUCKET_MS = 900_000;

/** The bucket of a due time (ms since the epoch). */
export const dueBucket = (time: number): number => Math.floor(time / DUE_BUCKET_MS);
/** Answers given more than this many hours before a write are neither added nor kept. */
export const ANSWER_HOURS_KEPT = 72;

/** The hour numbers whose rows hold answers from `start` (inclusive) to `end` (exclusive), for a key range. */
export const hoursOf = (start: number, end: number): [number, number] => [
	Math.floor(start / HOUR_MS),
	Math.floor((end - 1) / HOUR_MS)
];

/** The answers in `rows` from `start` to `end`, as `dayLeft` takes them. */
export function answersIn(rows: readonly AnswerHour[], start: number, end: number): AnswerToday[] {
	const out: AnswerToday[] = [];
	for (const row of rows) {
		for (const [, cardId, state, practice, time] of row.a) {
			if (time >= start && time < end)
				out.push({
					cardId,
					time: new Date(time),
					before: { state: state as AnswerToday['before']['state'] },
					...(practice ? { practice: true } : {})
				});
		}
	}
	return out;
}

/** A stored card as the queue holds it. */
export function toQueueCard(c: StoredCard): QueueCard {
	return {
		id: c.id,
		sibling: c.sibling,
		state: c.fsrs.state,
		due: c.fsrs.due.getTime(),
		position: c.position
	};
}

/** What the indexes gave for today: the rows of (re)learning and new cards, the ids of due reviews. */
export interface DayRead {
	learning: StoredCard[];
	relearning: StoredCard[];
	reviewIds: string[];
	fresh: StoredCard[];
}

/**
 * Today's queue from what the indexes gave, with the day's limits (`dayLeft`); the rows read come
 * with it. One assembly for Dexie's `loadQueue` and the early script's `readQueue`.
 */
export function assembleQueue(
	read: DayRead,
	left: Pick<Queue, 'newLeft' | 'reviewsLeft' | 'answered'>,
	day: StudyDay
): LoadedQueue {
	const queue: Queue = {
		learning: [...read.learning, ...read.relearning].map(toQueueCard).sort((a, b) => a.due - b.due),
		// In the index's due order; all are due today, so the day's start stands for their due time.
		review: read.reviewIds.map((id) => ({
			id,
			sibling: siblingOfId(id),
			state: CardState.Review,
			due: day.start,
			position: 0
		})),
		fresh: read.fresh.map(toQueueCard),
		newLeft: left.newLeft,
		reviewsLeft: left.reviewsLeft,
		answered: left.answered,
		day
	};
	return {
		queue,
		cards: new Map([...read.learning, ...read.relearning, ...read.fresh].map((c) => [c.id, c]))
	};
}
