import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, readLexicon } from '../../../scripts/content-node';
import { headwords } from '../cards';
import { analyseArticle } from './document';
import { builtAs, TextSurvey } from './survey';

const lex = readLexicon();
// gerutu (grumble) stands for a root the lexicon lacks: it is taken out for these tests.
lex.roots.delete('gerutu');
const article = readFileSync(`${CONTENT}/articles/azerbaijan-iran.md`, 'utf8');

function survey(text: string): TextSurvey {
	const s = new TextSurvey(text, lex);
	while (!s.step(3));
	return s;
}

describe('builtAs', () => {
	it.each([
		['kata', ['meN-', '-kan'], 'meN- + kata + -kan'],
		['guna', ['ke-', '-an'], 'ke- + guna + -an'],
		['kuat', ['memper-'], 'memper- + kuat'],
		['lari', ['ber-', 'R'], 'ber- + lari, reduplicated'],
		['sayur', ['R'], 'sayur, reduplicated'],
		['kata', [], 'root word']
	])('builtAs(%s, %j) = %s', (root, affixes, built) => {
		expect(builtAs(root, affixes)).toBe(built);
	});
});

describe('TextSurvey', () => {
	it('shows a word as a name only where it is one, and a capitalised word at a sentence start as a word', () => {
		const s = survey(
			'Kabar desa\nKemarin Haji Salam datang. Ia memberi salam. Menggerutu, warga pulang.'
		);
		expect(s.page('names', 0, 50).rows.map((r) => r.headword)).toEqual(['Salam']);
		const words = s.page('words', 0, 50).rows;
		expect(words.find((r) => r.headword === 'salam')).toMatchObject({ count: 1, kind: 'word' });
		expect(words.find((r) => r.headword === 'menggerutu')).toMatchObject({
			root: 'gerutu',
			verified: false,
			kind: 'word'
		});
	});

	it('glosses a blend and notes an informal form', () => {
		const rows = survey('Kabar\nKapolres mau nyimpen berkas.').page('words', 0, 50).rows;
		expect(rows.find((r) => r.headword === 'Kapolres')).toMatchObject({
			kind: 'abbr',
			gloss: 'head of district police',
			built: 'stands for Kepala Kepolisian Resor'
		});
		expect(rows.find((r) => r.headword === 'nyimpen')).toMatchObject({
			root: 'simpan',
			built: 'N- + simpan, informal'
		});
	});

	it('counts the share of word occurrences whose root the lexicon knows, names left out', () => {
		// gerutu is taken out of this file's lexicon: menggerutu (twice) is the only unknown headword.
		const s = survey('Kabar desa\nWarga menggerutu. Budi datang dan menggerutu lagi.');
		const { headwordTokens, knownTokens, unknown } = s.summary();
		expect(unknown).toBe(1);
		expect(headwordTokens - knownTokens).toBe(2);
		expect(knownTokens).toBeGreaterThan(0);
	});

	it('finds the root and gloss of an affixed word, and counts sentences, words and distinct words', () => {
		const s = survey(
			'Kata dan kalimat\nDia mengatakan bahwa kata itu penting. Mereka mengatakan hal yang sama!'
		);
		expect(s.summary()).toEqual({
			sentences: 3,
			words: 14,
			distinct: 12,
			headwords: 12,
			unknown: 0,
			names: 0,
			headwordTokens: 14,
			knownTokens: 14
		});
		const rows = s.page('words', 0, 50).rows;
		expect(rows.find((r) => r.headword === 'mengatakan')).toEqual({
			headword: 'mengatakan',
			root: 'kata',
			gloss: lex.roots.get('kata')!.gloss,
			pos: 'noun',
			count: 2,
			built: 'meN- + kata + -kan',
			verified: true,
			kind: 'word',
			example: 'Dia mengatakan bahwa kata itu penting.'
		});
		// Most frequent first; among equals, in order of first appearance.
		expect(rows.slice(0, 2).map((r) => [r.headword, r.count])).toEqual([
			['kata', 2],
			['mengatakan', 2]
		]);
		expect(rows.find((r) => r.headword === 'yang')).toMatchObject({
			kind: 'function',
			pos: 'function word'
		});
	});

	it('keeps markup as text: its words are words, its example is the text as written', () => {
		const s = survey('Judul\nDia <b>mengatakan</b> itu <script>alert(1)</script> lagi.');
		const row = s.page('words', 0, 50).rows.find((r) => r.headword === 'mengatakan');
		expect(row?.example).toBe('Dia <b>mengatakan</b> itu <script>alert(1)</script> lagi.');
		// alert is a word the lexicon lacks; script is spelt as no Indonesian word is (foreign, no row)
		expect(s.page('unknown', 0, 50).rows.map((r) => r.headword)).toContain('alert');
	});

	it('lists words the lexicon does not know as guesses, and names apart', () => {
		const s = survey('Berita\nKemarin Budi Santoso menggorblokkan semua kata di Jakarta.');
		const unknown = s.page('unknown', 0, 10).rows;
		expect(unknown.map((r) => r.headword)).toEqual(['menggorblokkan']);
		expect(unknown[0]).toMatchObject({ verified: false, gloss: '' });
		expect(s.page('names', 0, 10).rows.map((r) => [r.headword, r.pos])).toEqual([
			['Budi', 'name'],
			['Santoso', 'name'],
			['Jakarta', 'name']
		]);
	});

	it('counts a fixed expression once, with its own gloss, and abbreviations with their expansion', () => {
		const s = survey(
			'Judul\nKerja sama kedua negara penting. Letjen Budi datang untuk kerja sama.'
		);
		const rows = s.page('words', 0, 50).rows;
		expect(rows.find((r) => r.headword === 'kerja sama')).toMatchObject({
			count: 2,
			kind: 'phrase',
			pos: 'noun',
			gloss: 'cooperation',
			built: 'fixed expression'
		});
		expect(rows.find((r) => r.headword === 'kerja')).toBeUndefined();
		expect(rows.find((r) => r.headword === 'Letjen')).toMatchObject({
			kind: 'abbr',
			built: 'stands for Letnan Jenderal'
		});
	});

	it('pages through a view and reports progress sentence by sentence', () => {
		const s = new TextSurvey(article, lex);
		expect(s.done).toBe(0);
		expect(s.step(5)).toBe(false);
		expect(s.done).toBe(5);
		while (!s.step(5));
		expect(s.done).toBe(s.sentences.length);
		const { total } = s.page('words', 0, 0);
		const pages = [0, 50, 100, 150, 200, 250].flatMap((o) => s.page('words', o, 50).rows);
		expect(pages).toHaveLength(total);
		expect(new Set(pages.map((r) => `${r.kind}:${r.headword}`)).size).toBe(total);
		expect(s.page('words', total + 10, 50)).toMatchObject({ offset: total, rows: [] });
	});

	it('counts each headword of the seed article as often as its deck does', () => {
		const s = survey(article);
		const rows = new Map(s.page('words', 0, 10_000).rows.map((r) => [r.headword, r.count]));
		const deck = headwords(analyseArticle(article, lex));
		expect(deck.size).toBeGreaterThan(100);
		for (const [hw, info] of deck)
			expect([hw, rows.get(hw)]).toEqual([hw, info.occurrences.length]);
	});
});
