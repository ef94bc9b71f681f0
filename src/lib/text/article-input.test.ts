import { describe, expect, it } from 'vitest';
import {
	articleFingerprint,
	decodeWindows1252,
	formatOf,
	isTitleLine,
	readArticleInput,
	splitRunOnLines,
	titleFromName,
	utf8Counts
} from './article-input';
import { MAX_TEXT_BYTES } from './input';

const utf8 = (text: string) => new TextEncoder().encode(text);

const ARTICLE =
	'Pasar pagi ramai lagi\n\nSetelah hujan reda, pedagang sayur kembali berjualan.\nPembeli berdatangan sejak subuh.';

function accepted(result: ReturnType<typeof readArticleInput>) {
	if (!result.ok) throw new Error(`refused: ${result.message}`);
	return result;
}

function refused(result: ReturnType<typeof readArticleInput>): string {
	if (result.ok) throw new Error('accepted');
	return result.message;
}

describe('readArticleInput refusals', () => {
	it.each([
		['an empty paste', '', '', '', 'There is no text to analyse'],
		['a whitespace-only paste', '', '', ' \n\t \n', 'There is no text to analyse'],
		['an empty file', 'kosong.txt', 'text/plain', new Uint8Array(), 'kosong.txt is empty'],
		['a whitespace-only file', 'spasi.txt', 'text/plain', utf8('   \r\n  '), 'spasi.txt is empty'],
		[
			'a PNG',
			'foto.txt',
			'',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]),
			'foto.txt is a PNG image, not a text file'
		],
		[
			'a JPEG',
			'foto.jpg',
			'image/jpeg',
			new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x41]),
			'foto.jpg is a JPEG image'
		],
		['a GIF', 'animasi.gif', '', utf8('GIF89a Dia datang.'), 'animasi.gif is a GIF image'],
		[
			'a PDF',
			'laporan.pdf',
			'application/pdf',
			utf8('%PDF-1.7 Dia datang.'),
			'laporan.pdf is a PDF document'
		],
		[
			'a ZIP (a .docx is one)',
			'surat.docx',
			'',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
			'surat.docx is a ZIP archive'
		],
		[
			'a file the browser calls an image',
			'x.bin',
			'image/webp',
			utf8('Dia datang.'),
			'x.bin is not a text file (image/webp)'
		],
		[
			'NUL bytes',
			'data.txt',
			'',
			new Uint8Array([0x44, 0x69, 0x61, 0x00, 0x00, 0x61]),
			'data.txt is not a text file'
		],
		[
			'mostly invalid UTF-8',
			'acak.txt',
			'',
			new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0xc3 + (i % 2) * 0x3c))),
			'acak.txt is not a text file'
		],
		[
			'control characters throughout',
			'ctl.txt',
			'',
			new Uint8Array(
				Array.from({ length: 300 }, (_, i) => (i % 20 === 0 ? 0x01 : i % 7 === 0 ? 0xe9 : 0x61))
			),
			'ctl.txt is not a text file'
		],
		['digits and punctuation only', '', '', '12.000 — 45 / 6', 'has no words'],
		[
			'an HTML page with no article text',
			'kosong.html',
			'text/html',
			'<html><nav>Beranda Politik</nav><p>12 34</p></html>',
			'kosong.html has no article text'
		],
		['one unbroken string', 'blob.txt', '', 'QUJD'.repeat(2000), 'blob.txt is not running text']
	])('refuses %s', (_what, name, type, content, message) => {
		expect(refused(readArticleInput(name, type, content))).toContain(message);
	});

	it('refuses more than 5 MB as bytes, before decoding, and as a pasted string', () => {
		const big = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61);
		expect(refused(readArticleInput('besar.txt', 'text/plain', big))).toBe(
			'besar.txt is 5.0 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
		);
		expect(refused(readArticleInput('', '', 'a'.repeat(MAX_TEXT_BYTES + 1)))).toContain(
			'is over 5 MB'
		);
	});

	it('accepts exactly 5 MB', () => {
		const line = 'Warga desa menanam padi di sawah. ';
		const text = line.repeat(Math.floor(MAX_TEXT_BYTES / line.length));
		expect(readArticleInput('pas.txt', 'text/plain', utf8(text)).ok).toBe(true);
	});
});

