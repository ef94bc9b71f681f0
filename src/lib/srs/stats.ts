// Statistics from the review history, computed in one pass over reviews in time order, so a
// million rows never need to be in memory at once. Days are the learner's study days (local time,
// starting at the "next day starts at" hour).

import { CardState as State } from './memory';
import { studyDay } from './queue';

/** A review as the statistics read it. */
export interface StatReview {
	cardId: string;
	grade: number;
	time: Date;
	ms: number;
	before: { state: number; scheduled_days: number };
	after: { state: number };
	practice?: boolean;
}

export interface DayCount {
	/** Start of the study day, in ms. */
	day: number;
	reviews: number;
	/** Milliseconds spent answering. */
	ms: number;
}

export interface RetentionPoint {
	/** Start of the period (day or month), in ms. */
	start: number;
	young: { passed: number; total: number };
	mature: { passed: number; total: number };
}

/** Cards with an interval of 21 days or more are mature, as in Anki. */
export const MATURE_DAYS = 21;

/**
 * The study days from `from` to `to` (inclusive), as start times, honouring daylight-saving changes.
 * @example studyDays(new Date(2026, 0, 1, 12), new Date(2026, 0, 3, 12), 4).length → 3
 */
export function studyDays(from: Date, to: Date, startHour: number): number[] {
	const days: number[] = [];
	let d = studyDay(from, startHour);
	const last = studyDay(to, startHour).start;
	while (d.start <= last) {
		days.push(d.start);
		d = studyDay(new Date(d.end + 1), startHour);
	}
	return days;
}

/**
 * Which retention a review counts in: answers to cards in review only, young (interval under 21
 * days) or mature; undefined for learning answers and practice.
 */
export function retentionBucket(
	r: Pick<StatReview, 'before' | 'practice'>
): 'young' | 'mature' | undefined {
	if (r.practice || r.before.state !== State.Review) return undefined;
	return r.before.scheduled_days >= MATURE_DAYS ? 'mature' : 'young';
}

/** An answer is passed unless it was Again. */
export const passed = (r: Pick<StatReview, 'grade'>) => r.grade > 1;

/** Aggregates reviews fed in time order into daily counts and retention, without keeping rows. */
export class ReviewStats {
	readonly days: number[];
	readonly perDay: DayCount[];
	readonly retentionByDay: RetentionPoint[];
	readonly #startHour: number;
	#i = 0;
	/** Cards that entered review, by the day they first did: for headwords and roots over time. */
	readonly firstReview = new Map<string, number>();

	/** Days from `from` to `to` (both study days included). */
	constructor(from: Date, to: Date, startHour: number) {
		this.#startHour = startHour;
		this.days = studyDays(from, to, startHour);
		this.perDay = this.days.map((day) => ({ day, reviews: 0, ms: 0 }));
		this.retentionByDay = this.days.map((start) => ({
			start,
			young: { passed: 0, total: 0 },
			mature: { passed: 0, total: 0 }
		}));
	}

	/** Adds one review; reviews must come in time order (older ones than `from` only feed `firstReview`). */
	add(r: StatReview): void {
		if (r.practice) return;
		const t = r.time.getTime();
		if (r.after.state === State.Review && !this.firstReview.has(r.cardId))
			this.firstReview.set(r.cardId, t);
		const days = this.days;
		while (this.#i + 1 < days.length && days[this.#i + 1] <= t) this.#i++;
		if (t < days[0] || t >= studyDayEnd(days[days.length - 1], this.#startHour)) return;
		const d = this.perDay[this.#i];
		d.reviews++;
		d.ms += r.ms;
		const bucket = retentionBucket(r);
		if (bucket) {
			const point = this.retentionByDay[this.#i][bucket];
			point.total++;
			if (passed(r)) point.passed++;
		}
	}

	/** Days in a row with at least one review, ending today (or yesterday, if today has none yet). */
	streak(): number {
		let i = this.perDay.length - 1;
		if (i >= 0 && this.perDay[i].reviews === 0) i--;
		let n = 0;
		for (; i >= 0 && this.perDay[i].reviews > 0; i--) n++;
		return n;
	}

	/** Retention summed by calendar month of the study day. */
	retentionByMonth(): RetentionPoint[] {
		return retentionByMonth(this.retentionByDay);
	}
}

/** Daily retention summed by calendar month. */
export function retentionByMonth(days: RetentionPoint[]): RetentionPoint[] {
	const months = new Map<number, RetentionPoint>();
	for (const p of days) {
		const d = new Date(p.start);
		const key = new Date(d.getFullYear(), d.getMonth(), 1).getTime();
		const m = months.get(key) ?? {
			start: key,
			young: { passed: 0, total: 0 },
			mature: { passed: 0, total: 0 }
		};
		m.young.passed += p.young.passed;
		m.young.total += p.young.total;
		m.mature.passed += p.mature.passed;
		m.mature.total += p.mature.total;
		months.set(key, m);
	}
	return [...months.values()];
}

function studyDayEnd(start: number, startHour: number): number {
	return studyDay(new Date(start), startHour).end;
}

/**
 * Cards due on each of the next `days` study days (today first, with everything overdue).
 * @example forecast([today, tomorrow], now, 4, 2) → [1, 1]
 */
export function forecast(dues: Date[], now: Date, startHour: number, days = 30): number[] {
	const out = new Array<number>(days).fill(0);
	const starts = studyDays(now, new Date(now.getTime() + (days - 1) * 86_400_000), startHour).slice(
		0,
		days
	);
	for (const due of dues) {
		const t = due.getTime();
		let i = 0;
		while (i + 1 < starts.length && starts[i + 1] <= t) i++;
		if (i === starts.length - 1 && t >= studyDayEnd(starts[i], startHour)) continue;
		out[i]++;
	}
	return out;
}

/** Running totals per day of things first reached on a given day (headwords or roots in review). */
export function cumulative(firsts: number[], days: number[]): number[] {
	const sorted = [...firsts].sort((a, b) => a - b);
	let j = 0;
	return days.map((start, i) => {
		const end = i + 1 < days.length ? days[i + 1] : Infinity;
		while (j < sorted.length && sorted[j] < end) j++;
		return j;
	});
}
