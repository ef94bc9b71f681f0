// What FSRS allows in a stored card state and in one review, checked field by field, so a backup
// can never bring in a card that ts-fsrs refuses to schedule (`Invalid memory state`, `Invalid delta_t`).
// The bounds are ts-fsrs's own (fsrs-state.test.ts pins them to the library); ts-fsrs itself is not
// loaded here, so reading a backup costs the settings page no scheduler.

import { bad, between, date, obj, oneOf, whole } from './fields';
import type { BackupFsrs } from './types';

/** ts-fsrs `State`: New, Learning, Review, Relearning. */
export const FSRS_STATES = [0, 1, 2, 3] as const;
const NEW = 0;
/** ts-fsrs `S_MIN` and `S_MAX`: stability in days, below which `next_state` throws. */
export const STABILITY_MIN = 0.001;
export const STABILITY_MAX = 36500;
/** ts-fsrs clamps difficulty to 1–10 and throws below 1. */
export const DIFFICULTY_MIN = 1;
export const DIFFICULTY_MAX = 10;
/** The longest interval Kartu's settings allow (and ts-fsrs's default maximum_interval). */
export const MAX_INTERVAL_DAYS = 36500;
/** No Kartu backup holds an earlier date: it guards against 0 or a two-digit year read as a date. */
export const EARLIEST = new Date('2000-01-01T00:00:00Z');

const DAY_MS = 86_400_000;

/**
 * Whole days between two dates as ts-fsrs counts them (`dateDiffInDays`): UTC calendar days, so a
 * review at 23:59 and one at 00:01 are a day apart.
 * @example elapsedDays(new Date('2026-03-02T23:59Z'), new Date('2026-03-03T00:01Z')) → 1
 */
export function elapsedDays(last: Date, now: Date): number {
	const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
	return Math.floor((day(now) - day(last)) / DAY_MS);
}

/** What "now" means while a backup is read: the device's clock, which no review may lie beyond. */
export interface Clock {
	now: Date;
}

/** Refusal text for a date later than the device's clock. */
export function future(clock: Clock): string {
	return `later than this device's clock (${clock.now.toISOString()}): nothing in a backup can have happened in the future; check the date and time of this device and of the one that made the backup`;
}

/**
 * A card's FSRS state as ts-fsrs defines it, each field within what ts-fsrs can schedule:
 * a new card has stability and difficulty 0 (or a valid pair), any other card a stability of
 * 0.001–36500 days, a difficulty of 1–10, a last review not after now, and at least one rep.
 */
