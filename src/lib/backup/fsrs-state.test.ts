import fc from 'fast-check';
import { dateDiffInDays, S_MAX, S_MIN, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../srs';
import {
	elapsedDays,
	FSRS_STATES,
	MAX_INTERVAL_DAYS,
	STABILITY_MAX,
	STABILITY_MIN
} from './fsrs-state';

describe('the bounds are ts-fsrs’s own', () => {
	it('has its stability bounds, its states and Kartu’s longest interval', () => {
		expect([STABILITY_MIN, STABILITY_MAX]).toEqual([S_MIN, S_MAX]);
		expect([...FSRS_STATES]).toEqual([State.New, State.Learning, State.Review, State.Relearning]);
		expect(MAX_INTERVAL_DAYS).toBe(DEFAULT_SETTINGS.maximumInterval);
	});

	it('counts elapsed days as ts-fsrs does (UTC calendar days)', () => {
		const when = fc.date({
			min: new Date('2000-01-01'),
			max: new Date('2100-01-01'),
			noInvalidDate: true
		});
		fc.assert(
			fc.property(when, when, (a, b) => {
				expect(elapsedDays(a, b)).toBe(dateDiffInDays(a, b));
			})
		);
	});
});
