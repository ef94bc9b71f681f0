import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, optimiserInput } from '../srs';
import { simulateLearner } from '../srs/simulate';
import { fitParameters, type FsrsBrowser } from './fit';
import { compare, enough, MIN_REVIEWS, optimise, prepare, toApply } from './pipeline';

let lib: FsrsBrowser;

beforeAll(async () => {
	// fsrs-browser's thread helper listens on `self` as the package loads; Node has none. The fit
	// then runs on this one thread, as it does in a page that is not cross-origin isolated.
	(globalThis as { self?: unknown }).self ??= new EventTarget();
	const fsrs = await import('fsrs-browser');
	fsrs.initSync({ module: readFileSync('node_modules/fsrs-browser/fsrs_browser_bg.wasm') });
	lib = fsrs;
	// fsrs-rs logs each epoch's loss.
	vi.spyOn(console, 'log').mockImplementation(() => {});
	vi.spyOn(console, 'info').mockImplementation(() => {});
});

/** A learner who forgets faster than FSRS's defaults assume (decay 0.5), with short first memories. */
const LEARNER = [
	0.05, 0.3, 0.8, 2.5, 7, 0.8, 3, 0.001, 1.4, 0.2, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.54, 0.09,
	0.07, 0.5
];

describe('the optimiser on a simulated learner', () => {
	it('fits parameters that predict the held-out later reviews better than the defaults, and says so', () => {
		const reviews = simulateLearner({
			seed: 8,
			weights: LEARNER,
			cards: 300,
			days: 150,
			newPerDay: 6,
			skipDay: 0.1,
			start: new Date(2026, 0, 1)
		});
		const p = prepare({ reviews, retired: [] }, 4);
		expect(enough(p)).toBe(true);
		expect(p.train.length + p.test.length).toBe(p.items.length);
		expect(p.test[0].time).toBeGreaterThanOrEqual(p.train.at(-1)!.time);

		const fitted = fitParameters(lib, optimiserInput(p.histories, p.train));
		expect(fitted).toHaveLength(21);
		const studied = [...new Set(reviews.map((r) => r.cardId))];
		const r = compare(
			p,
			DEFAULT_SETTINGS.weights,
			fitted,
			DEFAULT_SETTINGS,
			studied,
			new Date(2026, 5, 1)
		);
		expect(r.better).toBe(true);
		expect(r.fitted.fit.logLoss).toBeLessThan(r.current.fit.logLoss * 0.98);
		expect(r.fitted.fit.rmseBins).toBeLessThan(r.current.fit.rmseBins);
		expect(r.tested).toBe(p.test.length);
		// This learner forgets faster than the defaults assume: the fitted parameters ask for more reviews.
		expect(r.fitted.perDay).toBeGreaterThan(r.current.perDay);
	});

	it('fits again on all the reviews once the held-out reviews show the fit helps, and applies that', () => {
		const reviews = simulateLearner({
			seed: 8,
			weights: LEARNER,
			cards: 300,
			days: 150,
			newPerDay: 6,
			skipDay: 0.1,
			start: new Date(2026, 0, 1)
		});
		const p = prepare({ reviews, retired: [] }, 4);
		const studied = [...new Set(reviews.map((r) => r.cardId))];
		const fits: [stage: string, items: number][] = [];
		const r = optimise(p, DEFAULT_SETTINGS, studied, new Date(2026, 5, 1), (input, stage) => {
			fits.push([stage, input.lengths.length]);
			return fitParameters(lib, input);
		});
		// First on the earlier 80%, then, the held-out 20% being better predicted, on all of them.
		expect(fits).toEqual([
			['held-out', p.train.length],
			['all', p.items.length]
		]);
		expect(r.better).toBe(true);
		expect(r.refit).toMatchObject({ reviews: p.items.length, kept: true });
		expect(r.refit!.weights).not.toEqual(r.fitted.weights);
		expect(r.refit!.logLoss).toBeLessThan(r.refit!.currentLogLoss);
		expect(toApply(r)).toEqual(r.refit!.weights);
		// The held-out figures stay those of the fit on the earlier reviews: the honest test.
		const held = compare(
			p,
			DEFAULT_SETTINGS.weights,
			r.fitted.weights,
			DEFAULT_SETTINGS,
			studied,
			new Date(2026, 5, 1)
		);
		expect(r.fitted.fit).toEqual(held.fitted.fit);
	});

	it('does not fit again when the fit is no better on the held-out reviews', () => {
		const reviews = simulateLearner({
			seed: 8,
			weights: LEARNER,
			cards: 300,
			days: 150,
			newPerDay: 6,
			skipDay: 0.1,
			start: new Date(2026, 0, 1)
		});
		const p = prepare({ reviews, retired: [] }, 4);
		const stages: string[] = [];
		// A "fit" that returns the defaults themselves is no better than the defaults.
		const r = optimise(p, DEFAULT_SETTINGS, [], new Date(2026, 5, 1), (_, stage) => {
			stages.push(stage);
			return [...DEFAULT_SETTINGS.weights];
		});
		expect(stages).toEqual(['held-out']);
		expect(r.better).toBe(false);
		expect(r.refit).toBeUndefined();
	});

	it('does not fit a history that is too short', () => {
		const reviews = simulateLearner({
			seed: 1,
			weights: LEARNER,
			cards: 40,
			days: 30,
			newPerDay: 5,
			skipDay: 0,
			start: new Date(2026, 0, 1)
		});
		const p = prepare({ reviews, retired: [] }, 4);
		expect(p.items.length).toBeLessThan(MIN_REVIEWS);
		expect(enough(p)).toBe(false);
	});
});
