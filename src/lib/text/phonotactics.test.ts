import { describe, expect, it } from 'vitest';
import { isForeignSpelling, isPlausibleRoot, startsWithPrefixNasal } from './phonotactics';

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

describe('spellings no Indonesian word has', () => {
	it.each([
		'weekend',
		'smartphone',
		'skateboard',
		'checkpoint',
		'attachment',
		'happiness',
		'friendship',
		'loaded',
		'whisky',
		'boxing',
		'topic',
		'script',
		'officer',
		'bigger',
		'compact',
		'mastodontae',
		'javanensis',
		'café',
		'straße',
		'قرآن',
		'东京'
	])('%s is spelt as no Indonesian word is', (word) => {
		expect(isForeignSpelling(word)).toBe(true);
	});

	it.each([
		'gerutu',
		'menyusuri',
		'kerling',
		'struktur',
		'tinggi',
		'lingkungannya',
		'masukkan',
		'kaya',
		'daerah',
		'thaharah',
		'shalawat',
		'taqwa',
		'mushaf',
		'ghaib',
		'sate',
		'tenda-tenda'
	])('%s could be Indonesian', (word) => {
		expect(isForeignSpelling(word)).toBe(false);
	});
});
