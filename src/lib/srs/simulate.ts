// Simulated learners, for the optimiser's benchmark (bench/optimiser.ts) and its test: each has
// memory parameters of their own (FSRS-6), studies a few hundred cards with Kartu's scheduler at
// its default parameters, as a learner does before optimising, and remembers each card with the
// probability their own parameters give. Seeded, so a run is reproducible. Not used by the app.

import { FSRSAlgorithm, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { studyDayNumber, type ReviewRecord } from './fsrs-items';
import { DEFAULT_WEIGHTS, newCard } from './memory';
import { Scheduler } from './schedule';
import { DEFAULT_SETTINGS, type SchedulerSettings } from './settings';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * A seeded random number generator (mulberry32): numbers in [0, 1).
 * @example const rng = seeded(1); rng() → 0.6270739405881613
 */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal draw (Box–Muller). */
function normal(rng: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * How far real learners' fitted parameters stray from the defaults (which are their medians): the
 * standard deviation of each parameter over the users of the open-spaced-repetition benchmark, as
 * fsrs-rs keeps it for its L2 regularisation towards the defaults (`PARAMS_STDDEV` in fsrs-rs's
 * training.rs, FSRS-6). The decay w20 spreads 0.27 around 0.15, so real forgetting curves range from
 * nearly flat to the steep 0.5 of FSRS-5; w7 (mean reversion) 0.12 around 0.001.
 */
export const PARAMS_STDDEV = [
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
	1.03, 0.31, 0.32, 0.14, 0.27
];

/**
 * The initial stabilities' spread as a standard deviation of their logarithm. Their distribution
 * over users is skewed (a median of 0.2 days after Again with a standard deviation of 6.4: a few
 * users remember a first Again for weeks), so they are drawn log-normal rather than normal.
 */
const INITIAL_LOG_SPREAD = [1, 1, 0.9, 0.9];

/** The bounds fsrs-rs and ts-fsrs keep FSRS-6 parameters within. */
const BOUNDS: [number, number][] = [
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[1, 10],
	[0.001, 4],
	[0.001, 4],
	[0.001, 0.75],
	[0, 4.5],
	[0, 0.8],
	[0.001, 3.5],
	[0.001, 5],
	[0.001, 0.25],
	[0.001, 0.9],
	[0, 4],
	[0, 1],
	[1, 6],
	[0, 2],
	[0, 2],
	[0.01, 0.8],
	[0.1, 0.8]
];

/**
 * A learner's own FSRS-6 parameters, spread around the defaults as real learners' fitted sets are:
 * the initial stabilities log-normal (`INITIAL_LOG_SPREAD`), in increasing order (Again < Hard <
 * Good < Easy); every other parameter normal with the benchmark's standard deviation
 * (`PARAMS_STDDEV`); all kept within bounds.
 */
export function drawParameters(rng: () => number): number[] {
	const w = DEFAULT_WEIGHTS.map((d, i) => {
		const [lo, hi] = BOUNDS[i];
		const x =
			i < 4
				? d * Math.exp(INITIAL_LOG_SPREAD[i] * normal(rng))
				: d + PARAMS_STDDEV[i] * normal(rng);
		return Math.min(hi, Math.max(lo, x));
	});
	const initial = w.slice(0, 4).sort((a, b) => a - b);
	return [...initial, ...w.slice(4)].map((x) => Math.round(x * 10_000) / 10_000);
}

export interface LearnerOptions {
	seed: number;
	/** The learner's own memory parameters (21). */
	weights: number[];
	cards: number;
	days: number;
	newPerDay: number;
	/** Probability of missing a day altogether. */
	skipDay: number;
	/** The first day (its session starts in the morning, local time). */
	start: Date;
	/** What Kartu schedules with: the defaults unless given. */
	settings?: SchedulerSettings;
}

/** A simulated answer, shaped like Kartu's review rows (db/rows.ts `StoredReview`, without id and time taken). */
export interface SimulatedReview extends ReviewRecord {
	grade: Grade;
	/** The card's scheduling state before and after the answer, as Kartu's scheduler made it. */
	before: Card;
	after: Card;
}

interface SimCard {
	id: string;
	card: Card;
	/** The learner's real memory state, by their own parameters. */
	memory: { stability: number; difficulty: number } | null;
	last: number;
}

/**
 * The answers of one learner who studies every day but the ones missed: each day, at a random time
 * between 8:00 and 20:00, the cards due that day (at most 200), then new cards up to `newPerDay`,
 * with learning steps the same day. Recall is drawn from the learner's own retrievability (on the
 * same day, from the fraction of a day since the previous answer); a recalled card gets Hard, Good
 * or Easy, a forgotten one Again; a new card's first grade is drawn from what learners give.
 */
export function simulateLearner(o: LearnerOptions): SimulatedReview[] {
	const rng = seeded(o.seed);
	const settings = o.settings ?? DEFAULT_SETTINGS;
	const scheduler = new Scheduler({ ...settings, enableFuzz: false });
	const truth = new FSRSAlgorithm(generatorParameters({ w: o.weights, enable_short_term: true }));
	const hour = settings.dayStartHour;
	// Each learner answers a little differently: how often a recalled card is Hard or Easy, and
	// how a new card's first answer is spread.
	const hard = 0.05 + 0.15 * rng();
	const easy = 0.02 + 0.12 * rng();
	const firstAgain = 0.1 + 0.3 * rng();
	const firstHard = 0.05 + 0.1 * rng();
	const firstEasy = 0.03 + 0.12 * rng();
	const cards: SimCard[] = Array.from({ length: o.cards }, (_, i) => ({
		id: `sim/${i}`,
		card: newCard(o.start),
		memory: null,
		last: 0
	}));
	let introduced = 0;
	const reviews: SimulatedReview[] = [];

	const gradeFor = (c: SimCard, now: number): Grade => {
		if (!c.memory) {
			const u = rng();
			if (u < firstAgain) return Rating.Again;
			if (u < firstAgain + firstHard) return Rating.Hard;
			if (u < firstAgain + firstHard + firstEasy) return Rating.Easy;
			return Rating.Good;
		}
		const days = studyDayNumber(now, hour) - studyDayNumber(c.last, hour);
		const elapsed = days > 0 ? days : (now - c.last) / DAY_MS;
		const r = truth.forgetting_curve(elapsed, c.memory.stability);
		if (rng() >= r) return Rating.Again;
		const u = rng();
		return u < hard ? Rating.Hard : u < hard + easy ? Rating.Easy : Rating.Good;
	};

	const answer = (c: SimCard, now: number) => {
		const grade = gradeFor(c, now);
		const days = c.memory ? studyDayNumber(now, hour) - studyDayNumber(c.last, hour) : 0;
		const before = c.card;
		c.memory = truth.next_state(c.memory, days, grade);
		c.card = scheduler.answer(c.card, grade, new Date(now));
		c.last = now;
		reviews.push({ cardId: c.id, grade, time: new Date(now), before, after: c.card });
	};

	for (let d = 0; d < o.days; d++) {
		if (rng() < o.skipDay) continue;
		const morning = new Date(o.start);
		morning.setDate(morning.getDate() + d);
		morning.setHours(8, 0, 0, 0);
		let now = morning.getTime() + rng() * 12 * 60 * MINUTE_MS;
		const dayEnd = studyDayEnd(now, hour);
		const due = cards
			.filter((c) => c.memory && c.card.due.getTime() < dayEnd)
			.sort((a, b) => a.card.due.getTime() - b.card.due.getTime())
			.slice(0, settings.maxReviewsPerDay);
		const fresh = cards.slice(introduced, introduced + o.newPerDay);
		introduced += fresh.length;
		const today = [...due, ...fresh];
		const learning: SimCard[] = [];
		for (;;) {
			learning.sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
			let next: SimCard;
			if (learning.length && learning[0].card.due.getTime() <= now) next = learning.shift()!;
			else if (today.length) next = today.shift()!;
			else if (learning.length && learning[0].card.due.getTime() < dayEnd) {
				next = learning.shift()!;
				now = next.card.due.getTime();
			} else break;
			now += (5 + 15 * rng()) * 1000;
			answer(next, now);
			if (next.card.due.getTime() < dayEnd) learning.push(next);
		}
	}
	return reviews;
}

function studyDayEnd(now: number, startHour: number): number {
	const end = new Date(now);
	if (end.getHours() >= startHour) end.setDate(end.getDate() + 1);
	end.setHours(startHour, 0, 0, 0);
	return end.getTime();
}
