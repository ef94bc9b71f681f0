// The optimiser's steps around the fit, the same in the worker, the tests and the benchmark: the
// learner's reviews as FSRS items, the time-ordered split, and both parameter sets measured on the
// held-out reviews, with the reviews a day each would ask for.

import {
	cardHistories,
	evaluate,
	expectedReviewsPerDay,
	fsrsItems,
	splitByTime,
	studyDayNumber,
	type CardHistory,
	type Fit,
	type FsrsItem,
	type ReviewRecord,
	type SchedulerSettings,
	weightsAsScheduled
} from '../srs';

import { MIN_DAYS, MIN_REVIEWS } from './limits';

export { MIN_DAYS, MIN_REVIEWS };
/** The share of the reviews, the earliest, fitted on; the rest, the latest, test the fit. */
export const TRAIN_SHARE = 0.8;

export interface Prepared {
	histories: CardHistory[];
	/** Every review FSRS predicts, in time order. */
	items: FsrsItem[];
	train: FsrsItem[];
	test: FsrsItem[];
	/** Answers read, practice included. */
	answers: number;
	/** Study days from the first review FSRS learns from to the last. */
	days: number;
}

/** The reviews as FSRS items (srs/fsrs-items.ts), without practice answers and retired cards, split in time. */
export function prepare(
	data: { reviews: ReviewRecord[]; retired: string[] },
	dayStartHour: number
): Prepared {
	const retired = new Set(data.retired);
	const histories = cardHistories(data.reviews, dayStartHour, (id) => retired.has(id));
	const items = fsrsItems(histories);
	const { train, test } = splitByTime(items, TRAIN_SHARE);
	const first = Math.min(...histories.map((h) => h.times[0]));
	const days = items.length
		? studyDayNumber(items.at(-1)!.time, dayStartHour) - studyDayNumber(first, dayStartHour) + 1
		: 0;
	return { histories, items, train, test, answers: data.reviews.length, days };
}

/** Whether there is enough to fit: `MIN_REVIEWS` items over `MIN_DAYS` days. */
export function enough(p: Pick<Prepared, 'items' | 'days'>): boolean {
	return p.items.length >= MIN_REVIEWS && p.days >= MIN_DAYS;
}

/** One parameter set, measured. */
export interface Measured {
	weights: number[];
	/** On the held-out reviews. */
	fit: Fit;
	/** Reviews a day the studied cards would ask for over the next 30 days. */
	perDay: number;
}

export interface Comparison {
	current: Measured;
	fitted: Measured;
	/** The fitted parameters predict the held-out reviews better (lower log loss). */
	better: boolean;
	/** Reviews fitted on, and held out. */
	trained: number;
	tested: number;
	answers: number;
}

/** Both parameter sets on the held-out reviews, and their workload over the cards studied now. */
export function compare(
	p: Prepared,
	current: readonly number[],
	fitted: readonly number[],
	settings: Pick<
		SchedulerSettings,
		'desiredRetention' | 'maximumInterval' | 'dayStartHour' | 'relearningSteps'
	>,
	studied: string[],
	now: Date
): Comparison {
	const studying = new Set(studied);
	const cards = p.histories.filter((h) => studying.has(h.cardId));
	const today = studyDayNumber(now, settings.dayStartHour);
	// Measured as the scheduler will use them (with several relearning steps, w17 and w18 capped).
	const measure = (weights: readonly number[]): Measured => {
		const used = weightsAsScheduled(weights, settings.relearningSteps.length);
		return {
			weights: [...weights],
			fit: evaluate(p.histories, p.test, used),
			perDay: expectedReviewsPerDay(
				cards,
				used,
				settings.desiredRetention,
				settings.maximumInterval,
				today,
				settings.dayStartHour
			)
		};
	};
	const a = measure(current);
	const b = measure(fitted);
	return {
		current: a,
		fitted: b,
		better: b.fit.logLoss < a.fit.logLoss,
		trained: p.train.length,
		tested: p.test.length,
		answers: p.answers
	};
}
