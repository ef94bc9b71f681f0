import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, withoutSiteName } from './html';

/** A page as a news site saves it: furniture all around one article. */
const PAGE = `<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Petani Kopi Menanam Lagi | Warta Desa</title>
  <meta property="og:title" content="Petani Kopi Menanam Lagi">
  <style>p { color: red } /* </p> */</style>
  <script>if (a < b && c > d) { document.write("</div><p>bukan teks</p>"); }</script>
</head>
<body>
  <header class="site-header"><a href="/" class="logo">Warta Desa</a>
    <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/ekonomi">Ekonomi</a></li></ul></nav>
  </header>
  <div id="cookie-consent">Situs ini memakai cookie. <button>Setuju</button></div>
  <main>
    <article>
      <header><h1>Petani kopi menanam lagi</h1><p class="byline">Oleh Rina, 3 Maret</p></header>
      <p>Setelah musim kering yang panjang, para petani kopi di lereng gunung mulai menanam bibit baru.</p>
      <!-- iklan: <p>Jangan tampilkan ini.</p> -->
      <p>Mereka berharap panen tahun depan lebih baik &mdash; harga kopi sedang naik.</p>
      <div class="share-buttons"><a href="#">Bagikan</a> <a href="#">Kirim</a></div>
      <p><a href="/kopi">Baca juga: Harga kopi dunia</a></p>
      <figure><img src="kebun.jpg" alt="Kebun > sawah"><figcaption>Kebun kopi di lereng gunung.</figcaption></figure>
      <h2>Bantuan pemerintah</h2>
      <p>Dinas pertanian membagikan pupuk kepada <a href="/kelompok">kelompok tani</a> setempat.</p>
    </article>
    <aside><h3>Berita terkait</h3><p>Harga beras turun.</p></aside>
  </main>
  <form action="/langganan"><label>Surel</label><input name="email"><p>Daftar buletin kami.</p></form>
  <footer><p>&copy; 2026 Warta Desa</p></footer>
</body>
</html>`;

describe('htmlToText on a saved news page', () => {
	const out = htmlToText(PAGE);

	it('takes the headline from the article h1 and opens the text with it', () => {
		expect(out.title).toBe('Petani kopi menanam lagi');
		expect(out.text.split('\n\n')[0]).toBe('Petani kopi menanam lagi');
	});

	it('keeps the article paragraphs and subheadings in order, separated by blank lines', () => {
		expect(out.text).toBe(
			[
				'Petani kopi menanam lagi',
				'Setelah musim kering yang panjang, para petani kopi di lereng gunung mulai menanam bibit baru.',
				'Mereka berharap panen tahun depan lebih baik — harga kopi sedang naik.',
				'Bantuan pemerintah',
				'Dinas pertanian membagikan pupuk kepada kelompok tani setempat.'
			].join('\n\n')
		);
	});

	it.each([
		['the navigation', 'Politik'],
		['the site header', 'Warta Desa'],
		['the cookie banner', 'cookie'],
		['the script', 'bukan teks'],
		['the style', 'color'],
		['a comment', 'Jangan tampilkan'],
		['the byline', 'Oleh Rina'],
		['the share buttons', 'Bagikan'],
		['a "read also" link', 'Baca juga'],
		['the figure caption', 'Kebun kopi'],
		['the aside', 'Harga beras'],
		['the form', 'buletin'],
		['the footer', '2026']
	])('leaves out %s', (_what, fragment) => {
		expect(out.text).not.toContain(fragment);
	});

	it('keeps figure captions when asked to', () => {
		expect(htmlToText(PAGE, { captions: true }).text).toContain('Kebun kopi di lereng gunung.');
		expect(
			htmlToText('<p>Isi.</p><div class="caption">Warga di pasar.</div>', { captions: true }).text
		).toBe('Isi.\n\nWarga di pasar.');
	});
});

