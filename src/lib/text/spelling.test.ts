import { describe, expect, it } from 'vitest';
import { spellingVariants } from './spelling';

describe('spellingVariants', () => {
	it.each([
		['kezhaliman', 'kezaliman'],
		['muadzin', 'muazin'],
		['thawaf', 'tawaf'],
		['qurban', 'kurban'],
		['sunnah', 'sunah'],
		['djalan', 'jalan'],
		['tjinta', 'cinta'],
		['soedah', 'sudah'],
		['enerjik', 'energik'],
		['tehnik', 'teknik'],
		['apotik', 'apotek'],
		['respon', 'respons'],
		['kesusasteraan', 'kesusastraan'],
		['kebahagian', 'kebahagiaan']
	])('%s may stand for %s', (word, standard) => {
		expect(spellingVariants(word)).toContain(standard);
	});

	it('combines two changes (aqqibat → akibat, sjoekoer → syukur)', () => {
		expect(spellingVariants('aqqibat')).toContain('akibat');
		expect(spellingVariants('sjoekoer')).toContain('syukur');
	});

	it('gives no variant of four letters or fewer, too short to tell (khan, bass)', () => {
		expect(spellingVariants('khan')).toEqual([]);
		expect(spellingVariants('bass')).toEqual([]);
	});

	it('gives nothing for a word none of the changes fits', () => {
		expect(spellingVariants('rumah')).toEqual([]);
	});
});
