import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../../scripts/content-node';
import { analyseArticle, distinctWords } from './document';
import { createAnalyser, readings } from './lemmatise';

const lex = readLexicon();
const analyse = createAnalyser(lex);

describe('headword, root and affixes of the seed article words', () => {
	it.each([
		// word, headword, root, affixes
		['menekankan', 'menekankan', 'tekan', 'meN- -kan'],
		['perluasan', 'perluasan', 'luas', 'per- -an'],
		['pengembangan', 'pengembangan', 'kembang', 'peN- -an'],
		['memerangi', 'memerangi', 'perang', 'meN- -i'],
		['menangani', 'menangani', 'tangan', 'meN- -i'],
		['menunjukkan', 'menunjukkan', 'tunjuk', 'meN- -kan'],
		['memainkan', 'memainkan', 'main', 'meN- -kan'],
		['mementingkan', 'mementingkan', 'penting', 'meN- -kan'],
		['mengembangkan', 'mengembangkan', 'kembang', 'meN- -kan'],
		['memperkuat', 'memperkuat', 'kuat', 'memper-'],
		['pergerakan', 'pergerakan', 'gerak', 'per- -an'],
		['penekanan', 'penekanan', 'tekan', 'peN- -an'],
		['kegunaannya', 'kegunaan', 'guna', 'ke- -an'],
		['tetangganya', 'tetangga', 'tetangga', ''],
		['pembicaraannya', 'pembicaraan', 'bicara', 'peN- -an'],
		['mengatasinya', 'mengatasi', 'atas', 'meN- -i'],
		['negara-negara', 'negara', 'negara', ''],
		['bangsa-bangsa', 'bangsa', 'bangsa', ''],
		['faktor-faktor', 'faktor', 'faktor', ''],
		['langkah-langkah', 'langkah', 'langkah', ''],
		['pasukan', 'pasukan', 'pasukan', ''],
		['kawasan', 'kawasan', 'kawasan', ''],
		['bekerja', 'bekerja', 'kerja', 'ber-'],
		['menyetujui', 'menyetujui', 'setuju', 'meN- -i'],
		['diselenggarakan', 'diselenggarakan', 'selenggara', 'di- -kan'],
		['terorganisir', 'terorganisir', 'organisir', 'ter-'],
		['pejabat', 'pejabat', 'jabat', 'pe-'],
		['kedua', 'kedua', 'dua', 'ke-'],
		['menteri', 'menteri', 'menteri', ''],
		['perang', 'perang', 'perang', '']
	])('%s → %s, %s, %s', (word, headword, root, affixes) => {
		const a = analyse(word);
		expect({
			headword: a.headword,
			root: a.root,
			affixes: a.affixes.join(' '),
			cls: a.cls
		}).toEqual({
			headword,
			root,
			affixes,
			cls: 'word'
		});
		expect(a.verified).toBe(true);
	});
});

describe('classes', () => {
	it.each([
		['dan', 'function'],
		['yang', 'function'],
		['bahwa', 'function'],
		['untuk', 'function'],
		['di', 'function'],
		['Ilham', 'name'],
		['Aliyev', 'name'],
		['Baku', 'name'],
		['Jumat', 'name'],
		['April', 'name'],
		['Iran', 'name'],
		['14/12', 'number'],
		['ke-11', 'number'],
		['lima', 'number'],
		['Letjen', 'abbr'],
		['Brigjen', 'abbr'],
		['Presiden', 'word'],
		['Menekankan', 'word'],
		['Konvergensi', 'word']
	])('%s is %s', (word, cls) => {
		expect(analyse(word).cls).toBe(cls);
	});

	it('expands abbreviations', () => {
		expect(analyse('Letjen')).toMatchObject({ headword: 'Letjen', expansion: 'Letnan Jenderal' });
	});
});

describe('words that only look affixed stay whole', () => {
	it.each([
		'makan',
		'minum',
		'berat',
		'tertib',
		'pelan',
		'kenal',
		'teman',
		'perang',
		'menteri',
		'tembakau'
	])('%s', (word) => {
		expect(analyse(word)).toMatchObject({ root: word, affixes: [] });
	});
});

describe('readings', () => {
	it('follows nasal assimilation, so menangani is never read as angan', () => {
		const roots = readings('menangani').map((r) => r.root);
		expect(roots).toContain('tangan');
		expect(roots).not.toContain('angan');
	});

	it('never pairs a prefix with a suffix it does not take (ke-…-i, meN-…-an)', () => {
		expect(readings('mengatakan').some((r) => r.root === 'katak')).toBe(false);
	});
});

describe('unknown roots', () => {
	it('are still analysed, and flagged unverified', () => {
		const a = analyse('menggerutu'); // gerutu (grumble) is not in the lexicon
		expect(a.cls).toBe('word');
		expect(a.verified).toBe(false);
		expect(a.affixes).toContain('meN-');
	});
});

describe('the seed article', () => {
	it('has every word of class word verified by the lexicon', () => {
		const raw = readFileSync(
			new URL('../../../content/articles/azerbaijan-iran.md', import.meta.url),
			'utf8'
		);
		const unverified = distinctWords(analyseArticle(raw, lex)).filter(
			(w) => w.cls === 'word' && !w.verified
		);
		expect(unverified.map((w) => w.surface)).toEqual([]);
	});
});

describe('names in running text', () => {
	const art = (body: string) =>
		analyseArticle(
			`---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\nJudul\n${body}`,
			lex
		).sentences[1].tokens.filter((t) => t.analysis);
	const classes = (body: string) =>
		Object.fromEntries(art(body).map((t) => [t.text, t.analysis!.cls]));

	it('reads a known word before a personal name as part of the name, but not a title', () => {
		expect(classes('Kemarin Budi Santoso bertemu Presiden Joko Widodo di Jakarta.')).toMatchObject({
			Budi: 'name',
			Santoso: 'name',
			Presiden: 'word',
			Joko: 'name',
			Jakarta: 'name'
		});
	});

	it('keeps a title before a known place name a word', () => {
		expect(classes('Ia bertemu Presiden Azerbaijan kemarin.')).toMatchObject({
			Presiden: 'word',
			Azerbaijan: 'name'
		});
	});
});
