import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, readLexicon } from '../../../scripts/content-node';
import { headwords } from '../cards/deck';
import { analyseArticle } from './document';
import { builtAs, checkText, decodeText, MAX_TEXT_BYTES, TextSurvey, textBody, utf8Length } from './survey';

const lex = readLexicon();
const article = readFileSync(`${CONTENT}/articles/azerbaijan-iran.md`, 'utf8');

function survey(text: string): TextSurvey {
	const s = new TextSurvey(text, lex);
	while (!s.step(3));
	return s;
}

describe('checkText and decodeText', () => {
	it.each([
		['', 'There is no text to analyse'],
		[' \n\t ', 'There is no text to analyse'],
		['1234 — 56', 'has no words'],
		['kata\0kata', 'not a text file']
	])('refuses %j', (text, message) => {
		const check = checkText(text);
		expect(check.ok).toBe(false);
		expect(!check.ok && check.message).toContain(message);
	});

	it('accepts Indonesian text as it is, markup and all', () => {
		expect(checkText('Dia <b>mengatakan</b> itu.')).toEqual({ ok: true, text: 'Dia <b>mengatakan</b> itu.' });
	});

	it('refuses a text over 5 MB and accepts one just under', () => {
		const big = 'a'.repeat(MAX_TEXT_BYTES + 1);
		const over = checkText(big);
		expect(!over.ok && over.message).toBe('This text is over 5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.');
		expect(checkText(big.slice(2)).ok).toBe(true);
		// Two bytes a character in UTF-8: 3 million é is 6 MB.
		expect(checkText('é'.repeat(3_000_000)).ok).toBe(false);
	});

	it('decodes UTF-8 with and without a byte-order mark, and UTF-16', () => {
		const utf8 = new TextEncoder().encode('Dia mengatakan itu – kata.');
		expect(decodeText(utf8, 'a.txt')).toEqual({ ok: true, text: 'Dia mengatakan itu – kata.' });
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.txt')).toEqual({ ok: true, text: 'Dia mengatakan itu – kata.' });
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'kata'].flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(decodeText(utf16, 'w.txt')).toEqual({ ok: true, text: 'kata' });
	});

	it.each([
		['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
		['invalid UTF-8', new Uint8Array([0x6b, 0x61, 0xff, 0x74, 0x61])]
	])('refuses %s as not text', (_, bytes) => {
		expect(decodeText(bytes, 'photo.png')).toEqual({ ok: false, message: 'photo.png is not a text file: open a .txt or .md file saved as UTF-8 (or UTF-16).' });
	});

	it('refuses a file over 5 MB by its size, and an empty file', () => {
		const check = decodeText(new Uint8Array(MAX_TEXT_BYTES + 500_000), 'big.txt');
		expect(!check.ok && check.message).toBe('big.txt is 5.5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.');
		expect(decodeText(new Uint8Array(0), 'empty.txt')).toEqual({ ok: false, message: 'empty.txt is empty: there is no text to analyse.' });
	});
});

describe('utf8Length, textBody and builtAs', () => {
	it.each([
		['kata', 4],
		['é', 2],
		['–', 3],
		['😀', 4],
		['', 0]
	])('utf8Length(%j) = %i', (text, n) => {
		expect(utf8Length(text)).toBe(n);
		expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
	});

	it('leaves out the front matter of an article file and makes line ends \\n', () => {
		expect(textBody('---\nslug: a\ntitle: T\n---\nSatu.\r\nDua.\rTiga.')).toBe('Satu.\nDua.\nTiga.');
		expect(textBody('--- bukan front matter\nSatu.')).toBe('--- bukan front matter\nSatu.');
		expect(textBody(article).startsWith('Ketika Ilham Aliyev')).toBe(true);
	});

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
	it('finds the root and gloss of an affixed word, and counts sentences, words and distinct words', () => {
		const s = survey('Kata dan kalimat\nDia mengatakan bahwa kata itu penting. Mereka mengatakan hal yang sama!');
		expect(s.summary()).toEqual({ sentences: 3, words: 14, distinct: 12, headwords: 12, unknown: 0, names: 0 });
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
		expect(rows.find((r) => r.headword === 'yang')).toMatchObject({ kind: 'function', pos: 'function word' });
	});

	it('keeps markup as text: its words are words, its example is the text as written', () => {
		const s = survey('Judul\nDia <b>mengatakan</b> itu <script>alert(1)</script> lagi.');
		const row = s.page('words', 0, 50).rows.find((r) => r.headword === 'mengatakan');
		expect(row?.example).toBe('Dia <b>mengatakan</b> itu <script>alert(1)</script> lagi.');
		expect(s.page('unknown', 0, 50).rows.map((r) => r.headword)).toContain('script');
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
		const s = survey('Judul\nKerja sama kedua negara penting. Letjen Budi datang untuk kerja sama.');
		const rows = s.page('words', 0, 50).rows;
		expect(rows.find((r) => r.headword === 'kerja sama')).toMatchObject({ count: 2, kind: 'phrase', pos: 'noun', gloss: 'cooperation', built: 'fixed expression' });
		expect(rows.find((r) => r.headword === 'kerja')).toBeUndefined();
		expect(rows.find((r) => r.headword === 'Letjen')).toMatchObject({ kind: 'abbr', built: 'stands for Letnan Jenderal' });
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
		for (const [hw, info] of deck) expect([hw, rows.get(hw)]).toEqual([hw, info.occurrences.length]);
	});
});
