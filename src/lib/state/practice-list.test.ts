import { describe, expect, it } from 'vitest';
import type { StoredCard } from '../db/rows';
import { PracticeList } from './practice-list';

const [a, b, c] = ['a', 'b', 'c'].map((id) => ({ id }) as StoredCard);

describe('PracticeList', () => {
	it('gives the cards in order, sends a card graded Again to the end, and ends when all are passed', () => {
		const p = new PracticeList([a, b, c]);
		expect(p.current).toBe(a);
		p.answer(a, 1);
		expect([p.current, p.left]).toEqual([b, 3]);
		p.answer(b, 3);
		p.answer(c, 4);
		expect([p.current, p.left]).toEqual([a, 1]);
		p.answer(a, 3);
		expect([p.current, p.left]).toEqual([undefined, 0]);
	});

	it('undo puts a card back where it stood, whether it was passed or sent to the end', () => {
		const p = new PracticeList([a, b, c]);
		const at = p.answer(a, 1);
		p.undo(a, at);
		expect(p.current).toBe(a);
		expect(p.left).toBe(3);
		p.answer(a, 3);
		const bAt = p.answer(b, 3);
		p.undo(b, bAt);
		expect([p.current, p.left]).toEqual([b, 2]);
	});

	it('does not change the list it was given', () => {
		const given = [a, b];
		new PracticeList(given).answer(a, 3);
		expect(given).toEqual([a, b]);
	});
});