/** A page with neither article nor main: the text stands in a plain div between sidebars. */
const BLOG = `<html><head><title>Catatan Rina</title></head><body>
<div class="navbar"><a href="/">Beranda</a> <a href="/arsip">Arsip</a></div>
<div class="breadcrumb"><a href="/">Blog</a> › <a href="/jalan">Jalan-jalan</a></div>
<div class="container">
  <div class="content">
    <h1 class="post-title">Naik kereta ke Bandung</h1>
    <div class="post-body">
      <p>Kereta berangkat tepat waktu dari stasiun pukul tujuh pagi.</p>
      <p>Pemandangan sawah dan bukit membuat perjalanan terasa singkat.</p>
      <div class="ad-slot">Pasang iklan di sini</div>
    </div>
    <div class="tags"><a href="/t/kereta">kereta</a> <a href="/t/bandung">bandung</a></div>
    <div id="comments"><p>Bagus sekali, Kak!</p></div>
  </div>
  <div class="sidebar"><h3>Tulisan lain</h3><ul><li><a href="/a">Pantai di selatan</a></li></ul></div>
</div>
<div class="footer">Dibuat dengan sepenuh hati</div>
</body></html>`;

describe('htmlToText on a page without article or main', () => {
	it('keeps the headline and paragraphs and drops the furniture named by class and id', () => {
		expect(htmlToText(BLOG)).toEqual({
			title: 'Naik kereta ke Bandung',
			text: 'Naik kereta ke Bandung\n\nKereta berangkat tepat waktu dari stasiun pukul tujuh pagi.\n\nPemandangan sawah dan bukit membuat perjalanan terasa singkat.'
		});
	});
});

describe('htmlToText choosing the content', () => {
	it.each([
		[
			'the largest of several articles',
			'<article><h2><a href="/a">Teaser pendek</a></h2><p>Ringkas.</p></article><article><h1>Judul utama</h1><p>Ini paragraf yang jauh lebih panjang dari ringkasan tadi.</p></article>',
			'Judul utama\n\nIni paragraf yang jauh lebih panjang dari ringkasan tadi.'
		],
		[
			'itemprop="articleBody" over longer teasers',
			'<div itemprop="articleBody"><p>Isi berita yang sebenarnya.</p></div><article><p>Cuplikan berita lain yang ditulis cukup panjang di sini.</p></article>',
			'Isi berita yang sebenarnya.'
		],
		[
			'main when there is no article',
			'<div>Menu samping</div><main><p>Isi utama di sini.</p></main>',
			'Isi utama di sini.'
		],
		[
			'role="main" as main',
			'<div>Menu samping</div><div role="main"><p>Isi utama di sini.</p></div>',
			'Isi utama di sini.'
		],
		[
			'the whole body when there is neither',
			'<body><p>Satu.</p><div>Dua.</div></body>',
			'Satu.\n\nDua.'
		],
		['a fragment without html or body', '<p>Pertama.</p><p>Kedua.</p>', 'Pertama.\n\nKedua.'],
		[
			'a header inside the article',
			'<article><header><p>Pengantar singkat.</p></header><p>Isi.</p></article>',
			'Pengantar singkat.\n\nIsi.'
		],
		[
			'nested articles as part of the outer one',
			'<article><p>Isi artikel yang utama.</p><article><p>Komentar pembaca.</p></article></article>',
			'Isi artikel yang utama.\n\nKomentar pembaca.'
		]
	])('takes %s', (_what, html, text) => {
		expect(htmlToText(html).text).toBe(text);
	});

	it.each([
		['a hidden attribute', '<p hidden>Tersembunyi.</p><p>Terlihat.</p>'],
		['aria-hidden', '<div aria-hidden="true">Tersembunyi.</div><p>Terlihat.</p>'],
		['display: none', '<div style="color:red; display : none">Tersembunyi.</div><p>Terlihat.</p>'],
		['role="navigation"', '<div role="navigation">Tersembunyi.</div><p>Terlihat.</p>'],
		['a template', '<template><p>Tersembunyi.</p></template><p>Terlihat.</p>'],
		[
			'an inline svg with its own title',
			'<svg><title>Tersembunyi.</title><text>x</text></svg><p>Terlihat.</p>'
		],
		['a noscript notice', '<noscript>Tersembunyi.</noscript><p>Terlihat.</p>'],
		['a textarea', '<textarea><p>Tersembunyi.</p></textarea><p>Terlihat.</p>'],
		['an iframe', '<iframe src="x"><p>Tersembunyi.</p></iframe><p>Terlihat.</p>'],
		['a list of links', '<ul><li><a href="1">Tersembunyi.</a></li></ul><p>Terlihat.</p>'],
		['an advertisement label', '<p>ADVERTISEMENT</p><p>Terlihat.</p>'],
		['a "scroll to continue" label', '<div>SCROLL TO CONTINUE WITH CONTENT</div><p>Terlihat.</p>'],
		['a "scroll to resume" label', '<div>SCROLL TO RESUME CONTENT</div><p>Terlihat.</p>'],
		[
			'a "read also" line that is not a link',
			'<p><strong>Baca juga: Harga cabai naik lagi</strong></p><p>Terlihat.</p>'
		],
		['an editor line', '<p>Terlihat.</p><p>Editor: Rina Wulandari</p>'],
		[
			'a photo caption in a div',
			'<div class="photo__caption">Warga di pasar.</div><p>Terlihat.</p>'
		],
		['a "follow us" line', '<p>Terlihat.</p><p>Ikuti berita terkini di kanal kami.</p>']
	])('drops what is behind %s', (_what, html) => {
		expect(htmlToText(html).text).toBe('Terlihat.');
	});

	it('keeps a paragraph with a link in it', () => {
		expect(htmlToText('<p>Kata <a href="/x">menteri</a> kemarin di kantornya.</p>').text).toBe(
			'Kata menteri kemarin di kantornya.'
		);
	});
});

