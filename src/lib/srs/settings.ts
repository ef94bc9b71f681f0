// The learner's scheduling settings, their defaults, and their validation.

import { DEFAULT_WEIGHTS } from './memory';

export interface SchedulerSettings {
	/** Probability of recall FSRS aims for when it schedules a review (0.70–0.99). */
	desiredRetention: number;
	/** Steps of a new card before it graduates, as ts-fsrs writes them: ['1m', '10m']. */
	learningSteps: string[];
	/** Steps of a lapsed card before it returns to review. */
	relearningSteps: string[];
	/** New cards introduced per study day. */
	newPerDay: number;
	/** Review cards shown per study day at most, the most overdue first (Anki's "Maximum reviews/day"). */
	maxReviewsPerDay: number;
	/** Longest interval in days. */
	maximumInterval: number;
	/** The 21 FSRS-6 parameters. */
	weights: number[];
	/** Spread review dates a little so cards learnt together do not stay together (as Anki does). */
	enableFuzz: boolean;
	/** Hour at which a new study day starts, in local time (Anki: 4 a.m.). */
	dayStartHour: number;
}

export const DEFAULT_SETTINGS: SchedulerSettings = {
	desiredRetention: 0.9,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	newPerDay: 20,
	maxReviewsPerDay: 200,
	maximumInterval: 36500,
	weights: [...DEFAULT_WEIGHTS],
	enableFuzz: true,
	dayStartHour: 4
};

const STEP = /^\d+(\.\d+)?[mhd]$/;

/**
 * Checks settings as a learner typed them; returns one message per problem (empty when valid).
 * @example validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 1.2 }) → ['Desired retention must be between 0.70 and 0.99.']
 */
export function validateSettings(s: SchedulerSettings): string[] {
	const errors: string[] = [];
	if (!(s.desiredRetention >= 0.7 && s.desiredRetention <= 0.99)) {
		errors.push('Desired retention must be between 0.70 and 0.99.');
	}
	for (const [name, steps] of [
		['Learning steps', s.learningSteps],
		['Relearning steps', s.relearningSteps]
	] as const) {
		const bad = steps.filter((x) => !STEP.test(x));
		if (bad.length)
			errors.push(`${name}: "${bad.join(' ')}" is not a duration like 1m, 10m, 1h or 1d.`);
	}
	if (!(Number.isInteger(s.newPerDay) && s.newPerDay >= 0 && s.newPerDay <= 9999)) {
		errors.push('New cards per day must be a whole number from 0 to 9999.');
	}
	if (!(
		Number.isInteger(s.maxReviewsPerDay) &&
		s.maxReviewsPerDay >= 0 &&
		s.maxReviewsPerDay <= 99999
	)) {
		errors.push('Maximum reviews per day must be a whole number from 0 to 99999.');
	}
	if (!(
		Number.isInteger(s.maximumInterval) &&
		s.maximumInterval >= 1 &&
		s.maximumInterval <= 36500
	)) {
		errors.push('Maximum interval must be a whole number of days from 1 to 36500.');
	}
	if (s.weights.length !== 21 || s.weights.some((w) => !Number.isFinite(w))) {
		errors.push('FSRS parameters must be 21 numbers (FSRS-6).');
	}
	if (!(Number.isInteger(s.dayStartHour) && s.dayStartHour >= 0 && s.dayStartHour <= 23)) {
		errors.push('The next day must start at a whole hour from 0 to 23.');
	}
	return errors;
}

/** Settings read back from storage, with defaults for anything missing or malformed. */
export function normaliseSettings(value: unknown): SchedulerSettings {
	const merged = {
		...DEFAULT_SETTINGS,
		...(typeof value === 'object' && value ? value : {})
	} as SchedulerSettings;
	return validateSettings(merged).length ? { ...DEFAULT_SETTINGS } : merged;
}
