// Today's queue and the home page's counts, read through the indexes.

import Dexie from 'dexie';
import {
	dayLeft,
	FRESH_SPARE,
	queueCounts,
	reviewSpare,
	studyDay,
	type AnswerToday,
	type StudyDay,
	type SchedulerSettings
} from '../srs';
import { loadSettings } from './settings';
import { type KartuDB } from './schema';
import { answersIn, assembleQueue, hoursOf, learnedIn, QUEUE } from './queues';
import { INDEX, QUEUE_COUNTS_KEY } from './names';
import type { HomeCounts, LoadedQueue, QueueCountsRow } from './rows';

/**
 * Today's queue, read through the indexes: (re)learning cards due before the study day ends and
 * the next new cards the daily limit allows, as rows; reviews due today as ids only, however
 * many. Never reads the whole collection, nor holds the day's reviews in memory.
 */
export async function loadQueue(
	db: KartuDB,
	now: Date,
	settings: SchedulerSettings
): Promise<LoadedQueue> {
	const day = studyDay(now, settings.dayStartHour);
	return db.transaction('r', db.cards, db.reviews, db.answerHours, db.counts, async () => {
		const dueBefore = (queue: number) =>
			db.cards
				.where(INDEX.queueDue)
				.between([queue, Dexie.minKey], [queue, new Date(day.end)], true, false);
		const [learning, relearning, answeredToday, counts] = await Promise.all([
			dueBefore(QUEUE.learning).toArray(),
			dueBefore(QUEUE.relearning).toArray(),
			answersToday(db, day),
			db.counts.get(QUEUE_COUNTS_KEY)
		]);
		const { reviewsLeft, newLeft, answered } = dayLeft(answeredToday, settings);
		// Reviews left under the daily maximum, the most overdue first; a few more stand in for
		// cards a sibling buries. However large the backlog, only these ids are read.
		const reviewIds = reviewsLeft
			? ((await dueBefore(QUEUE.review)
					.limit(reviewsLeft + reviewSpare(reviewsLeft))
					.primaryKeys()) as string[])
			: [];
		const taken = new Set<string>();
		const fresh = newLeft
			? await db.cards
					.where(INDEX.queuePosition)
					// From where the new queue starts (db/derived/queue-counts.ts), not the index's beginning.
					.between([QUEUE.new, counts?.newFrom ?? Dexie.minKey], [QUEUE.new, Dexie.maxKey])
					.filter((c) => {
						if (answered.has(c.sibling) || taken.has(c.sibling)) return false;
						taken.add(c.sibling);
						return true;
					})
					.limit(newLeft + FRESH_SPARE)
					.toArray()
			: [];
		return assembleQueue(
			{ learning, relearning, reviewIds, fresh },
			{ newLeft, reviewsLeft, answered },
			day
		);
	});
}

/** Today's answers, from the recent answers kept by hour (db/derived/answer-hours.ts). */
async function answersToday(db: KartuDB, day: StudyDay): Promise<AnswerToday[]> {
	const [from, to] = hoursOf(day.start, day.end);
	return answersIn(
		await db.answerHours.where('h').between(from, to, true, true).toArray(),
		day.start,
		day.end
	);
}

/** Cards the learner has studied and that are in learning or review now (from the maintained counts). */
export async function learnedCount(db: KartuDB): Promise<number> {
	return learnedIn(await cardsPerQueue(db));
}

/** The number of cards in each queue: the row every write keeps (db/derived/queue-counts.ts), counted through the index if it is missing. */
export async function cardsPerQueue(db: KartuDB): Promise<QueueCountsRow> {
	const row = await db.counts.get(QUEUE_COUNTS_KEY);
	if (row) return row;
	const n: Record<number, number> = {};
	for (const q of Object.values(QUEUE)) {
		const c = await db.cards
			.where(INDEX.queueDue)
			.between([q, Dexie.minKey], [q, Dexie.maxKey], true, true)
			.count();
		if (c) n[q] = c;
	}
	return { key: QUEUE_COUNTS_KEY, n };
}

/** The home page's counts, read through the indexes. */
export async function homeCounts(db: KartuDB, now: Date): Promise<HomeCounts> {
	const [{ queue }, learned] = await Promise.all([
		loadSettings(db).then((s) => loadQueue(db, now, s)),
		learnedCount(db)
	]);
	const counts = queueCounts(queue, now.getTime());
	return { due: counts.learning + counts.review, fresh: counts.new, learned };
}