describe('htmlToText titles', () => {
	it.each([
		[
			'the article h1',
			'<h1>Logo Situs</h1><article><h1>Judul Artikel</h1><p>Isi.</p></article>',
			'Judul Artikel'
		],
		[
			'the page h1 when the article has none',
			'<h1>Judul Halaman</h1><article><p>Isi.</p></article>',
			'Judul Halaman'
		],
		[
			'og:title when there is no h1',
			'<head><meta property="og:title" content="Judul &amp; Berita"><title>X</title></head><p>Isi.</p>',
			'Judul & Berita'
		],
		[
			'the title element without the site name',
			'<title>Harga cabai naik lagi - Kabar Pasar</title><p>Isi.</p>',
			'Harga cabai naik lagi'
		],
		[
			'the title element in the head',
			'<html><head><meta charset="utf-8"><title>Harga cabai naik | Kabar</title></head><body><p>Isi.</p></body></html>',
			'Harga cabai naik'
		],
		[
			'the title element of a head left open',
			'<head><title>Harga cabai naik</title><p>Isi.</p>',
			'Harga cabai naik'
		],
		[
			'an h1 with markup and line breaks inside',
			'<h1>Harga <em>cabai</em>\n  naik</h1><p>Isi.</p>',
			'Harga cabai naik'
		]
	])('comes from %s', (_what, html, title) => {
		const out = htmlToText(html);
		expect(out.title).toBe(title);
		expect(out.text.startsWith(`${title}\n\nIsi.`)).toBe(true);
	});

	it('comes with the page address from its canonical link or og:url, which is never visited', () => {
		expect(
			htmlToText(
				'<link rel="canonical" href="https://kabar.example/banjir?a=1&amp;b=2"><p>Isi.</p>'
			).url
		).toBe('https://kabar.example/banjir?a=1&b=2');
		expect(
			htmlToText('<meta property="og:url" content="https://kabar.example/b"><p>Isi.</p>').url
		).toBe('https://kabar.example/b');
		expect(
			htmlToText('<link rel="canonical" href="javascript:alert(1)"><p>Isi.</p>').url
		).toBeUndefined();
	});

	it('opens the text once when the article repeats the page title as its first heading', () => {
		expect(
			htmlToText(
				'<meta property="og:title" content="Harga Cabai Naik"><article><h2>Harga cabai naik</h2><p>Isi.</p></article>'
			).text
		).toBe('Harga cabai naik\n\nIsi.');
	});

	it('copes with a page of very many articles', () => {
		const html =
			'<article><p>a</p></article>'.repeat(200_000) +
			'<article><p>Yang paling panjang.</p></article>';
		expect(htmlToText(html).text).toBe('Yang paling panjang.');
	});

	it('is not an h1 or title so long that it must be an unclosed tag', () => {
		const long = 'kata '.repeat(100);
		expect(htmlToText(`<h1>${long}</h1><p>Isi.</p>`).title).toBeUndefined();
		expect(htmlToText(`<title>${long}<p>Isi.</p>`).title).toBeUndefined();
	});

	it('is absent when the page has no headline at all', () => {
		expect(htmlToText('<p>Isi saja.</p>')).toEqual({ text: 'Isi saja.' });
	});

	it.each([
		['Banjir di Kota - Kabar Kita', 'Banjir di Kota'],
		['Banjir di Kota | Kabar Kita Online', 'Banjir di Kota'],
		['Banjir di Kota — Kabar', 'Banjir di Kota'],
		['Tanya-jawab soal banjir', 'Tanya-jawab soal banjir'],
		[
			'Banjir: warga bilang - kami sudah lelah menunggu bantuan datang',
			'Banjir: warga bilang - kami sudah lelah menunggu bantuan datang'
		]
	])('withoutSiteName(%j) is %j', (title, expected) => {
		expect(withoutSiteName(title)).toBe(expected);
	});
});

