// Reduces an HTML page to its article's headline and paragraphs by plain string scanning: nothing is run, loaded or fetched.

import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/** What is left of a page: its headline (when one is found) and its text, paragraphs split by blank lines. */
export interface HtmlText {
	title?: string;
	/** The headline as the first paragraph, then the article's paragraphs, separated by blank lines. */
	text: string;
	/** The page's own address, as its canonical link or `og:url` gives it (only read, never visited). */
	url?: string;
}

export interface HtmlTextOptions {
	/** Keep the captions of figures (`<figcaption>`) as paragraphs of their own. Default false. */
	captions?: boolean;
}

/** Elements whose content is raw text up to their end tag: skipped without looking inside. */
const RAW_TEXT = new Set([
	'script',
	'style',
	'textarea',
	'title',
	'xmp',
	'iframe',
	'noembed',
	'noframes',
	'noscript',
	'plaintext'
]);

/** Elements whose content is never the article: page furniture, forms, media and embedded documents. */
const SKIPPED = new Set([
	'nav',
	'footer',
	'aside',
	'form',
	'button',
	'select',
	'option',
	'datalist',
	'label',
	'fieldset',
	'legend',
	'dialog',
	'menu',
	'template',
	'svg',
	'math',
	'canvas',
	'object',
	'embed',
	'audio',
	'video',
	'picture',
	'map',
	'head',
	'figcaption',
	'meter',
	'progress',
	'output',
	'search'
]);

/** Elements that never have content or an end tag. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr',
	'keygen'
]);

/** Elements that start and end a paragraph of the text; any other element runs inline. */
const BLOCK = new Set([
	'address',
	'article',
	'blockquote',
	'body',
	'caption',
	'center',
	'dd',
	'details',
	'dialog',
	'div',
	'dl',
	'dt',
	'figure',
	'figcaption',
	'footer',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hgroup',
	'hr',
	'html',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'tr',
	'ul'
]);

/**
 * Words in a class or id that mark page furniture rather than the article (cookie-banner,
 * share-buttons, related-posts, baca-juga). Compared with whole words of the class and id.
 */
const FURNITURE_WORDS = new Set([
	'cookie',
	'cookies',
	'consent',
	'gdpr',
	'newsletter',
	'subscribe',
	'subscription',
	'share',
	'sharing',
	'social',
	'related',
	'recommended',
	'comments',
	'comment',
	'breadcrumb',
	'breadcrumbs',
	'sidebar',
	'advert',
	'advertisement',
	'ads',
	'ad',
	'iklan',
	'promo',
	'popup',
	'modal',
	'paywall',
	'banner',
	'navbar',
	'menu',
	'masthead',
	'footer',
	'byline',
	'tags',
	'terkait',
	'baca',
	'sponsored',
	'outbrain',
	'taboola',
	'disqus'
]);

/** Lines a news page drops into its text that are not part of the article. */
const FILLER_LINE =
	/^(?:advertisement|advertisment|iklan|scroll to (?:continue|resume)(?: with)?(?: content)?|(?:baca|lihat|simak) juga\b.*|read (?:more|also)\b.*|dapatkan update\b.*|ikuti (?:kami|berita)\b.*|(?:editor|penulis|reporter|pewarta|sumber|foto)\s*:.{0,80})$/i;

/** The longest headline taken from an h1, og:title or title. */
const TITLE_MAX = 300;

interface OpenElement {
	name: string;
	/** This element hides what is inside it (nav, footer, hidden, a cookie banner, …). */
	skip: boolean;
	/** This element is an article, or a main region. */
	container: 'article' | 'main' | undefined;
	pre: boolean;
	link: boolean;
}

interface Block {
	text: string;
	/** Characters of the text inside links. */
	linked: number;
	/** 1-6 for a heading. */
	heading: number;
	/** Index of the outermost open article, or -1. */
	article: number;
	inMain: boolean;
	pre: boolean;
}

