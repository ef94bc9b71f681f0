import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../../scripts/content-node';
import { blendOf } from './blends';
import { createAnalyser } from './lemmatise';

const lex = readLexicon();
const analyse = createAnalyser(lex);

describe('acronym blends of news', () => {
	it.each([
		['kapolres', 'Kapolres', 'Kepala Kepolisian Resor'],
		['Kemendag', 'Kemendag', 'Kementerian Perdagangan'],
		['Menpora', 'Menpora', 'Menteri Pemuda dan Olahraga'],
		['Kemenhub', 'Kemenhub', 'Kementerian Perhubungan'],
		['Pemkot', 'Pemkot', 'Pemerintah Kota'],
		['Wakapolri', 'Wakapolri', 'Wakil Kepala Kepolisian Negara Republik Indonesia'],
		['Satpol', 'Satpol', 'Satuan Polisi Pamong Praja'],
		['Kadin', 'Kadin', 'Kamar Dagang dan Industri'],
		['Kemnaker', 'Kemnaker', 'Kementerian Ketenagakerjaan']
	])('%s is an abbreviation for %s', (word, headword, expansion) => {
		expect(analyse(word)).toMatchObject({ cls: 'abbr', headword, expansion, verified: true });
	});

	it('glosses a blend from its head and its part', () => {
		expect(blendOf('menkes', lex)?.gloss).toBe('minister of health');
		expect(blendOf('pemkab', lex)?.gloss).toBe('regency government');
	});

	it('leaves words alone that only start like a head', () => {
		expect(blendOf('kaki', lex)).toBeUndefined();
		// -da goes only with pem- (Pemda), wa- only before another blend (Wakapolri)
		expect(blendOf('kada', lex)).toBeUndefined();
		expect(blendOf('wada', lex)).toBeUndefined();
		expect(analyse('kasus')).toMatchObject({ cls: 'word', root: 'kasus' });
		expect(analyse('menanam')).toMatchObject({ cls: 'word', root: 'tanam' });
	});
});
