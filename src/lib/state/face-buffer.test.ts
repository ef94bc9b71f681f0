import { describe, expect, it } from 'vitest';
import type { StoredCard } from '../db/rows';
import { FaceBuffer } from './face-buffer.svelte';

const card = (id: string) =>
	({ id, content: { id, kind: 'vocab' }, fsrs: { reps: 0 } }) as unknown as StoredCard;
const [a, b, c] = [card('a'), card('b'), card('c')];

describe('FaceBuffer', () => {
	it('draws a card in the face on screen when the hidden face does not hold it', () => {
		const f = new FaceBuffer();
		f.show(a, { revealed: false });
		expect(f.front).toBe(0);
		expect(f.faces[0]?.card).toBe(a);
		expect(f.faces[1]).toBeUndefined();
	});

	it('swaps the faces when the card prepared ahead comes, keeping what the leaving face showed', () => {
		const f = new FaceBuffer();
		f.show(a, { revealed: false });
		f.prepare(b);
		expect(f.holds(b)).toBe(true);
		const check = { correct: true, empty: false } as never;
		f.show(b, { revealed: true, check });
		expect(f.front).toBe(1);
		expect(f.faces[1]?.card).toBe(b);
		expect(f.faces[0]).toMatchObject({ card: a, revealed: true, check });
	});

	it('gives a face a new number each time it is given a card, the same card again included', () => {
		const f = new FaceBuffer();
		f.show(a, { revealed: false });
		const n = f.faces[0]!.n;
		f.show(a, { revealed: true });
		expect(f.faces[0]!.n).not.toBe(n);
		f.prepare(c);
		f.show(b, { revealed: false });
		// Not the prepared card: the face on screen draws it, the hidden one keeps c.
		expect(f.faces[f.front]?.card).toBe(b);
		expect(f.faces[f.back]?.card).toBe(c);
	});
});