describe('readArticleInput formats', () => {
	it('reads plain text as it is, with its first short line as the title', () => {
		expect(readArticleInput('pasar.txt', 'text/plain', utf8(ARTICLE))).toEqual({
			ok: true,
			title: 'Pasar pagi ramai lagi',
			text: ARTICLE,
			format: 'text',
			titleInText: true,
			splitLines: 0
		});
	});

	it('reads bytes, an ArrayBuffer and a string alike', () => {
		const bytes = utf8(ARTICLE);
		const fromBuffer = readArticleInput('a.txt', '', bytes.buffer.slice(0) as ArrayBuffer);
		expect(fromBuffer).toEqual(readArticleInput('a.txt', '', bytes));
		expect(fromBuffer).toEqual(readArticleInput('a.txt', '', ARTICLE));
	});

	it('leaves markup in a .txt file as text', () => {
		const text = 'Tag <p> menandai paragraf\n\n<div><p>Satu.</p><p>Dua.</p></div>';
		const out = accepted(readArticleInput('catatan.txt', 'text/plain', text));
		expect(out.text).toBe(text);
		expect(out.format).toBe('text');
	});

	it('reduces an HTML file to its article, with the headline as title and the canonical address as source', () => {
		const html =
			'<!DOCTYPE html><html><head><title>Pasar - Kabar</title><link rel="canonical" href="https://kabar.example/pasar"></head><body><nav>Menu</nav><article><h1>Pasar pagi ramai lagi</h1><p>Pedagang kembali berjualan.</p></article></body></html>';
		expect(readArticleInput('pasar.html', 'text/html', utf8(html))).toEqual({
			ok: true,
			title: 'Pasar pagi ramai lagi',
			text: 'Pasar pagi ramai lagi\n\nPedagang kembali berjualan.',
			source: 'https://kabar.example/pasar',
			format: 'html',
			titleInText: true,
			splitLines: 0
		});
	});

	it('keeps figure captions of an HTML page when asked to', () => {
		const html =
			'<article><p>Pedagang kembali.</p><figure><img src="a.jpg"><figcaption>Pasar pagi.</figcaption></figure></article>';
		expect(accepted(readArticleInput('a.html', '', html)).text).toBe('Pedagang kembali.');
		expect(accepted(readArticleInput('a.html', '', html, { captions: true })).text).toBe(
			'Pedagang kembali.\n\nPasar pagi.'
		);
	});

	it('reduces pasted HTML when it looks like HTML', () => {
		const out = accepted(
			readArticleInput('', '', '<div><p>Pedagang kembali.</p><p>Pembeli datang.</p></div>')
		);
		expect(out.format).toBe('html');
		expect(out.text).toBe('Pedagang kembali.\n\nPembeli datang.');
	});

	it('reads Markdown without its syntax, with the front matter title', () => {
		const md =
			'---\ntitle: Pasar pagi\nsource: Kabar Desa\n---\n# Pasar pagi ramai lagi\n\nSetelah **hujan** reda,\npedagang [kembali](https://x.example).';
		expect(readArticleInput('pasar.md', '', utf8(md))).toEqual({
			ok: true,
			title: 'Pasar pagi',
			text: 'Pasar pagi ramai lagi\n\nSetelah hujan reda, pedagang kembali.',
			source: 'Kabar Desa',
			format: 'markdown',
			titleInText: false,
			splitLines: 0
		});
	});

	it('drops Kartu front matter from a plain text and normalises line ends', () => {
		const out = accepted(
			readArticleInput(
				'a.txt',
				'',
				'\uFEFF---\nslug: a\n---\nJudul\r\n\r\n\r\n\r\nIsi di sini.  \r\n'
			)
		);
		expect(out.text).toBe('Judul\n\nIsi di sini.');
	});

	it('keeps the good text of UTF-8 with a few bad bytes', () => {
		const bytes = new Uint8Array([...utf8('Kafé “baru” dibuka '), 0xff, ...utf8('hari ini.')]);
		expect(accepted(readArticleInput('kafe.txt', '', bytes)).text).toBe(
			'Kafé “baru” dibuka hari ini.'
		);
	});

	it('reads a Windows-1252 file with a few accented letters', () => {
		const bytes = new Uint8Array([
			...utf8('Kaf'),
			0xe9,
			...utf8(' itu dibuka pada '),
			0x93,
			...utf8('hari baik'),
			0x94,
			0x2e
		]);
		expect(accepted(readArticleInput('kafe.txt', '', bytes)).text).toBe(
			'Kafé itu dibuka pada “hari baik”.'
		);
	});

	it('reads a text file the browser gave no useful type', () => {
		expect(
			accepted(readArticleInput('catatan.md', 'application/octet-stream', utf8('# Pasar\n\nIsi.')))
				.text
		).toBe('Pasar\n\nIsi.');
	});

	it('reads UTF-16 with a byte-order mark', () => {
		const bytes = new Uint8Array([
			0xff,
			0xfe,
			...[...'Kata dia.'].flatMap((c) => [c.charCodeAt(0), 0])
		]);
		expect(accepted(readArticleInput('u16.txt', '', bytes)).text).toBe('Kata dia.');
	});
});