describe('htmlToText on awkward markup', () => {
	it.each([
		[
			'named, decimal and hex entities',
			'<p>&lt;a&gt; &amp; caf&eacute; &#233; &#xE9; &#X2014; &hellip;</p>',
			'<a> & café é é — …'
		],
		[
			'entities without their semicolon, as browsers read them',
			'<p>&copy 2026 &amp dia</p>',
			'© 2026 & dia'
		],
		['an unknown entity as written', '<p>&bukanentitas; tetap</p>', '&bukanentitas; tetap'],
		['a non-breaking space as a space', '<p>Rp&nbsp;5.000</p>', 'Rp 5.000'],
		['soft hyphens and zero-width spaces removed', '<p>meng\u00adambil\u200b</p>', 'mengambil'],
		['uppercase tags', '<P>Satu.</P><DIV>Dua.</DIV><SCRIPT>x()</SCRIPT>', 'Satu.\n\nDua.'],
		['a quoted attribute holding ">"', '<p title="a > b" data-x=\'<p>\'>Isi.</p>', 'Isi.'],
		['an unquoted attribute', '<p class=lead>Isi.</p>', 'Isi.'],
		[
			'a script holding "</div>" and "<!--"',
			'<div>A.<script>x = "</div><!--"; y = 1 < 2;</script> B.</div>',
			'A. B.'
		],
		['an end tag written in another case', '<script>x()</SCRIPT ><p>Isi.</p>', 'Isi.'],
		['CDATA kept as text', '<p><![CDATA[x < y & z]]> benar</p>', 'x < y & z benar'],
		[
			'an unclosed comment dropping the rest',
			'<p>Isi.</p><!-- tidak selesai <p>Hilang.</p>',
			'Isi.'
		],
		['a lone "<" as text', '<p>3 < 5 dan 2 <3</p>', '3 < 5 dan 2 <3'],
		['unclosed paragraphs', '<p>Satu.<p>Dua.<div>Tiga.</div>', 'Satu.\n\nDua.\n\nTiga.'],
		['an end tag with no start tag', '</span></div><p>Isi.</p></em>', 'Isi.'],
		['a stray </p> as a break', 'Satu.</p>Dua.', 'Satu.\n\nDua.'],
		['inline tags running on without breaks', '<p>Ka<b>ta</b> <i>miring</i>.</p>', 'Kata miring.'],
		[
			'br as a line break and source newlines as spaces',
			'<p>Baris\nsatu<br>Baris dua<br/></p>',
			'Baris satu\nBaris dua'
		],
		['pre keeping its lines', '<pre>  baris satu\n  baris dua</pre>', 'baris satu\nbaris dua'],
		['self-closing tags', '<p>Isi<span/> lagi.</p>', 'Isi lagi.'],
		[
			'a doctype, processing instruction and bogus comment',
			'<?xml version="1.0"?><!DOCTYPE html><! aneh ><p>Isi.</p>',
			'Isi.'
		],
		[
			'an unclosed quote in an attribute',
			'<a href="x>Tautan</a><p>Isi "kutipan".</p>',
			'Isi "kutipan".'
		],
		['a tag cut off at the end', '<p>Isi.</p><div class="x', 'Isi.'],
		[
			'a list and a table',
			'<ul><li>Satu</li><li>Dua</li></ul><table><tr><td>A</td><td>B</td></tr></table>',
			'Satu\n\nDua\n\nA\n\nB'
		]
	])('handles %s', (_what, html, text) => {
		expect(htmlToText(html).text).toBe(text);
	});

	it('never loads or runs anything it is given', () => {
		// Pure string processing: the handlers and URLs are just text to skip.
		const html =
			'<img src="http://example.invalid/x.png" onerror="globalThis.ran = true"><script>globalThis.ran = true</script><p>Isi.</p>';
		expect(htmlToText(html).text).toBe('Isi.');
		expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
	});

	it('returns an empty text for a page with nothing to read', () => {
		expect(
			htmlToText('<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>')
		).toEqual({ text: '' });
		expect(htmlToText('')).toEqual({ text: '' });
	});
});

