// Today's review queue: which card comes next, what is left, and how an answer (or its undo) changes that.

import type { State } from 'ts-fsrs';
import { CardState } from './memory';

/** What the queue needs to know of a card. `sibling` groups the vocabulary and cloze cards of one headword. */
export interface QueueCard {
	id: string;
	sibling: string;
	state: State;
	/** Due time in milliseconds. */
	due: number;
	/** Order of introduction for new cards (headword's first appearance). */
	position: number;
}

/**
 * A card's headword group from its id: the headword (`headword/kind` → `headword`), as syncDecks
 * sets `sibling`. The early script counts today's cards from ids alone through this.
 * @example siblingOfId('kerja sama/cloze') → 'kerja sama'
 */
export function siblingOfId(id: string): string {
	return id.slice(0, id.lastIndexOf('/'));
}

/** What the queue needs to know of an answer given today. */
export interface AnswerToday {
	cardId: string;
	time: Date;
	before: { state: State };
	practice?: boolean;
}

/** What today's answers leave of the day: reviews and new cards still allowed, and which sibling owns each headword answered. */
export interface DayLeft {
	reviewsLeft: number;
	newLeft: number;
	/** Headword group → the card of it answered first today. */
	answered: Map<string, string>;
}

/** What is left of the day after `answers` (today's, in any order), under the daily limits. */
export function dayLeft(
	answers: readonly AnswerToday[],
	limits: { newPerDay: number; maxReviewsPerDay: number }
): DayLeft {
	// Practice answers change no schedule, so they neither bury a sibling nor use up new cards.
	const today = answers
		.filter((r) => !r.practice)
		.sort((a, b) => a.time.getTime() - b.time.getTime());
	const reviewsLeft = Math.max(
		0,
		limits.maxReviewsPerDay - today.filter((r) => r.before.state === CardState.Review).length
	);
	// The first answer of each headword today decides which sibling owns the day.
	const answered = new Map<string, string>();
	for (const r of today) {
		const sibling = siblingOfId(r.cardId);
		if (!answered.has(sibling)) answered.set(sibling, r.cardId);
	}
	const introduced = new Set(
		today.filter((r) => r.before.state === CardState.New).map((r) => r.cardId)
	).size;
	return { reviewsLeft, newLeft: Math.max(0, limits.newPerDay - introduced), answered };
}

/** Review ids to read beyond the reviews left: stand-ins for cards a sibling buries. */
export function reviewSpare(reviewsLeft: number): number {
	return Math.max(20, reviewsLeft >> 1);
}

/** Extra new cards loaded beyond the daily limit, to stand in for ones buried by a sibling. */
export const FRESH_SPARE = 10;

/** The learner's study day: from `start` (inclusive) to `end` (exclusive), in milliseconds. */
export interface StudyDay {
	start: number;
	end: number;
}

/** Anki shows learning cards up to 20 minutes early when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * The study day that contains `now`, starting at `startHour` local time (Anki's "next day starts at").
 * @example studyDay(new Date(2026, 0, 2, 3, 0), 4) → { start: 2026-01-01 04:00, end: 2026-01-02 04:00 }
 */
export function studyDay(now: Date, startHour: number): StudyDay {
	const start = new Date(now);
	start.setHours(startHour, 0, 0, 0);
	if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
	const end = new Date(start);
	end.setDate(end.getDate() + 1);
	return { start: start.getTime(), end: end.getTime() };
}

export interface Queue {
	/** Cards in (re)learning due before the day ends, by due time. */
	learning: QueueCard[];
	/** Review cards due before the day ends, by due time. */
	review: QueueCard[];
	/** New cards, by position; may hold more than `newLeft` to replace buried ones. */
	fresh: QueueCard[];
	/** New cards the daily limit still allows today. */
	newLeft: number;
	/** Review cards the daily maximum still allows today (`review` may hold more, for buried ones). */
	reviewsLeft: number;
	/** For each headword answered today, the card that was answered: its sibling waits for tomorrow. */
	answered: Map<string, string>;
	day: StudyDay;
}

function buried(q: Queue, c: QueueCard): boolean {
	const other = q.answered.get(c.sibling);
	return other !== undefined && other !== c.id;
}

