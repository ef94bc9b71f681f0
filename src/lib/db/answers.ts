// Answers: the card's new state and its review row are written in one transaction, and undone the same way.
//
// Everything one answer's transaction writes (recordAnswer; undoAnswer takes back the same):
//   cards          the card's new FSRS state and queue number                here, db.cards.put
//   reviews        one review row, with the states before and after          here, db.reviews.add
//   statdays       the day's review count, time, young/mature retention     stats.ts countAnswer
//   firsts         when the card's headword and root first entered review    stats.ts countAnswer (only then)
//   settings       'stats-state', the first time, or while stats are stale   stats.ts countAnswer
//   counts         cards per queue, moved by the card's change of queue      derived/queue-counts.ts (middleware)
//   articleCounts  the same for each of the card's articles                  derived/article-counts.ts (middleware)
//   articleDue     each of its articles' cards due per quarter-hour, moved   derived/article-due.ts (middleware)
//   headwords      its headword's tally of marks and cards in review         derived/readable.ts (middleware)
//   articleReadable  the readable share of each article with that headword,
//                  when the headword becomes readable or stops being         derived/readable.ts (middleware)
//   answerHours    the answer filed under its hour, for today's queue        derived/answer-hours.ts (middleware)
// The middlewares (one for the stores kept from the cards, one for answerHours) are registered in
// schema.ts and add their stores to any read-write transaction on cards or reviews, so no writer can
// forget them. Before that transaction, in a transaction of
// its own that commits at once, the answer goes in the journal, and out again once the answer's
// transaction has committed (db/journal.ts; `replayJournal` here):
//   journal        the answer as given, until its transaction has committed  journal.ts journalAnswer
//                  (in a Storage Bucket of its own where the browser has them)
// A practice answer (recordPractice) writes only its review row and answerHours. Nothing else is
// written by an answer. Undo also logs the answer as undone, for sync (`changes`, db/changes.ts).

import type { Card as FsrsCard } from 'ts-fsrs';
import Dexie from 'dexie';
import { newCard, studyDay, type SchedulerSettings } from '../srs';
import { countAnswer } from './stats';
import { QUEUE } from './queues';
import { queueOf, type KartuDB } from './schema';
import type { AnswerInput, StoredCard, StoredReview } from './rows';
import { INDEX } from './names';
import { changeKey, logChanges, type UndoneValue } from './changes';
import { journalAnswer, readJournal } from './journal';

export type { AnswerInput };

/** The review row of an answer that leaves the card in state `after`. */
function reviewRow(a: Omit<AnswerInput, 'next' | 'dayStartHour'>, after: FsrsCard): StoredReview {
	return {
		id: reviewId(a.time),
		cardId: a.card.id,
		grade: a.grade,
		time: a.time,
		ms: Math.max(0, Math.round(a.ms)),
		before: a.card.fsrs,
		after
	};
}

