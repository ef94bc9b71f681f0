// The merge rules of sync, as pure functions: every device that holds the same answers computes
// the same card state from them, whatever order they arrived in. No Dexie, no network.
//
// The rules:
// - Reviews are immutable rows with ids unique across devices (answers.ts `reviewId`): the merged
//   history is the union by id, so every answer from every device is kept exactly once.
// - A card's FSRS state is its history replayed in time order (`replayCard`): from the `before` of
//   its earliest answer, each answer in turn. An answer whose recorded `before` is the state reached
//   so far keeps its recorded `after` (what its device computed, with the parameters of the time);
//   one given on another device from a state this history has moved past is scheduled again from
//   the state reached (Scheduler.answer at its time). Practice answers never move a card.
//   Ties in time are broken by review id, so the order is the same on every device.
//   An undone answer (db/changes.ts `u:`) leaves the history on every device; the replay then starts
//   from the `before` of the earliest answer ever given, the undone ones included.
// - Everything else sync carries (word marks, meanings, suspensions, settings, articles): per key,
//   the change made last holds (db/changes.ts `holdsOver`: the time the learner acted, not when it
//   arrived; at the same instant the larger change id). Marks sent before the change log are read
//   as changes (sync/run.ts `docChange`).

import type { Card, Grade } from 'ts-fsrs';

/** A review as the merge needs it. */
export interface ReplayReview {
	id: string;
	grade: Grade;
	time: Date;
	before: Card;
	after: Card;
	practice?: boolean;
}

/** Something that answers a card: the Scheduler (srs/schedule.ts) in the app. */
export interface Answerer {
	answer(card: Card, grade: Grade, now: Date): Card;
}

/** Orders reviews by time, then id: the same total order on every device. */
export function byTime(a: { id: string; time: Date }, b: { id: string; time: Date }): number {
	return a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether two FSRS states are the same state (every field ts-fsrs schedules from). */
export function sameState(a: Card, b: Card): boolean {
	return (
		a.due.getTime() === b.due.getTime() &&
		a.stability === b.stability &&
		a.difficulty === b.difficulty &&
		a.reps === b.reps &&
		a.lapses === b.lapses &&
		a.state === b.state &&
		a.learning_steps === b.learning_steps &&
		(a.last_review?.getTime() ?? null) === (b.last_review?.getTime() ?? null)
	);
}

/** An answer that was undone: gone from the history, but its `before` may be where the history starts. */
export interface UndoneAnswer {
	id: string;
	time: Date;
	before: Card;
	practice?: boolean;
}

/**
 * A card's state after its whole history, replayed in time order (the rules above); undefined
 * when it has no answer that schedules (none, or only practice) and none was undone. The history
 * starts from the `before` of the earliest answer ever given, undone ones included: an undone
 * first answer leaves the card as it was before it, on every device.
 * @example two devices each answered the new card once: the earlier answer keeps its recorded
 * state, the later one is scheduled again from it, so reps is 2 on both devices.
 */
export function replayCard(
	reviews: ReplayReview[],
	scheduler: Answerer,
	undone: UndoneAnswer[] = []
): Card | undefined {
	const scheduling = reviews.filter((r) => !r.practice).sort(byTime);
	const first = [...scheduling, ...undone.filter((u) => !u.practice)].sort(byTime)[0];
	if (!first) return undefined;
	let state = first.before;
	for (const r of scheduling) {
		state = sameState(r.before, state) ? r.after : scheduler.answer(state, r.grade, r.time);
	}
	return state;
}

/**
 * Whether `url` may receive the learner's credentials: HTTPS anywhere, plain HTTP only to this
 * machine (localhost, 127.0.0.1, [::1]). Returns the reason when it may not.
 * @example serverProblem('http://example.org/kartu') → 'Use an https:// address …'
 * @example serverProblem('http://127.0.0.1:5984/kartu') → undefined
 */
export function serverProblem(url: string): string | undefined {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return 'That is not a web address (it should look like https://couch.example.org/kartu-ana).';
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
	if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local))
		return 'Use an https:// address: the password must not travel unencrypted (http:// only to this computer).';
	if (u.username || u.password) return 'Give the user name and password in their own fields.';
	if (u.search || u.hash) return 'The address should end with the database name, without ? or #.';
	if (u.pathname.replace(/\/+$/, '').split('/').filter(Boolean).length !== 1)
		return 'The address should end with the database name: https://couch.example.org/kartu-ana.';
	return undefined;
}