/**
 * The next card to show: due learning cards first, then due reviews, then new cards, then
 * learning cards due within the learn-ahead window. A card whose sibling was answered today is skipped.
 */
export function pickNext(q: Queue, now: number): QueueCard | undefined {
	const learning = q.learning.find((c) => c.due <= now && !buried(q, c));
	if (learning) return learning;
	const review = q.reviewsLeft > 0 ? q.review.find((c) => !buried(q, c)) : undefined;
	if (review) return review;
	if (q.newLeft > 0) {
		const fresh = q.fresh.find((c) => !buried(q, c));
		if (fresh) return fresh;
	}
	return q.learning.find((c) => c.due <= now + LEARN_AHEAD_MS && !buried(q, c));
}

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
}

/**
 * Cards to be seen now by kind, counting one card per headword as the queue will show them;
 * learning cards count once they are due within the learn-ahead window, as in Anki.
 */
export function queueCounts(q: Queue, now: number): QueueCounts {
	const taken = new Map(q.answered);
	const take = (c: QueueCard) => {
		const other = taken.get(c.sibling);
		if (other !== undefined && other !== c.id) return false;
		taken.set(c.sibling, c.id);
		return true;
	};
	const learning = q.learning.filter((c) => c.due <= now + LEARN_AHEAD_MS && take(c)).length;
	let review = 0;
	for (const c of q.review) {
		if (review >= q.reviewsLeft) break;
		if (take(c)) review++;
	}
	let fresh = 0;
	for (const c of q.fresh) {
		if (fresh >= q.newLeft) break;
		if (take(c)) fresh++;
	}
	return { new: fresh, learning, review };
}

/** What `answer` changed, so `undo` can put it back exactly. */
export interface QueueUndo {
	card: QueueCard;
	pool: 'learning' | 'review' | 'fresh';
	index: number;
	previousAnswer: string | undefined;
	wasNew: boolean;
}

/**
 * Records an answer: the card leaves its pool and, if it is still in (re)learning today, rejoins
 * the learning pool at its new due time. Returns what `undo` needs.
 */
export function answer(q: Queue, card: QueueCard, next: { state: State; due: number }): QueueUndo {
	let pool: QueueUndo['pool'] = 'learning';
	let index = q.learning.findIndex((c) => c.id === card.id);
	if (index < 0) {
		pool = 'review';
		index = q.review.findIndex((c) => c.id === card.id);
	}
	if (index < 0) {
		pool = 'fresh';
		index = q.fresh.findIndex((c) => c.id === card.id);
	}
	if (index >= 0) q[pool].splice(index, 1);
	const record: QueueUndo = {
		card,
		pool,
		index,
		previousAnswer: q.answered.get(card.sibling),
		wasNew: card.state === CardState.New
	};
	if (record.wasNew) q.newLeft--;
	if (pool === 'review' && index >= 0) q.reviewsLeft--;
	q.answered.set(card.sibling, card.id);
	if (
		(next.state === CardState.Learning || next.state === CardState.Relearning) &&
		next.due < q.day.end
	) {
		insertByDue(q.learning, { ...card, state: next.state, due: next.due });
	}
	return record;
}

/** Takes back an answer recorded by `answer`. */
export function undo(q: Queue, record: QueueUndo): void {
	const again = q.learning.findIndex((c) => c.id === record.card.id);
	if (again >= 0) q.learning.splice(again, 1);
	if (record.index >= 0) q[record.pool].splice(record.index, 0, record.card);
	if (record.wasNew) q.newLeft++;
	if (record.pool === 'review' && record.index >= 0) q.reviewsLeft++;
	if (record.previousAnswer === undefined) q.answered.delete(record.card.sibling);
	else q.answered.set(record.card.sibling, record.previousAnswer);
}

function insertByDue(list: QueueCard[], card: QueueCard): void {
	let i = list.length;
	while (i > 0 && list[i - 1].due > card.due) i--;
	list.splice(i, 0, card);
}

/** When the next card becomes available after the queue is empty: the earliest learning card, if any. */
export function nextLearningDue(q: Queue): number | undefined {
	const c = q.learning.find((c) => !buried(q, c));
	return c?.due;
}
