// The queue numbers cards are indexed by, apart from the schema so that code without Dexie can use them.

import type { AnswerToday } from '../srs/queue';

/** Anki-style queue number: the FSRS state, or a negative number for cards out of the queue. */
export const QUEUE = { suspended: -1, retired: -2, known: -3, ignored: -4, new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** The store holding the maintained number of cards in each queue (see db/queue-counts.ts). */
export const COUNTS_STORE = 'counts';
/** The key of its one row. */
export const QUEUE_COUNTS_KEY = 'queues';

/** Cards per queue number, as kept in the counts store: `{ key: 'queues', n: { 0: 30121, 2: 64984, … } }`. */
export interface QueueCountsRow {
	key: typeof QUEUE_COUNTS_KEY;
	n: Record<number, number>;
}

/** Cards in one queue according to a counts row (0 when it has none). */
export const inQueue = (row: QueueCountsRow, queue: number): number => row.n[queue] ?? 0;

/** Cards the learner has studied and that are in learning or review now: the home page's "learned". */
export const learnedIn = (row: QueueCountsRow): number => inQueue(row, QUEUE.learning) + inQueue(row, QUEUE.review) + inQueue(row, QUEUE.relearning);

/**
 * The store of recent answers by hour (see db/answer-hours.ts): each row holds the answers given
 * in one hour, small enough that today's are a few rows to read rather than hundreds of reviews.
 */
export const ANSWER_HOURS_STORE = 'answerHours';
export const HOUR_MS = 3_600_000;
/** Answers given more than this many hours before a write are neither added nor kept. */
export const ANSWER_HOURS_KEPT = 72;

/** One answer: review id, card id, the card's state before it, 1 for a practice answer, time (ms). */
export type AnswerEntry = [id: string, cardId: string, state: number, practice: 0 | 1, time: number];

export interface AnswerHour {
	/** Hours since the epoch. */
	h: number;
	a: AnswerEntry[];
}

/** The hour numbers whose rows hold answers from `start` (inclusive) to `end` (exclusive), for a key range. */
export const hoursOf = (start: number, end: number): [number, number] => [Math.floor(start / HOUR_MS), Math.floor((end - 1) / HOUR_MS)];

/** The answers in `rows` from `start` to `end`, as `dayLeft` takes them. */
export function answersIn(rows: readonly AnswerHour[], start: number, end: number): AnswerToday[] {
	const out: AnswerToday[] = [];
	for (const row of rows) {
		for (const [, cardId, state, practice, time] of row.a) {
			if (time >= start && time < end) out.push({ cardId, time: new Date(time), before: { state: state as AnswerToday['before']['state'] }, ...(practice ? { practice: true } : {}) });
		}
	}
	return out;
}
