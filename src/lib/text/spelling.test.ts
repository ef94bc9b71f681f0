import { describe, expect, it } from 'vitest';
import { spellingVariants } from './spelling';

describe('spellingVariants', () => {
	it.each([
		['menzhalimi', 'menzalimi'],
		['muadzin', 'muazin'],
		['thaharah', 'taharah'],
		['qurban', 'kurban'],
		['sunnah', 'sunah'],
		['djalan', 'jalan'],
		['tjinta', 'cinta'],
		['soedah', 'sudah'],
		['enerji', 'energi'],
		['tehnik', 'teknik'],
		['apotik', 'apotek'],
		['respon', 'respons'],
		['mantera', 'mantra'],
		['kesetian', 'kesetiaan']
	])('%s may stand for %s', (word, standard) => {
		expect(spellingVariants(word)).toContain(standard);
	});

	it('combines two changes (taqdiir → takdir, sjoekoer → syukur)', () => {
		expect(spellingVariants('taqdiir')).toContain('takdir');
		expect(spellingVariants('sjoekoer')).toContain('syukur');
	});

	it('gives no variant of four letters or fewer, too short to tell (dhal, qadi)', () => {
		expect(spellingVariants('dhal')).toEqual([]);
		expect(spellingVariants('qadi')).toEqual([]);
	});

	it('gives nothing for a word none of the changes fits', () => {
		expect(spellingVariants('rumah')).toEqual([]);
	});
});
