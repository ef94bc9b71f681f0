// Wraps ts-fsrs (FSRS-6): the next state of a card for each grade, and intervals written as Anki writes them.

import {
	fsrs,
	generatorParameters,
	Rating,
	State,
	type Card,
	type FSRS,
	type Grade,
	type StepUnit
} from 'ts-fsrs';
import type { SchedulerSettings } from './settings';

export { State, Rating };
export type { Card, Grade };

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
export const GRADE_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

export interface Outcome {
	card: Card;
	/** Milliseconds from the answer to the card's next due time. */
	interval: number;
}

/** One scheduler per settings object; pass `now` in, so tests fix the clock. */
export class Scheduler {
	readonly #f: FSRS;

	constructor(settings: SchedulerSettings) {
		this.#f = fsrs(
			generatorParameters({
				request_retention: settings.desiredRetention,
				maximum_interval: settings.maximumInterval,
				w: settings.weights,
				enable_fuzz: settings.enableFuzz,
				enable_short_term: true,
				learning_steps: settings.learningSteps as StepUnit[],
				relearning_steps: settings.relearningSteps as StepUnit[]
			})
		);
	}

	/** The card's state after each of the four grades. */
	preview(card: Card, now: Date): Record<Grade, Outcome> {
		const log = this.#f.repeat(card, now);
		const out = {} as Record<Grade, Outcome>;
		for (const g of GRADES)
			out[g] = { card: log[g].card, interval: log[g].card.due.getTime() - now.getTime() };
		return out;
	}

	/** The card's state after one grade. */
	answer(card: Card, grade: Grade, now: Date): Card {
		return this.#f.next(card, now, grade).card;
	}

	/**
	 * The card's state after `grade` given at `now`, taken from its `preview` worked out when it was
	 * shown (as Anki works out a card's next states when it shows the card, and applies one when it
	 * is answered), so an answer costs no scheduling. ts-fsrs sets every due to the answer's time plus
	 * an interval, so moving the previewed due on by the time between gives `answer(card, grade, now)`
	 * (schedule.test.ts); only the fuzz, when on, is seeded from `shown`. Worked out afresh when a
	 * UTC midnight lies between, as the days since the last review would then differ.
	 */
	answerFrom(
		preview: Record<Grade, Outcome>,
		card: Card,
		grade: Grade,
		shown: Date,
		now: Date
	): Card {
		if (utcDay(shown) !== utcDay(now) || now < shown) return this.answer(card, grade, now);
		const next = preview[grade].card;
		const moved = now.getTime() - shown.getTime();
		return { ...next, due: new Date(next.due.getTime() + moved), last_review: new Date(now) };
	}

	/** Probability of recalling the card now (FSRS forgetting curve); 0 for a new card. */
	retrievability(card: Card, now: Date): number {
		return card.state === State.New ? 0 : this.#f.get_retrievability(card, now, false);
	}
}

const utcDay = (d: Date) => Math.floor(d.getTime() / 86_400_000);

/** A fresh card, as ts-fsrs makes it (defined in memory.ts, which pages that never schedule can load alone). */
export { newCard } from './memory';

/**
 * An interval as Anki labels its answer buttons: under an hour in minutes, under a day in hours,
 * then days, months and years, with one decimal where it matters.
 * @example formatInterval(10 * 60_000) → '10m'
 * @example formatInterval(3 * 86_400_000) → '3d'
 * @example formatInterval(45 * 86_400_000) → '1.5mo'
 */
export function formatInterval(ms: number): string {
	const minutes = ms / 60_000;
	if (minutes < 1) return '<1m';
	if (minutes < 60) return `${Math.round(minutes)}m`;
	const hours = minutes / 60;
	if (hours < 24) return `${trim(hours)}h`;
	const days = hours / 24;
	if (days < 30) return `${Math.round(days)}d`;
	const months = days / 30;
	if (months < 12) return `${trim(months)}mo`;
	return `${trim(days / 365)}y`;
}

function trim(n: number): string {
	const r = Math.round(n * 10) / 10;
	return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
