import { describe, expect, it } from 'vitest';
import { newCard, Rating, Scheduler } from './schedule';
import { DEFAULT_SETTINGS } from './settings';
import fc from 'fast-check';
import { cardTally, readable, readableTally, wordStatus } from './word-state';

const scheduler = new Scheduler({ ...DEFAULT_SETTINGS, enableFuzz: false });
const r = (c: Parameters<Scheduler['retrievability']>[0], now: Date) =>
	scheduler.retrievability(c, now);
const t0 = new Date(2026, 2, 2, 9, 0);
const day = 86_400_000;

describe('wordStatus', () => {
	const fresh = { fsrs: newCard(t0) };
	const learning = { fsrs: scheduler.answer(newCard(t0), Rating.Good, t0) };
	const review = { fsrs: scheduler.answer(newCard(t0), Rating.Easy, t0) };

	it('is new without reviews, learning in steps', () => {
		expect(wordStatus([fresh, fresh], t0, r)).toEqual({ state: 'new' });
		expect(wordStatus([learning, fresh], t0, r).state).toBe('learning');
		expect(wordStatus([learning, fresh], t0, r).due).toEqual(learning.fsrs.due);
	});

	it('bands a card in review by its retrievability, which falls with time', () => {
		const at = (days: number) =>
			wordStatus([review, fresh], new Date(t0.getTime() + days * day), r);
		expect(at(1).state).toBe('strong');
		expect(at(1).retrievability).toBeGreaterThan(0.9);
		const due = Math.round((review.fsrs.due.getTime() - t0.getTime()) / day);
		expect(at(due + 2).state).toBe('fading');
		expect(at(due * 8).state).toBe('weak');
		expect(readable(at(due * 8))).toBe(true);
	});

	it('puts the learner’s mark first', () => {
		expect(wordStatus([{ ...review, mark: 'known' as const }], t0, r)).toEqual({ state: 'known' });
		expect(wordStatus([{ ...fresh, mark: 'ignored' as const }], t0, r)).toEqual({
			state: 'ignored'
		});
		expect(readable({ state: 'ignored' })).toBe(false);
		expect(readable({ state: 'learning' })).toBe(false);
	});
});

describe('readableTally', () => {
	const states = [
		newCard(t0),
		scheduler.answer(newCard(t0), Rating.Good, t0),
		scheduler.answer(newCard(t0), Rating.Easy, t0)
	];
	it('gives what readable(wordStatus(cards)) gives, for any cards of a headword whose marks agree', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ state: fc.nat(2), retired: fc.boolean() }), { maxLength: 3 }),
				fc.constantFrom(undefined, 'known' as const, 'ignored' as const),
				(picked, mark) => {
					const cards = picked.map((p) => ({
						fsrs: states[p.state],
						retired: p.retired,
						...(mark ? { mark } : {})
					}));
					const tally = { k: 0, i: 0, r: 0 };
					for (const c of cards) {
						const t = cardTally(c);
						tally.k += t.k;
						tally.i += t.i;
						tally.r += t.r;
					}
					expect(readableTally(tally)).toBe(readable(wordStatus(cards, t0, r)));
				}
			)
		);
	});
});
