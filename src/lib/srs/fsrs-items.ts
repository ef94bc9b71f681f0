// The learner's review history in the form the FSRS optimiser (fsrs-rs) learns from: one sequence
// per card of grades and study days between reviews, and one item per review it can predict.
//
// Follows what Anki gives fsrs-rs (rslib/src/scheduler/fsrs/params.rs, `reviews_for_fsrs`):
// - a card's sequence starts at its last review from the New state (a card reset to new starts
//   again); a card whose history does not start there (imported without its first answer) is left out;
// - days are the learner's study days ("next day starts at", srs/settings.ts), so two answers either
//   side of 4 a.m. are a day apart, and two the same study day are 0 days apart;
// - every answer stays in the sequence, but only an answer given on a later study day than the
//   card's previous one is an item to predict: the answers given the same day (learning steps, and
//   the relearning steps after a failure) shape the memory state without being predicted;
// - practice answers (the schedule did not change) and the reviews of retired cards are left out;
//   an undone answer has no row, so it is not there either.

import { CardState } from './memory';

/** A review row as db/rows.ts stores it (`StoredReview`): the fields the optimiser reads. */
export interface ReviewRecord {
	cardId: string;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
	grade: number;
	time: Date;
	/** A practice answer: recorded, but the card's schedule did not change. */
	practice?: boolean;
	/** The card's state before the answer; `state` 0 (New) starts a card's sequence. */
	before: { state: number };
}

/** One card's sequence of reviews, oldest first. */
export interface CardHistory {
	cardId: string;
	/** Grades, 1–4. */
	ratings: number[];
	/** Study days since the card's previous review: 0 for the first, and for one the same day. */
	deltaTs: number[];
	/** When each answer was given (ms since the epoch). */
	times: number[];
}

/** A review the optimiser predicts: review `index` (≥ 1) of `histories[card]`, given at `time`. */
export interface FsrsItem {
	card: number;
	index: number;
	time: number;
}

/** The input of fsrs-browser's `computeParameters`: each item's reviews, flattened, and their counts. */
export interface OptimiserInput {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

const DAY_MS = 86_400_000;

/**
 * The number of the study day that contains `time` (days since 1970-01-01, counted in local
 * calendar days, so a change of daylight saving time does not shift it), the day starting at
 * `startHour` local time.
 * @example studyDayNumber(new Date(2026, 0, 2, 3, 0), 4) === studyDayNumber(new Date(2026, 0, 1, 23, 0), 4)
 */
export function studyDayNumber(time: Date | number, startHour: number): number {
	const d = new Date(time);
	if (d.getHours() < startHour) d.setDate(d.getDate() - 1);
	return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/**
 * Each card's sequence of reviews, in the order of the cards' first answers. `leaveOut` names the
 * cards whose reviews do not count (retired cards).
 * @example cardHistories([new card answered Good on Monday 9:00, Good on Monday 9:10, Again on Thursday], 4)
 *   → [{ ratings: [3, 3, 1], deltaTs: [0, 0, 3], … }]
 */
export function cardHistories(
	reviews: Iterable<ReviewRecord>,
	dayStartHour: number,
	leaveOut: (cardId: string) => boolean = () => false
): CardHistory[] {
	const byCard = new Map<string, ReviewRecord[]>();
	for (const r of reviews) {
		if (r.practice || leaveOut(r.cardId)) continue;
		if (!(r.grade >= 1 && r.grade <= 4)) continue;
		const list = byCard.get(r.cardId);
		if (list) list.push(r);
		else byCard.set(r.cardId, [r]);
	}
	const out: CardHistory[] = [];
	for (const [cardId, list] of byCard) {
		list.sort((a, b) => a.time.getTime() - b.time.getTime());
		let start = -1;
		for (let i = list.length - 1; i >= 0; i--)
			if (list[i].before.state === CardState.New) {
				start = i;
				break;
			}
		if (start < 0) continue;
		const kept = list.slice(start);
		const days = kept.map((r) => studyDayNumber(r.time, dayStartHour));
		out.push({
			cardId,
			ratings: kept.map((r) => r.grade),
			deltaTs: days.map((d, i) => (i === 0 ? 0 : Math.max(0, d - days[i - 1]))),
			times: kept.map((r) => r.time.getTime())
		});
	}
	return out.sort((a, b) => a.times[0] - b.times[0]);
}

/** The reviews FSRS predicts, in the order they were given: each card's reviews on a later study day than the one before. */
export function fsrsItems(histories: CardHistory[]): FsrsItem[] {
	const items: FsrsItem[] = [];
	histories.forEach((h, card) => {
		for (let index = 1; index < h.ratings.length; index++)
			if (h.deltaTs[index] > 0) items.push({ card, index, time: h.times[index] });
	});
	return items.sort((a, b) => a.time - b.time || a.card - b.card);
}

/**
 * The items (in time order) cut in two: the first `share` to fit on, the rest, the later reviews,
 * to test the fit on.
 * @example splitByTime(items, 0.8) → { train: the first 80%, test: the last 20% }
 */
export function splitByTime<T>(items: T[], share: number): { train: T[]; test: T[] } {
	const cut = Math.round(items.length * share);
	return { train: items.slice(0, cut), test: items.slice(cut) };
}

/**
 * The items as fsrs-browser's `computeParameters(ratings, delta_ts, lengths, …)` takes them: each
 * item is its card's reviews up to and including the one predicted.
 * @example optimiserInput([{ ratings: [3, 3, 3], deltaTs: [0, 2, 5] }], [{ card: 0, index: 1 }, { card: 0, index: 2 }])
 *   → { ratings: [3, 3, 3, 3, 3], deltaTs: [0, 2, 0, 2, 5], lengths: [2, 3] }
 */
export function optimiserInput(
	histories: CardHistory[],
	items: Pick<FsrsItem, 'card' | 'index'>[]
): OptimiserInput {
	let total = 0;
	for (const it of items) total += it.index + 1;
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let at = 0;
	items.forEach((it, i) => {
		const h = histories[it.card];
		for (let k = 0; k <= it.index; k++, at++) {
			ratings[at] = h.ratings[k];
			deltaTs[at] = h.deltaTs[k];
		}
		lengths[i] = it.index + 1;
	});
	return { ratings, deltaTs, lengths };
}
