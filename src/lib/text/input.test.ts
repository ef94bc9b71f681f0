import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../../scripts/content-node';
import { checkText, decodeText, MAX_TEXT_BYTES, textBody, utf8Length } from './input';

const article = readFileSync(`${CONTENT}/articles/azerbaijan-iran.md`, 'utf8');

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
		expect(checkText('Dia <b>mengatakan</b> itu.')).toEqual({
			ok: true,
			text: 'Dia <b>mengatakan</b> itu.'
		});
	});

	it('refuses a text over 5 MB and accepts one just under', () => {
		const big = 'a'.repeat(MAX_TEXT_BYTES + 1);
		const over = checkText(big);
		expect(!over.ok && over.message).toBe(
			'This text is over 5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
		);
		expect(checkText(big.slice(2)).ok).toBe(true);
		// Two bytes a character in UTF-8: 3 million é is 6 MB.
		expect(checkText('é'.repeat(3_000_000)).ok).toBe(false);
	});

	it('decodes UTF-8 with and without a byte-order mark, and UTF-16', () => {
		const utf8 = new TextEncoder().encode('Dia mengatakan itu – kata.');
		expect(decodeText(utf8, 'a.txt')).toEqual({ ok: true, text: 'Dia mengatakan itu – kata.' });
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.txt')).toEqual({
			ok: true,
			text: 'Dia mengatakan itu – kata.'
		});
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'kata'].flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(decodeText(utf16, 'w.txt')).toEqual({ ok: true, text: 'kata' });
	});

	it.each([
		[
			'a PNG image',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
		],
		['invalid UTF-8', new Uint8Array([0x6b, 0x61, 0xff, 0x74, 0x61])]
	])('refuses %s as not text', (_, bytes) => {
		expect(decodeText(bytes, 'photo.png')).toEqual({
			ok: false,
			message: 'photo.png is not a text file: open a .txt or .md file saved as UTF-8 (or UTF-16).'
		});
	});

	it('refuses a file over 5 MB by its size, and an empty file', () => {
		const check = decodeText(new Uint8Array(MAX_TEXT_BYTES + 500_000), 'big.txt');
		expect(!check.ok && check.message).toBe(
			'big.txt is 5.5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
		);
		expect(decodeText(new Uint8Array(0), 'empty.txt')).toEqual({
			ok: false,
			message: 'empty.txt is empty: there is no text to analyse.'
		});
	});
});

describe('utf8Length and textBody', () => {
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
		expect(textBody('---\nslug: a\ntitle: T\n---\nSatu.\r\nDua.\rTiga.')).toBe(
			'Satu.\nDua.\nTiga.'
		);
		expect(textBody('--- bukan front matter\nSatu.')).toBe('--- bukan front matter\nSatu.');
		expect(textBody(article).startsWith('Ketika Ilham Aliyev')).toBe(true);
	});
});