describe('htmlToText on huge inputs', () => {
	const timed = (html: string) => {
		const start = performance.now();
		const out = htmlToText(html);
		return { out, ms: performance.now() - start };
	};

	it('reduces a 5 MB page in linear time', () => {
		const paragraph =
			'<div class="isi"><p>Warga desa <b>menanam</b> padi &amp; jagung di sawah.</p><span data-x="a>b">x</span></div>\n';
		const html = `<html><body><article>${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}</article></body></html>`;
		const { out, ms } = timed(html);
		expect(out.text.startsWith('Warga desa menanam padi & jagung di sawah.\n\nx\n\nWarga')).toBe(
			true
		);
		expect(ms).toBeLessThan(5000);
	});

	it.each([
		['unclosed elements nested deep', '<div><span>a'],
		['end tags with no start tag', '</div></p></span>a'],
		['unclosed quotes', '<a href="x>a'],
		['unclosed quotes closed only at the very end', "<a href='x>a</b>"],
		['unclosed comments and tags', '<!-- <p a="'],
		['lone "<" signs', '< a <3 '],
		['many hidden elements', '<div hidden><p>a</p></div>']
	])('stays fast on 2 MB of %s', (_what, piece) => {
		const { ms } = timed(piece.repeat(Math.ceil((2 * 1024 * 1024) / piece.length)) + '\'"');
		expect(ms).toBeLessThan(5000);
	});
});

describe('looksLikeHtml', () => {
	it.each([
		['<!DOCTYPE html><html><body><p>Halo</p></body></html>', true],
		['\uFEFF  <!doctype HTML>\n<title>x</title>', true],
		['<html lang="id"><p>Halo</p>', true],
		[
			'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html>',
			true
		],
		['<head><meta charset="utf-8"></head><body>Halo</body>', true],
		['<div><p>Satu.</p><p>Dua.</p></div>', true],
		['Dia <b>mengatakan</b> itu.', false],
		['Tag <p> dipakai untuk paragraf, dan </p> menutupnya.', false],
		['Harga naik dari 5 < 7 persen menjadi > 9 persen.', false],
		['# Judul\n\nTeks markdown dengan *miring*.', false],
		['', false]
	])('looksLikeHtml(%j) is %s', (text, expected) => {
		expect(looksLikeHtml(text)).toBe(expected);
	});
});
