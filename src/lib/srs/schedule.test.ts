import { describe, expect, it } from 'vitest';
import { formatInterval, newCard, Rating, Scheduler, State } from './schedule';
import { DEFAULT_SETTINGS, normaliseSettings, validateSettings } from './settings';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ ...DEFAULT_SETTINGS, enableFuzz: false });

describe('Scheduler with the default settings', () => {
	it('takes a new card through the 1m and 10m learning steps', () => {
		const p = scheduler.preview(newCard(now), now);
		expect(formatInterval(p[Rating.Again].interval)).toBe('1m');
		expect(formatInterval(p[Rating.Good].interval)).toBe('10m');
		expect(p[Rating.Good].card.state).toBe(State.Learning);
		expect(p[Rating.Easy].card.state).toBe(State.Review);
	});

	it('graduates a card after Good on the last step, to a review days later', () => {
		const first = scheduler.answer(newCard(now), Rating.Good, now);
		const later = new Date(now.getTime() + 10 * 60_000);
		const second = scheduler.answer(first, Rating.Good, later);
		expect(second.state).toBe(State.Review);
		expect(second.due.getTime() - later.getTime()).toBeGreaterThanOrEqual(86_400_000);
	});

	it('sends a lapsed review card to the 10m relearning step', () => {
		const review = scheduler.answer(newCard(now), Rating.Easy, now);
		const lapse = scheduler.answer(review, Rating.Again, review.due);
		expect(lapse.state).toBe(State.Relearning);
		expect(lapse.due.getTime() - review.due.getTime()).toBe(10 * 60_000);
		expect(lapse.lapses).toBe(1);
	});

	it('gives longer intervals for a higher desired retention only when lower (0.8 vs 0.95)', () => {
		const at = (r: number) => {
			const s = new Scheduler({ ...DEFAULT_SETTINGS, desiredRetention: r, enableFuzz: false });
			const c = s.answer(newCard(now), Rating.Easy, now);
			return s.preview(c, c.due)[Rating.Good].interval;
		};
		expect(at(0.8)).toBeGreaterThan(at(0.95));
	});

	it('reports retrievability from the forgetting curve', () => {
		const c = scheduler.answer(newCard(now), Rating.Easy, now);
		expect(scheduler.retrievability(newCard(now), now)).toBe(0);
		const r = scheduler.retrievability(c, c.due);
		expect(r).toBeGreaterThan(0.85);
		expect(r).toBeLessThan(0.95);
	});
});

describe('Scheduler.answerFrom (a grade applied to the states previewed when the card was shown)', () => {
	// Cards in each state, from a run of answers.
	const cards = (() => {
		const out = [newCard(now)];
		let c = newCard(now);
		for (const g of [
			Rating.Good,
			Rating.Good,
			Rating.Good,
			Rating.Again,
			Rating.Hard,
			Rating.Good,
			Rating.Easy
		] as const) {
			c = scheduler.answer(c, g, c.due < now ? now : c.due);
			out.push(c);
		}
		return out;
	})();

	it('covers new, learning, review and relearning cards', () => {
		expect(new Set(cards.map((c) => c.state))).toEqual(
			new Set([State.New, State.Learning, State.Review, State.Relearning])
		);
	});

	it.each([
		['the same moment', 0],
		['37 seconds later', 37_000],
		['two hours later', 2 * 3_600_000]
	])('gives what answering afresh gives, for every state and grade, answered %s', (_, after) => {
		for (const card of cards) {
			const shown = card.due < now ? now : card.due;
			const at = new Date(shown.getTime() + after);
			const preview = scheduler.preview(card, shown);
			for (const g of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
				expect(scheduler.answerFrom(preview, card, g, shown, at)).toEqual(
					scheduler.answer(card, g, at)
				);
			}
		}
	});

	it('works the answer out afresh when a UTC midnight lies between showing and answering', () => {
		const review = cards.find((c) => c.state === State.Review)!;
		const shown = new Date('2026-03-05T23:59:30Z');
		const at = new Date('2026-03-06T00:00:30Z');
		const preview = scheduler.preview(review, shown);
		const answered = scheduler.answerFrom(preview, review, Rating.Good, shown, at);
		expect(answered).toEqual(scheduler.answer(review, Rating.Good, at));
		expect(answered.last_review).toEqual(at);
	});

	it('keeps the previewed interval with the fuzz on', () => {
		const fuzzy = new Scheduler(DEFAULT_SETTINGS);
		const review = cards.find((c) => c.state === State.Review)!;
		const shown = new Date(review.due.getTime() + 3_600_000);
		const at = new Date(shown.getTime() + 45_000);
		const preview = fuzzy.preview(review, shown);
		const answered = fuzzy.answerFrom(preview, review, Rating.Good, shown, at);
		expect(answered.due.getTime() - at.getTime()).toBe(preview[Rating.Good].interval);
		expect(answered.last_review).toEqual(at);
		expect(answered.reps).toBe(review.reps + 1);
	});
});

describe('formatInterval', () => {
	it.each([
		[30_000, '<1m'],
		[60_000, '1m'],
		[10 * 60_000, '10m'],
		[90 * 60_000, '1.5h'],
		[86_400_000, '1d'],
		[3 * 86_400_000, '3d'],
		[45 * 86_400_000, '1.5mo'],
		[400 * 86_400_000, '1.1y']
	])('%i ms → %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});

describe('settings', () => {
	it('accepts the defaults: FSRS-6 with 21 parameters, retention 0.9, steps 1m 10m and 10m, 20 new a day', () => {
		expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
		expect(DEFAULT_SETTINGS).toMatchObject({
			desiredRetention: 0.9,
			learningSteps: ['1m', '10m'],
			relearningSteps: ['10m'],
			newPerDay: 20
		});
		expect(DEFAULT_SETTINGS.weights).toHaveLength(21);
	});

	it('names each problem', () => {
		const errors = validateSettings({
			...DEFAULT_SETTINGS,
			desiredRetention: 1.5,
			learningSteps: ['1m', 'ten'],
			newPerDay: -1,
			weights: [1, 2]
		});
		expect(errors).toHaveLength(4);
		expect(errors[1]).toContain('"ten"');
	});

	it('falls back to the defaults for stored garbage', () => {
		expect(normaliseSettings({ desiredRetention: 'x' })).toEqual(DEFAULT_SETTINGS);
		expect(normaliseSettings({ newPerDay: 5 }).newPerDay).toBe(5);
	});
});