describe('readArticleInput titles', () => {
	it.each([
		['the first line when it is short', 'berkas.txt', 'Pasar pagi\nIsi.', 'Pasar pagi', true],
		[
			'the first line ending in a question mark',
			'berkas.txt',
			'Ke mana harga cabai?\nIsi.',
			'Ke mana harga cabai?',
			true
		],
		[
			'the file name when the first line ends in a full stop',
			'pasar_pagi-ramai.txt',
			'Pedagang datang pagi.\nIsi.',
			'pasar pagi ramai',
			false
		],
		[
			'the file name when the first line is over 120 characters',
			'catatan-harian.txt',
			`${'kata '.repeat(30)}\nIsi.`,
			'catatan harian',
			false
		],
		[
			'plain text from a file name with markup',
			'<script>alert(1)</script><b>Berita</b>.txt',
			'Isi pertama.',
			'alert(1)Berita',
			false
		],
		[
			'plain text from a file name with a folder and control characters',
			'C:\\Users\\rina\\ber\u0007ita\u202e.md',
			'Isi pertama.',
			'berita',
			false
		],
		[
			'"Pasted text" for a paste with no title line',
			'',
			'Isi pertama yang panjang.',
			'Pasted text',
			false
		]
	])('is %s', (_what, name, content, title, inText) => {
		const out = accepted(readArticleInput(name, '', content));
		expect(out.title).toBe(title);
		expect(out.titleInText).toBe(inText);
	});

	it.each([
		['Pasar pagi', true],
		['Harga naik!', true],
		['Harga naik.', false],
		['x'.repeat(120), true],
		['x'.repeat(121), false],
		['2026', false],
		['', false]
	])('isTitleLine(%j) is %s', (line, expected) => {
		expect(isTitleLine(line)).toBe(expected);
	});

	it.each([
		['berita_banjir-jakarta.html', 'berita banjir jakarta'],
		['laporan 2026.final.txt', 'laporan 2026.final'],
		['a/b/c/kota.md', 'kota'],
		['-.txt', 'Pasted text'],
		['', 'Pasted text'],
		[`${'panjang'.repeat(30)}.txt`, `${'panjang'.repeat(30).slice(0, 119)}…`]
	])('titleFromName(%j) is %j', (name, title) => {
		expect(titleFromName(name)).toBe(title);
	});
});

