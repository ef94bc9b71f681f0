import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from './memory';
import { drawParameters, PARAMS_STDDEV, seeded } from './simulate';

describe('drawParameters', () => {
	const rng = seeded(7);
	const draws = Array.from({ length: 4000 }, () => drawParameters(rng));
	const column = (i: number) => draws.map((w) => w[i]).sort((a, b) => a - b);
	const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
	const sd = (xs: number[]) => {
		const m = xs.reduce((a, b) => a + b, 0) / xs.length;
		return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
	};

	it('keeps the defaults as the learners’ medians, as they are for real learners', () => {
		for (let i = 4; i < 21; i++)
			expect(Math.abs(median(column(i)) - DEFAULT_WEIGHTS[i])).toBeLessThan(
				0.05 * PARAMS_STDDEV[i]
			);
	});

	it('spreads the parameters no bound cuts as real learners’ fitted sets spread (fsrs-rs’s PARAMS_STDDEV)', () => {
		// w4, w5, w6, w8, w10, w11, w14 stay well inside their bounds: their spread is the benchmark's.
		for (const i of [4, 5, 6, 8, 10, 11, 14])
			expect(sd(column(i)) / PARAMS_STDDEV[i]).toBeGreaterThan(0.9);
		// The decay: from nearly flat forgetting (0.1, its bound) to steep (0.5 and more).
		const decay = column(20);
		expect(decay[Math.floor(0.9 * decay.length)]).toBeGreaterThan(0.45);
		expect(median(decay)).toBeCloseTo(0.154, 2);
	});

	it('orders the initial stabilities and keeps every parameter within the bounds FSRS-6 allows', () => {
		for (const w of draws) {
			expect(w[0]).toBeLessThanOrEqual(w[1]);
			expect(w[1]).toBeLessThanOrEqual(w[2]);
			expect(w[2]).toBeLessThanOrEqual(w[3]);
			expect(w[20]).toBeGreaterThanOrEqual(0.1);
			expect(w[20]).toBeLessThanOrEqual(0.8);
			expect(w[4]).toBeGreaterThanOrEqual(1);
			expect(w.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
		}
	});
});