export function readFsrs(raw: unknown, at: string, clock: Clock): BackupFsrs {
	const o = obj(raw, at);
	const state = oneOf(o.state, `${at}.state`, FSRS_STATES);
	const reps = whole(o.reps, `${at}.reps`);
	const lapses = whole(o.lapses, `${at}.lapses`);
	if (state !== NEW && reps === 0)
		throw bad(
			`${at}.reps`,
			`is 0, but the card is not new: a card leaves New only by being reviewed.`
		);
	if (lapses > reps)
		throw bad(
			`${at}.lapses`,
			`is ${lapses}, more than the card's ${reps} reps: every lapse is a rep.`
		);

	const stability = between(
		o.stability,
		`${at}.stability`,
		0,
		STABILITY_MAX,
		`FSRS needs a stability from ${STABILITY_MIN} to ${STABILITY_MAX} days`
	);
	const difficulty = between(
		o.difficulty,
		`${at}.difficulty`,
		0,
		DIFFICULTY_MAX,
		`FSRS needs a difficulty from ${DIFFICULTY_MIN} to ${DIFFICULTY_MAX}`
	);
	// A new card may have no memory state yet (both 0); anything else needs a valid pair.
	const unset = state === NEW && stability === 0 && difficulty === 0;
	if (!unset) {
		const only = state === NEW ? ' (or both 0 on a new card)' : '';
		if (stability < STABILITY_MIN)
			throw bad(
				`${at}.stability`,
				`is ${stability}; FSRS needs a stability from ${STABILITY_MIN} to ${STABILITY_MAX} days${only}.`
			);
		if (difficulty < DIFFICULTY_MIN)
			throw bad(
				`${at}.difficulty`,
				`is ${difficulty}; FSRS needs a difficulty from ${DIFFICULTY_MIN} to ${DIFFICULTY_MAX}${only}.`
			);
	}

	let last_review: Date | undefined;
	if (o.last_review !== undefined && o.last_review !== null) {
		last_review = date(o.last_review, `${at}.last_review`, EARLIEST, clock.now, future(clock));
	} else if (state !== NEW) {
		throw bad(
			`${at}.last_review`,
			'is missing, but the card is not new: FSRS needs the date of its last review.'
		);
	}
	const from = last_review ?? clock.now;
	const latest = new Date(from.getTime() + (MAX_INTERVAL_DAYS + 1) * DAY_MS);
	const due = date(
		o.due,
		`${at}.due`,
		EARLIEST,
		latest,
		`more than ${MAX_INTERVAL_DAYS} days (the longest interval) after ${last_review ? 'the last review' : 'now'}`
	);
	if (last_review && state !== NEW && due < last_review)
		throw bad(
			`${at}.due`,
			`is ${due.toISOString()}, before the card's last review (${last_review.toISOString()}).`
		);

	const elapsed = whole(
		o.elapsed_days,
		`${at}.elapsed_days`,
		0,
		last_review ? elapsedDays(EARLIEST, last_review) : 0
	);
	return {
		due,
		stability,
		difficulty,
		elapsed_days: elapsed,
		scheduled_days: whole(o.scheduled_days, `${at}.scheduled_days`, 0, MAX_INTERVAL_DAYS),
		// Backups made before ts-fsrs 5 have no learning steps: such a card is at its first step.
		learning_steps: whole(o.learning_steps ?? 0, `${at}.learning_steps`),
		reps,
		lapses,
		state,
		...(last_review ? { last_review } : {})
	};
}

/** One review as FSRS makes it: `after` is `before` graded at `time` (or, in practice, unchanged). */
export interface ReviewStep {
	time: Date;
	before: BackupFsrs;
	after: BackupFsrs;
	practice?: boolean;
}

/**
 * Checks that a review's two states fit together: a graded review adds one rep, leaves the card out
 * of New, is its last review, and counts the days since the review before as ts-fsrs does; a
 * practice review changes nothing.
 */
export function checkStep(r: ReviewStep, at: string): void {
	const { before, after, time } = r;
	// A review earlier than the one before it happens when a device's clock is set back (or a
	// learner answers on two devices whose clocks differ): history to keep, counted as no days passed.
	if (r.practice) {
		if (after.reps !== before.reps)
			throw bad(
				`${at}.after.reps`,
				`is ${after.reps}, but a practice review leaves the card as it was (${before.reps} reps).`
			);
		return;
	}
	if (after.reps !== before.reps + 1)
		throw bad(
			`${at}.after.reps`,
			`is ${after.reps}; a review adds one rep to the ${before.reps} before it.`
		);
	if (after.lapses < before.lapses)
		throw bad(
			`${at}.after.lapses`,
			`is ${after.lapses}, fewer than the ${before.lapses} before the review.`
		);
	if (after.state === NEW)
		throw bad(`${at}.after.state`, 'is 0 (New), but a reviewed card is never new.');
	if (after.last_review?.getTime() !== time.getTime()) {
		throw bad(
			`${at}.after.last_review`,
			`is ${after.last_review?.toISOString() ?? 'missing'}; after a review it is the review's time (${time.toISOString()}).`
		);
	}
	const elapsed =
		before.state !== NEW && before.last_review
			? Math.max(0, elapsedDays(before.last_review, time))
			: 0;
	if (after.elapsed_days !== elapsed) {
		throw bad(
			`${at}.after.elapsed_days`,
			`is ${after.elapsed_days}, but ${elapsed} days passed between the review before and this one.`
		);
	}
}