/**
 * The headline and paragraphs of the article in an HTML page. Prefers the largest `<article>` (or
 * `itemprop="articleBody"`),
 * then `<main>` (or `role="main"`), then the whole `<body>`; leaves out scripts, styles,
 * comments, navigation, headers outside the article, footers, asides, forms, hidden elements and
 * anything whose class or id names page furniture (cookie banners, share buttons, related links),
 * and blocks that are mostly links. The headline is the first `<h1>` (the article's, else the
 * page's), else `og:title`, else `<title>` without the site's name; it also opens the text.
 * Entities are decoded; `<pre>` keeps its lines; CDATA sections are kept as text. One pass over
 * the input, so a 5 MB page takes linear time.
 *
 * @example htmlToText('<nav>Beranda</nav><article><h1>Banjir di Kota</h1><p>Air naik &amp; warga mengungsi.</p></article>')
 *   → { title: 'Banjir di Kota', text: 'Banjir di Kota\n\nAir naik & warga mengungsi.' }
 */
export function htmlToText(html: string, options: HtmlTextOptions = {}): HtmlText {
	const blocks: Block[] = [];
	const stack: OpenElement[] = [];
	/** How many elements of each name are open, so an end tag without a start tag costs nothing. */
	const openCount = new Map<string, number>();
	let skipDepth = 0;
	let articleDepth = 0;
	let mainDepth = 0;
	let preDepth = 0;
	let linkDepth = 0;
	let articles = 0;
	let currentArticle = -1;
	/** Articles marked with itemprop="articleBody", which win over plain <article> teasers. */
	const marked = new Set<number>();
	let pageTitle: string | undefined;
	let ogTitle: string | undefined;
	let url: string | undefined;

	let parts: string[] = [];
	let linked = 0;
	let heading = 0;

	const flush = () => {
		if (parts.length) {
			const text = tidy(parts.join(''));
			if (text)
				blocks.push({
					text,
					linked,
					heading,
					article: currentArticle,
					inMain: mainDepth > 0,
					pre: preDepth > 0
				});
		}
		parts = [];
		linked = 0;
	};
	const addText = (text: string) => {
		if (skipDepth || !text) return;
		// Outside <pre>, a line end in the source is a space; only <br> and blocks break lines.
		parts.push(preDepth ? text : text.replace(/\s+/g, ' '));
		if (linkDepth) linked += text.replace(/\s+/g, '').length;
	};

	const captions = options.captions ?? false;
	const n = html.length;
	let i = 0;
	// Searches that may run far ahead (a quote, an end tag) remember what they found, so that many
	// unclosed quotes cost one scan of the rest of the input, not one each.
	const nextDouble = finder(html, '"');
	const nextSingle = finder(html, "'");
	const nextEndTag = finder(html, '</');

	while (i < n) {
		const lt = html.indexOf('<', i);
		const textEnd = lt < 0 ? n : lt;
		if (textEnd > i) addText(decodeHTML(html.slice(i, textEnd)));
		if (lt < 0) break;
		i = lt;
		const next = html.charCodeAt(i + 1);
		if (html.startsWith('<!--', i)) {
			const end = html.indexOf('-->', i + 4);
			i = end < 0 ? n : end + 3;
			continue;
		}
		if (html.startsWith('<![CDATA[', i)) {
			const end = html.indexOf(']]>', i + 9);
			addText(html.slice(i + 9, end < 0 ? n : end));
			i = end < 0 ? n : end + 3;
			continue;
		}
		if (next === 33 /* ! */ || next === 63 /* ? */) {
			// A doctype, a processing instruction or a bogus comment: up to the next '>'.
			const end = html.indexOf('>', i + 2);
			i = end < 0 ? n : end + 1;
			continue;
		}
		const isEnd = next === 47; /* / */
		const nameStart = isEnd ? i + 2 : i + 1;
		if (!isAsciiLetter(html.charCodeAt(nameStart))) {
			// '<' not starting a tag is text: "a < b", "<3".
			addText('<');
			i += 1;
			continue;
		}
		let j = nameStart;
		while (j < n && !isTagNameEnd(html.charCodeAt(j))) j++;
		const name = html.slice(nameStart, j).toLowerCase();
		// Attributes, with quoted values that may hold '>'.
		const attrs: Record<string, string> = {};
		let selfClosing = false;
		for (;;) {
			while (j < n && isSpace(html.charCodeAt(j))) j++;
			if (j >= n) break;
			const c = html[j];
			if (c === '>') {
				j++;
				break;
			}
			if (c === '/') {
				selfClosing = html[j + 1] === '>';
				j++;
				continue;
			}
			const attrStart = j;
			while (j < n && !isAttrNameEnd(html.charCodeAt(j))) j++;
			if (j === attrStart) j++; // a stray '=' or quote: step over it
			const attrName = html.slice(attrStart, j).toLowerCase();
			while (j < n && isSpace(html.charCodeAt(j))) j++;
			let value = '';
			if (html[j] === '=') {
				j++;
				while (j < n && isSpace(html.charCodeAt(j))) j++;
				const q = html[j];
				if (q === '"' || q === "'") {
					let closeQuote = (q === '"' ? nextDouble : nextSingle)(j + 1);
					// An unclosed quote would swallow the page up to the next quote anywhere (or to its end);
					// a value running past an end tag is such a quote, so end it at the next '>' instead.
					if (closeQuote >= n || nextEndTag(j + 1) < closeQuote)
						closeQuote = indexOrEnd(html, '>', j + 1);
					value = html.slice(j + 1, closeQuote);
					j = closeQuote < n && html[closeQuote] === q ? closeQuote + 1 : closeQuote;
				} else {
					const start = j;
					while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
					value = html.slice(start, j);
				}
			}
			if (!isEnd && attrName && !(attrName in attrs)) attrs[attrName] = value;
		}
		i = j;

		if (isEnd) {
			if (!openCount.get(name)) {
				if (name === 'br' || name === 'p') addBreak(name); // </br> and a stray </p> still break
				continue;
			}
			// Close the nearest open element of this name, and everything left open inside it.
			for (;;) {
				const el = stack.pop()!;
				close(el);
				if (el.name === name) break;
			}
			continue;
		}

		if (name === 'meta') {
			const property = (attrs.property ?? attrs.name ?? '').toLowerCase();
			if (
				(property === 'og:title' || property === 'twitter:title') &&
				ogTitle === undefined &&
				attrs.content
			) {
				ogTitle = collapse(decodeHTMLAttribute(attrs.content)) || undefined;
			}
			if (property === 'og:url' && url === undefined) url = webAddress(attrs.content);
			continue;
		}
		if (name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.rel ?? '')) {
			url = webAddress(attrs.href) ?? url;
			continue;
		}
		if (RAW_TEXT.has(name) && !selfClosing) {
			const end = findEndTag(html, name, i);
			// The page's <title> sits in <head>, which is skipped; an <svg>'s own <title> is not the page's.
			if (
				name === 'title' &&
				pageTitle === undefined &&
				!openCount.get('svg') &&
				end.start - i < 10 * TITLE_MAX
			) {
				pageTitle = collapse(decodeHTML(html.slice(i, end.start)));
			}
			i = end.after;
			continue;
		}
		if (name === 'br') {
			addBreak('br');
			continue;
		}
		if (VOID.has(name) || selfClosing) {
			if (BLOCK.has(name)) flush();
			continue;
		}
		open(name, attrs);
	}
	while (stack.length) close(stack.pop()!);
	flush();

	function addBreak(kind: 'br' | 'p') {
		if (kind === 'p' || !preDepth) {
			if (kind === 'br' && parts.length) parts.push('\n');
			else flush();
		} else parts.push('\n');
	}

	function open(name: string, attrs: Record<string, string>) {
		// Content ends a <head> left open, as it does in a browser: <head><title>…<p>Isi.
		if (openCount.get('head') && (name === 'body' || BLOCK.has(name))) {
			for (;;) {
				const el = stack.pop()!;
				close(el);
				if (el.name === 'head') break;
			}
		}
		if (BLOCK.has(name)) flush();
		// schema.org's articleBody marks the article as surely as <article> does.
		const container =
			name === 'article' || attrs.itemprop === 'articleBody'
				? 'article'
				: name === 'main' || attrs.role === 'main'
					? 'main'
					: undefined;
		const skip =
			(SKIPPED.has(name) && !(name === 'figcaption' && captions)) ||
			(name === 'header' && articleDepth === 0 && mainDepth === 0) ||
			attrs.hidden !== undefined ||
			attrs['aria-hidden'] === 'true' ||
			attrs.role === 'navigation' ||
			attrs.role === 'banner' ||
			attrs.role === 'contentinfo' ||
			attrs.role === 'complementary' ||
			/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '') ||
			(!container && name !== 'body' && name !== 'html' && isFurniture(attrs, captions));
		const el: OpenElement = { name, skip, container, pre: name === 'pre', link: name === 'a' };
		stack.push(el);
		openCount.set(name, (openCount.get(name) ?? 0) + 1);
		if (skip) skipDepth++;
		if (container === 'article') {
			if (articleDepth === 0 && !skipDepth) currentArticle = articles++;
			if (attrs.itemprop === 'articleBody' && currentArticle >= 0) marked.add(currentArticle);
			articleDepth++;
		}
		if (container === 'main') mainDepth++;
		if (el.pre) preDepth++;
		if (el.link) linkDepth++;
		if (/^h[1-6]$/.test(name)) heading = Number(name[1]);
	}

	function close(el: OpenElement) {
		if (BLOCK.has(el.name)) flush();
		openCount.set(el.name, openCount.get(el.name)! - 1);
		if (el.skip) skipDepth--;
		if (el.container === 'article') {
			articleDepth--;
			if (articleDepth === 0) currentArticle = -1;
		}
		if (el.container === 'main') mainDepth--;
		if (el.pre) preDepth--;
		if (el.link) linkDepth--;
		if (/^h[1-6]$/.test(el.name)) heading = 0;
	}

	const out = choose(blocks, articles, marked, ogTitle, pageTitle);
	return url ? { ...out, url } : out;
}

