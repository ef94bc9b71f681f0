import { describe, expect, it } from 'vitest';
import { isPlausibleRoot, startsWithPrefixNasal } from './phonotactics';

describe('roots Indonesian sounds allow', () => {
	it.each([
		'gerutu',
		'intai',
		'susur',
		'kerling',
		'struktur',
		'klinik',
		'sponsor',
		'ngeri',
		'nyaman',
		'syukur',
		'teks',
		'film'
	])('%s could be a root', (root) => {
		expect(isPlausibleRoot(root)).toBe(true);
	});

	it.each([
		['nggerutu', 'ngg: meng- took the nasal'],
		['mpertanggung', 'mp: mem- took the nasal'],
		['rjalan', 'a lone r after be-'],
		['ktator', 'kt begins no root'],
		['relev', 'no root ends in v'],
		['ritm', 'no root ends in tm'],
		['bc', 'no vowel']
	])('%s could not (%s)', (root) => {
		expect(isPlausibleRoot(root)).toBe(false);
	});

	it('knows the nasals a prefix would have written', () => {
		expect(startsWithPrefixNasal('ngintai')).toBe(true);
		expect(startsWithPrefixNasal('nyusur')).toBe(true);
		expect(startsWithPrefixNasal('intai')).toBe(false);
	});
});
