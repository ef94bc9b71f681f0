import { describe, expect, it } from 'vitest';
import { backSpeech, frontSpeech } from './spoken';
import type { DeckCard } from './types';

const base = {
	sentence: 'Perluasan hubungan Tehran-Baku tidak hanya untuk kepentingan.',
	spans: [{ start: 0, end: 9 }]
} as DeckCard;

describe('spoken card sides', () => {
	it('never says the answer of a cloze or drill before it is shown', () => {
		expect(frontSpeech({ ...base, kind: 'cloze' })).toBe(
			'… hubungan Tehran-Baku tidak hanya untuk kepentingan.'
		);
		expect(frontSpeech({ ...base, kind: 'drill' })).not.toContain('Perluasan');
		expect(backSpeech({ ...base, kind: 'cloze' })).toContain('Perluasan');
	});

	it('says the headword on the front of a vocabulary card', () => {
		expect(frontSpeech({ ...base, kind: 'vocab', headword: 'perluasan' })).toBe('perluasan');
	});
});