/** An absolute http(s) address from an attribute, or undefined. */
function webAddress(value: string | undefined): string | undefined {
	const address = value ? decodeHTMLAttribute(value).trim() : '';
	return /^https?:\/\/[^\s<>"]+$/i.test(address) ? address : undefined;
}

/** Picks the article's blocks, drops link lists and filler, and finds the headline. */
function choose(
	blocks: Block[],
	articles: number,
	marked: Set<number>,
	ogTitle?: string,
	pageTitle?: string
): HtmlText {
	// A block that is mostly links is a menu, a tag list or a "read also" line.
	const kept = blocks.filter(
		(b) => b.heading === 1 || b.pre || b.linked < b.text.replace(/\s+/g, '').length * 0.5
	);
	const clean = kept.filter((b) => !FILLER_LINE.test(b.text));
	let chosen = clean;
	if (articles > 0) {
		const size = new Array<number>(articles).fill(0);
		for (const b of clean) if (b.article >= 0 && !b.heading) size[b.article] += b.text.length;
		// The article with the most text, among the marked ones if any has text (a loop: a spread of
		// very many sizes would overflow the stack).
		const candidates = [...marked].some((k) => size[k] > 0)
			? [...marked]
			: Array.from({ length: articles }, (_, k) => k);
		let best = candidates[0];
		for (const k of candidates) if (size[k] > size[best]) best = k;
		const inArticle = clean.filter((b) => b.article === best);
		if (inArticle.some((b) => !b.heading)) chosen = inArticle;
	}
	if (chosen === clean && clean.some((b) => b.inMain && !b.heading))
		chosen = clean.filter((b) => b.inMain);

	// A headline is short: an h1 or title of hundreds of characters is an unclosed tag swallowing the page.
	const short = (t: string | undefined) => (t && t.length <= TITLE_MAX ? t : undefined);
	const isHeadline = (b: Block) => b.heading === 1 && b.text.length <= TITLE_MAX;
	const h1 = chosen.find(isHeadline) ?? clean.find(isHeadline);
	const title =
		h1?.text.replace(/\s+/g, ' ') ??
		short(ogTitle) ??
		short(pageTitle && withoutSiteName(pageTitle));
	const paragraphs = chosen.filter((b) => b !== h1).map((b) => b.text);
	// The headline opens the text, once: an article may already open with it as an <h2>.
	const same = (a: string, b: string) =>
		a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
	if (title && !(paragraphs.length && same(paragraphs[0], title))) paragraphs.unshift(title);
	const text = paragraphs.join('\n\n');
	return title ? { title, text } : { text };
}

/**
 * A page title without the site's name after a separator: 'Banjir di Kota - Kabar Kita' → 'Banjir di Kota'.
 * The last part goes only when it is short (a name, not half a headline).
 */
export function withoutSiteName(title: string): string {
	const m = /^(.{10,}?)\s+[|–—-]\s+([^|–—-]{1,40})$/.exec(title);
	if (m && m[2].trim().split(/\s+/).length <= 4) return m[1].trim();
	return title;
}

/** All whitespace made single spaces; invisible characters (soft hyphens, zero-width spaces) removed. */
function collapse(text: string): string {
	return text
		.replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A block's text: spaces collapsed within each line, lines trimmed, empty lines dropped. */
function tidy(text: string): string {
	return text
		.replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
		.replace(/[^\S\n]+/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join('\n');
}

/** Where the end tag of a raw-text element starts, and where the text after it begins. */
function findEndTag(html: string, name: string, from: number): { start: number; after: number } {
	const re = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
	re.lastIndex = from;
	const m = re.exec(html);
	if (!m) return { start: html.length, after: html.length };
	return { start: m.index, after: indexOrEnd(html, '>', m.index) + 1 };
}

/**
 * `indexOf(needle, from)` that remembers its last answer: asked again from a later position before
 * that answer, it returns it without searching. Answers -1 as the input's length.
 */
function finder(text: string, needle: string): (from: number) => number {
	let askedFrom = Infinity;
	let found = -1;
	return (from) => {
		if (from < askedFrom || from > found) {
			askedFrom = from;
			found = indexOrEnd(text, needle, from);
		}
		return found;
	};
}

function indexOrEnd(text: string, what: string, from: number): number {
	const at = text.indexOf(what, from);
	return at < 0 ? text.length : at;
}

/** Whether an element's class or id names page furniture, or a caption when captions are not wanted. */
function isFurniture(attrs: Record<string, string>, captions: boolean): boolean {
	const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
	if (!names.trim()) return false;
	return names
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.some((w) => FURNITURE_WORDS.has(w) || (!captions && (w === 'caption' || w === 'keterangan')));
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isTagNameEnd(c: number): boolean {
	return isSpace(c) || c === 47 || c === 62;
}

function isAttrNameEnd(c: number): boolean {
	return isSpace(c) || c === 47 || c === 62 || c === 61;
}

/**
 * Whether a text is an HTML document or fragment rather than plain text that mentions a tag:
 * a doctype or an `<html>`, `<head>` or `<body>` tag near its start, or several paired block
 * tags (`<p>…</p>`, `<div>…</div>`). A sentence with one `<b>` in it is plain text.
 * @example looksLikeHtml('<!DOCTYPE html><html><body><p>Halo</p></body></html>') → true
 * @example looksLikeHtml('Dia <b>mengatakan</b> itu.') → false
 */
export function looksLikeHtml(text: string): boolean {
	const head = text
		.slice(0, 2048)
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (/^<!doctype\s+html\b/i.test(head) || /^<html[\s>]/i.test(head)) return true;
	if (/^<\?xml\b[^>]*>\s*(?:<!doctype\s+html\b|<html[\s>])/i.test(head)) return true;
	if (/<(?:head|body)[\s>]/i.test(head) && /<\/(?:head|body|html)>/i.test(text)) return true;
	const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
	const opens =
		sample.match(
			/<(?:p|div|h[1-6]|li|article|section|main|table|tr|td|ul|ol|blockquote)(?:\s[^<>]*)?>/gi
		)?.length ?? 0;
	const closes =
		sample.match(/<\/(?:p|div|h[1-6]|li|article|section|main|table|tr|td|ul|ol|blockquote)\s*>/gi)
			?.length ?? 0;
	return opens >= 2 && closes >= 2;
}