/** A review id that sorts by time and never collides across devices. */
export function reviewId(time: Date): string {
	return `${time.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The card changed since it was shown (answered in another tab): the answer was not written. */
export class StaleCardError extends Error {
	constructor(id: string) {
		super(`The card ${id} was answered elsewhere since it was shown.`);
		this.name = 'StaleCardError';
	}
}

/**
 * Writes the answer: the card's new FSRS state and one review row, atomically. Returns both.
 * Refuses (StaleCardError) when the stored card is no longer the one answered, so an answer given
 * in another tab is never overwritten or counted twice.
 *
 * The answer is first put in the journal, in a transaction of its own issued in the same task: one
 * write with no reads, on disk within a round trip, while the answer's transaction (several round
 * trips: the counters read before they write) is still running. The journal entry goes once that
 * transaction has committed, or failed for good; one left behind by a killed browser is replayed by
 * `replayJournal` at the next start.
 */
export async function recordAnswer(
	db: KartuDB,
	a: AnswerInput,
	drawn: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 0))
): Promise<{ card: StoredCard; review: StoredReview }> {
	const review = reviewRow(a, a.next);
	const journalled = journalAnswer(db, {
		id: review.id,
		card: a.card,
		grade: a.grade,
		next: a.next,
		time: a.time,
		ms: a.ms,
		dayStartHour: a.dayStartHour
	});
	// The answer's own transaction once the next card is drawn (`drawn`: the review screen passes the
	// frame that shows it; a task later by default): its synchronous part (Dexie opening it, the
	// middlewares cloning rows) and its success events would otherwise delay that frame, and the
	// journal, committed at once, already keeps the answer.
	await drawn;
	try {
		const card = await writeAnswer(db, a, review);
		return { card, review };
	} finally {
		void journalled.remove().catch(() => {});
	}
}

/** The answer's transaction: the stale check, the card, the review row and the statistics. */
async function writeAnswer(db: KartuDB, a: AnswerInput, review: StoredReview): Promise<StoredCard> {
	const card: StoredCard = { ...a.card, fsrs: a.next };
	card.queue = queueOf(card);
	await db.transaction(
		'rw',
		[db.cards, db.reviews, db.settings, db.statdays, db.firsts],
		async () => {
			// Everything is queued at once, the check's read first: requests run in the order they are
			// made, so the read sees the card as it was, and a failed check throws, which aborts the
			// transaction and undoes the writes queued after it: the commit comes a round trip sooner.
			const stored = db.cards.get(card.id);
			const writes = Promise.all([
				db.cards.put(card),
				db.reviews.add(review),
				countAnswer(db, review, card, a.dayStartHour, 1)
			]);
			writes.catch(() => {}); // settled by the abort when the check fails
			const was = await stored;
			if (
				was &&
				(was.fsrs.reps !== a.card.fsrs.reps || was.fsrs.due.getTime() !== a.card.fsrs.due.getTime())
			) {
				throw new StaleCardError(card.id);
			}
			await writes;
		}
	);
	return card;
}

/**
 * Writes the answers a killed browser left in the journal (given, but their transaction never
 * committed): each whose card is still as it was shown is recorded now, with its own review id;
 * one already recorded, or whose card has moved on since, is dropped. Returns how many were written.
 */
export async function replayJournal(db: KartuDB): Promise<number> {
	let written = 0;
	for (const { entry: e, remove } of await readJournal(db)) {
		try {
			if (!(await db.reviews.get(e.id))) {
				await writeAnswer(db, e, { ...reviewRow(e, e.next), id: e.id });
				written++;
			}
		} catch (err) {
			if (!(err instanceof StaleCardError)) throw err;
		}
		await remove();
	}
	return written;
}

/**
 * Takes back an answer completely: the card returns to its state before it, and the review row is
 * deleted, in one transaction. Refuses when the card has been answered again since.
 */
export async function undoAnswer(
	db: KartuDB,
	review: StoredReview,
	dayStartHour: number,
	now = new Date()
): Promise<StoredCard> {
	return db.transaction(
		'rw',
		[db.cards, db.reviews, db.settings, db.statdays, db.firsts, db.changes],
		async () => {
			const card = await db.cards.get(review.cardId);
			if (!card) throw new Error('The card of this answer no longer exists.');
			if (
				card.fsrs.reps !== review.after.reps ||
				card.fsrs.due.getTime() !== review.after.due.getTime()
			) {
				throw new Error('This card was answered again since; undo the later answer first.');
			}
			const restored: StoredCard = { ...card, fsrs: review.before };
			restored.queue = queueOf(restored);
			await db.cards.put(restored);
			await db.reviews.delete(review.id);
			await logUndone(db, review, now);
			await countAnswer(db, review, restored, dayStartHour, -1);
			return restored;
		}
	);
}

/**
 * Records an answer given in a practice session: a review row marked as practice, and no change
 * to the card (like Anki's filtered decks without rescheduling).
 */
export async function recordPractice(
	db: KartuDB,
	a: Omit<AnswerInput, 'next' | 'dayStartHour'>
): Promise<StoredReview> {
	const review: StoredReview = { ...reviewRow(a, a.card.fsrs), practice: true };
	await db.reviews.add(review);
	return review;
}

/** Takes back a practice answer: its review row goes; the card was never changed. */
export async function undoPractice(
	db: KartuDB,
	review: StoredReview,
	now = new Date()
): Promise<void> {
	await db.transaction('rw', db.reviews, db.changes, async () => {
		await db.reviews.delete(review.id);
		await logUndone(db, review, now);
	});
}

/** Logs an undone answer for sync (db/changes.ts): removed on every device, its card replayed. */
function logUndone(db: KartuDB, review: StoredReview, now: Date): Promise<void> {
	const value: UndoneValue = {
		before: review.before,
		time: review.time.getTime(),
		...(review.practice ? { practice: true } : {})
	};
	return logChanges(db, [{ key: changeKey.undone(review.cardId, review.id), value, time: now }]);
}

/** The stored cards of `ids` that exist (to show review cards the queue knows by id). */
export async function getCards(db: KartuDB, ids: string[]): Promise<StoredCard[]> {
	return (await db.cards.bulkGet(ids)).filter((c): c is StoredCard => !!c);
}

/** How many cards fall due on the study day after `now`'s, and the earliest due time after now. */
export async function upcoming(db: KartuDB, now: Date, settings: SchedulerSettings) {
	const day = studyDay(now, settings.dayStartHour);
	const range = (q: number, from: number, to: Date | typeof Dexie.maxKey) =>
		db.cards.where(INDEX.queueDue).between([q, new Date(from)], [q, to], true, false);
	let tomorrow = 0;
	let next: Date | undefined;
	for (const q of [QUEUE.learning, QUEUE.review, QUEUE.relearning]) {
		tomorrow += await range(q, day.end, new Date(day.end + 86_400_000)).count();
		const first = await range(q, now.getTime(), Dexie.maxKey).first();
		if (first && (!next || first.fsrs.due < next)) next = first.fsrs.due;
	}
	return { tomorrow, next };
}

/**
 * The cards of a practice session over one article: every card in the queue whose headword the
 * article has (through the `articles` index; a card shared with other articles included),
 * studied ones by due date (the most overdue first), then new ones in the order of introduction.
 */
export async function practiceCards(db: KartuDB, article: string): Promise<StoredCard[]> {
	const cards = (await db.cards.where(INDEX.articles).equals(article).toArray()).filter(
		(c) => c.queue >= 0
	);
	const studied = cards
		.filter((c) => c.fsrs.reps > 0)
		.sort((a, b) => a.fsrs.due.getTime() - b.fsrs.due.getTime());
	const fresh = cards.filter((c) => c.fsrs.reps === 0).sort((a, b) => a.position - b.position);
	return [...studied, ...fresh];
}

/**
 * Puts a card whose stored memory state FSRS cannot use (a negative stability from a damaged
 * backup, say) back to new, due now; its review rows stay. Returns the card as stored.
 */
export async function resetCard(
	db: KartuDB,
	id: string,
	now: Date
): Promise<StoredCard | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const card = await db.cards.get(id);
		if (!card) return undefined;
		const reset: StoredCard = { ...card, fsrs: newCard(now) };
		reset.queue = queueOf(reset);
		await db.cards.put(reset);
		return reset;
	});
}