describe('run-on lines', () => {
	it('splits a line of over 1,000 characters without punctuation into lines of about 300 at spaces', () => {
		const line = Array.from({ length: 400 }, (_, i) => `kata${i}`).join(' ');
		const out = accepted(readArticleInput('', '', `Judul\n${line}`));
		expect(out.splitLines).toBe(1);
		const lines = out.text.split('\n').slice(1);
		expect(lines.length).toBeGreaterThan(5);
		expect(lines.every((l) => l.length <= 300)).toBe(true);
		expect(lines.join(' ')).toBe(line);
	});

	it('checks 5 MB of long space-free words quickly', () => {
		const text = `${'k'.repeat(999)} `.repeat(5000);
		const start = performance.now();
		expect(readArticleInput('', '', text).ok).toBe(true);
		expect(performance.now() - start).toBeLessThan(3000);
	});

	it('leaves long punctuated paragraphs alone', () => {
		const paragraph = 'Pedagang sayur kembali berjualan di pasar pagi. '.repeat(40).trim();
		expect(splitRunOnLines(paragraph)).toEqual({ text: paragraph, lines: 0 });
	});

	it('cuts only the unpunctuated stretch of a long line', () => {
		const stretch = Array.from({ length: 300 }, () => 'kata').join(' ');
		const { text, lines } = splitRunOnLines(`Awal kalimat. ${stretch}. Akhir kalimat.`);
		expect(lines).toBe(1);
		expect(text.startsWith('Awal kalimat. kata kata')).toBe(true);
		expect(text.endsWith('kata. Akhir kalimat.')).toBe(true);
		expect(text.split('\n').length).toBeGreaterThan(3);
	});
});

describe('formatOf', () => {
	it.each([
		['a.HTML', '', 'Isi', 'html'],
		['a.htm', '', 'Isi', 'html'],
		['a.md', 'text/plain', '<p>x</p><p>y</p>', 'markdown'],
		['a.txt', 'text/html', '<p>x</p><p>y</p>', 'text'],
		['', 'text/html; charset=utf-8', 'Isi', 'html'],
		['', 'text/markdown', 'Isi', 'markdown'],
		['catatan', '', '<!doctype html><p>x</p>', 'html'],
		['', '', 'Dia <b>datang</b>.', 'text']
	])('formatOf(%j, %j, %j) is %s', (name, type, text, format) => {
		expect(formatOf(name, type, text)).toBe(format);
	});
});

describe('decodeWindows1252', () => {
	it('reads curly quotes, dashes and accented letters', () => {
		expect(
			decodeWindows1252(new Uint8Array([0x93, 0x4b, 0x94, 0x20, 0x96, 0x20, 0xe9, 0x80, 0x81]))
		).toBe('“K” – é€');
	});
});

describe('utf8Counts', () => {
	it.each([
		[utf8('abc'), { multibyte: 0, invalid: 0 }],
		[utf8('é “x” 😀'), { multibyte: 4, invalid: 0 }],
		[new Uint8Array([0xe9, 0x41, 0xc3]), { multibyte: 0, invalid: 2 }]
	])('counts %s', (bytes, counts) => {
		expect(utf8Counts(bytes)).toEqual(counts);
	});
});

describe('articleFingerprint', () => {
	it.each([
		['spacing and line ends', 'Pasar  pagi\r\nramai.', 'Pasar pagi ramai.'],
		['case', 'PASAR PAGI', 'pasar pagi'],
		['typographic quotes and dashes', '“Pasar” — ‘pagi’', '"pasar" - \'pagi\''],
		['Unicode composition', 'Kafe\u0301', 'Kafé'],
		['invisible characters and edges', '\uFEFF  pasar\u200b pagi \n', 'pasar pagi']
	])('ignores %s', (_what, a, b) => {
		expect(articleFingerprint(a)).toBe(articleFingerprint(b));
	});

	it.each([
		['a changed word', 'Pasar pagi ramai.', 'Pasar sore ramai.'],
		['swapped words', 'pasar pagi', 'pagi pasar'],
		['added punctuation', 'pasar pagi', 'pasar pagi.']
	])('changes with %s', (_what, a, b) => {
		expect(articleFingerprint(a)).not.toBe(articleFingerprint(b));
	});

	it('is 16 hex digits and the same on every run', () => {
		expect(articleFingerprint('Pasar pagi ramai lagi.')).toMatch(/^[0-9a-f]{16}$/);
		expect(articleFingerprint('Pasar pagi ramai lagi.')).toBe(
			articleFingerprint('Pasar pagi ramai lagi.')
		);
	});

	it('gives 20,000 different short texts 20,000 different fingerprints', () => {
		const seen = new Set(
			Array.from({ length: 20_000 }, (_, i) => articleFingerprint(`artikel nomor ${i}`))
		);
		expect(seen.size).toBe(20_000);
	});
});
