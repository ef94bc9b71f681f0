// The optimiser's steps around the fit, the same in the worker, the tests and the benchmark: the
// learner's reviews as FSRS items, the time-ordered split, both parameter sets measured on the
// held-out reviews, with the reviews a day each would ask for, and, when the fit proves better
// there, the fit again on every review, whose parameters are the ones applied (as Anki applies a
// fit on all the learner's reviews; the held-out reviews are there to show that fitting helps).

import {
	cardHistories,
	evaluate,
	expectedReviewsPerDay,
	fsrsItems,
	optimiserInput,
	splitByTime,
	studyDayNumber,
	type CardHistory,
	type Fit,
	type FsrsItem,
	type OptimiserInput,
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
	/** The fit again on every review, made when `better`: what Apply applies if `kept`. */
	refit?: Refit;
}

/** The parameters fitted again on all the reviews, the held-out ones included. */
export interface Refit {
	weights: number[];
	/** Reviews fitted on: all of them. */
	reviews: number;
	/** Reviews a day they would ask for over the next 30 days. */
	perDay: number;
	/**
	 * Log loss over all the reviews with these parameters and with the current ones. Both are
	 * measured on reviews the fit has seen, so this only guards against a fit gone wrong, as Anki's
	 * check after a fit does: the refit is kept if it is lower.
	 */
	logLoss: number;
	currentLogLoss: number;
	kept: boolean;
}

/** The parameters Apply applies: the fit on every review when it was kept, else the fit on the earlier reviews. */
export function toApply(r: Comparison): number[] {
	return r.refit?.kept ? r.refit.weights : r.fitted.weights;
}

type MeasureSettings = Pick<
	SchedulerSettings,
	'desiredRetention' | 'maximumInterval' | 'dayStartHour' | 'relearningSteps'
>;

/** The reviews a day `weights` would ask for over the cards studied now, used as the scheduler uses them. */
function workload(
	p: Prepared,
	weights: readonly number[],
	settings: MeasureSettings,
	studied: string[],
	now: Date
): number {
	const studying = new Set(studied);
	return expectedReviewsPerDay(
		p.histories.filter((h) => studying.has(h.cardId)),
		weightsAsScheduled(weights, settings.relearningSteps.length),
		settings.desiredRetention,
		settings.maximumInterval,
		studyDayNumber(now, settings.dayStartHour),
		settings.dayStartHour
	);
}

/** Both parameter sets on the held-out reviews, and their workload over the cards studied now. */
export function compare(
	p: Prepared,
	current: readonly number[],
	fitted: readonly number[],
	settings: MeasureSettings,
	studied: string[],
	now: Date
): Comparison {
	// Measured as the scheduler will use them (with several relearning steps, w17 and w18 capped).
	const measure = (weights: readonly number[]): Measured => ({
		weights: [...weights],
		fit: evaluate(
			p.histories,
			p.test,
			weightsAsScheduled(weights, settings.relearningSteps.length)
		),
		perDay: workload(p, weights, settings, studied, now)
	});
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

/** The parameters fitted on every review (`weights`), measured against the current ones. */
export function measureRefit(
	p: Prepared,
	current: readonly number[],
	weights: readonly number[],
	settings: MeasureSettings,
	studied: string[],
	now: Date
): Refit {
	const loss = (w: readonly number[]) =>
		evaluate(p.histories, p.items, weightsAsScheduled(w, settings.relearningSteps.length)).logLoss;
	const logLoss = loss(weights);
	const currentLogLoss = loss(current);
	return {
		weights: [...weights],
		reviews: p.items.length,
		perDay: workload(p, weights, settings, studied, now),
		logLoss,
		currentLogLoss,
		kept: logLoss < currentLogLoss
	};
}

/** Which fit a call to the optimiser is: on the earlier reviews, or on all of them. */
export type FitStage = 'held-out' | 'all';

/**
 * The whole optimisation after reading: fit on the earlier reviews, measure both sets on the
 * later ones, and if the fit is better there, fit again on every review. `fit` runs fsrs-rs on
 * an input (the worker reports its progress by `stage`).
 * @example optimise(prepare(data, 4), settings, studied, now, (input) => fitParameters(lib, input))
 *   → { better: true, fitted: …, refit: { weights, reviews: 2500, kept: true }, … }
 */
export function optimise(
	p: Prepared,
	settings: MeasureSettings & Pick<SchedulerSettings, 'weights'>,
	studied: string[],
	now: Date,
	fit: (input: OptimiserInput, stage: FitStage) => number[]
): Comparison {
	const fitted = fit(optimiserInput(p.histories, p.train), 'held-out');
	const result = compare(p, settings.weights, fitted, settings, studied, now);
	if (result.better) {
		const all = fit(optimiserInput(p.histories, p.items), 'all');
		result.refit = measureRefit(p, settings.weights, all, settings, studied, now);
	}
	return result;
}
