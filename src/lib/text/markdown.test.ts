import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown';

describe('markdownToText front matter', () => {
	it.each([
		[
			'YAML with a quoted title and a list',
			'---\ntitle: "Pasar pagi"\nsource: https://kabar.example/pasar\ntags:\n  - pasar\n---\nIsi.',
			{ title: 'Pasar pagi', source: 'https://kabar.example/pasar', text: 'Isi.' }
		],
		[
			'TOML',
			'+++\ntitle = \'Pasar pagi\'\nurl = "https://kabar.example/p"\n+++\nIsi.',
			{ title: 'Pasar pagi', source: 'https://kabar.example/p', text: 'Isi.' }
		],
		[
			'a Kartu article file',
			'---\nslug: pasar\ntitle: Pasar pagi\nlanguage: id\nsource: Kabar\n---\nPasar pagi\nIsi.',
			{ title: 'Pasar pagi', source: 'Kabar', text: 'Pasar pagi Isi.' }
		],
		['none', 'Isi saja.', { text: 'Isi saja.' }],
		['a rule that is not front matter', 'Isi.\n\n---\n\nLagi.', { text: 'Isi.\n\nLagi.' }]
	])('reads %s', (_what, md, expected) => {
		expect(markdownToText(md)).toEqual(expected);
	});
});

describe('markdownToText syntax', () => {
	it.each([
		['ATX headings, closing hashes and all', '# Judul #\nIsi.', 'Judul\n\nIsi.'],
		[
			'setext headings',
			'Judul\n=====\nIsi di bawah.\n\nSub\n---\nLagi.',
			'Judul\n\nIsi di bawah.\n\nSub\n\nLagi.'
		],
		[
			'soft-wrapped lines joined into one paragraph',
			'Air naik\ndengan cepat\nsekali.\n\nParagraf dua.',
			'Air naik dengan cepat sekali.\n\nParagraf dua.'
		],
		[
			'hard line breaks kept',
			'Baris satu  \nBaris dua\\\nBaris tiga',
			'Baris satu\nBaris dua\nBaris tiga'
		],
		[
			'emphasis reduced to its text',
			'Ini **tebal**, *miring*, __juga__, _ini_ dan ~~coret~~.',
			'Ini tebal, miring, juga, ini dan coret.'
		],
		[
			'underscores and stars inside words left alone',
			'nama_berkas_ini dan 2*3*4 tetap.',
			'nama_berkas_ini dan 2*3*4 tetap.'
		],
		[
			'escaped characters kept literally',
			'Tanda \\*bintang\\* dan \\# pagar.',
			'Tanda *bintang* dan # pagar.'
		],
		[
			'links reduced to their text',
			'Lihat [peta banjir](https://x.example/peta "Peta") dan [laporan][1].\n\n[1]: https://x.example/l',
			'Lihat peta banjir dan laporan.'
		],
		[
			'images, autolinks and footnote marks dropped',
			'Foto ![warga](a.jpg) di <https://x.example> sini[^1].',
			'Foto di sini.'
		],
		['inline code kept as text', 'Tulis `kata` saja.', 'Tulis kata saja.'],
		[
			'fenced code dropped',
			'Sebelum.\n\n```js\nconst a = 1;\n```\n\nSesudah.',
			'Sebelum.\n\nSesudah.'
		],
		['an unclosed fence dropping the rest', 'Sebelum.\n~~~\nkode', 'Sebelum.'],
		[
			'list items as paragraphs',
			'- satu\n* dua\n+ tiga\n1. empat\n2) lima\n- [x] enam',
			'satu\n\ndua\n\ntiga\n\nempat\n\nlima\n\nenam'
		],
		['blockquotes read as text', '> Kata dia,\n> "cukup."', 'Kata dia, "cukup."'],
		[
			'tables as rows of cells',
			'| Kota | Curah hujan |\n|:---|---:|\n| Bogor | tinggi |',
			'Kota; Curah hujan\n\nBogor; tinggi'
		],
		['horizontal rules dropped', 'Satu.\n\n***\n\nDua.\n\n- - -\nTiga.', 'Satu.\n\nDua.\n\nTiga.'],
		[
			'HTML tags and comments removed, br a line break',
			'Kata <b>tebal</b><br>baru <!-- catatan -->ini.',
			'Kata tebal\nbaru ini.'
		],
		['entities decoded', 'Harga &lt; Rp&nbsp;5.000 &amp; naik.', 'Harga < Rp 5.000 & naik.'],
		['Windows line ends and a byte-order mark', '\uFEFF# Judul\r\n\r\nIsi.\r\n', 'Judul\n\nIsi.']
	])('handles %s', (_what, md, text) => {
		expect(markdownToText(md).text).toBe(text);
	});

	it('reads a long line full of unclosed emphasis marks in linear time', () => {
		const line = '**a __b ~~c '.repeat(100_000);
		const start = performance.now();
		expect(markdownToText(line).text.length).toBeGreaterThan(100_000);
		expect(performance.now() - start).toBeLessThan(3000);
	});

	it('returns an empty text for a document of nothing but syntax', () => {
		expect(markdownToText('---\ntitle: x\n---\n```\nkode\n```\n***\n')).toEqual({
			title: 'x',
			text: ''
		});
	});
});
