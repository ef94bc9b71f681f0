import { describe, expect, it } from 'vitest';
import { checkCloze, diffChars, normaliseAnswer } from './cloze';

describe('checkCloze', () => {
	it.each([
		['kegunaan', 'kegunaan'],
		['  Kegunaan ', 'kegunaan'],
		['"kegunaan,"', 'kegunaan'],
		['NEGARA-NEGARA', 'negara-negara'],
		['kerja  sama', 'kerja sama']
	])('accepts %j for %j', (typed, expected) => {
		expect(checkCloze(typed, expected).correct).toBe(true);
	});

	it('rejects a different form of the same root', () => {
		const r = checkCloze('tekanan', 'tekan');
		expect(r.correct).toBe(false);
		expect(r.diff).toEqual([
			{ kind: 'same', typed: 'tekan', expected: 'tekan' },
			{ kind: 'extra', typed: 'an', expected: '' }
		]);
	});

	it('marks an empty answer', () => {
		expect(checkCloze('  ', 'tekan')).toMatchObject({ correct: false, empty: true });
	});
});

describe('diffChars', () => {
	it('shows wrong and missing letters', () => {
		expect(diffChars('menekan', 'menekankan')).toEqual([
			{ kind: 'same', typed: 'menekan', expected: 'menekan' },
			{ kind: 'missing', typed: '', expected: 'kan' }
		]);
		expect(diffChars('penting', 'pentung')).toEqual([
			{ kind: 'same', typed: 'pent', expected: 'pent' },
			{ kind: 'wrong', typed: 'i', expected: 'u' },
			{ kind: 'same', typed: 'ng', expected: 'ng' }
		]);
	});

	it('normalises before comparing', () => {
		expect(normaliseAnswer('  "Kegunaan," ')).toBe('kegunaan');
	});
});

describe('other spellings', () => {
	it('accepts any spelling of an expression, and a split expression typed in parts', () => {
		expect(checkCloze('kerja sama', 'kerjasama', ['kerja sama']).correct).toBe(true);
		expect(checkCloze('kerjasama', 'kerjasama', ['kerja sama']).correct).toBe(true);
		expect(checkCloze('Tidak hanya … tetapi juga', 'tidak hanya … tetapi juga').correct).toBe(true);
		expect(checkCloze('tidak hanya...tetapi juga', 'tidak hanya … tetapi juga').correct).toBe(true);
		expect(checkCloze('tidak hanya … juga', 'tidak hanya … tetapi juga').correct).toBe(false);
	});
});
