// Turns what a learner pastes or opens (.txt, .md, .html) into an article's title and plain text, or a message saying why not.

import { htmlToText, looksLikeHtml, type HtmlTextOptions } from './html';
import { checkFileSize, checkText, decodeText, textBody } from './input';
import { markdownToText } from './markdown';

/** How the input was read. */
export type ArticleFormat = 'text' | 'markdown' | 'html';

export type ArticleInput =
	| {
			ok: true;
			title: string;
			/** Plain text, paragraphs split by blank lines. */
			text: string;
			/** Where the article came from, when the file says so (a page's canonical address, front matter `source`). */
			source?: string;
			format: ArticleFormat;
			/** Whether `text` opens with `title` as its first line (so it is the headline), or the title came from elsewhere. */
			titleInText: boolean;
			/** Lines with no sentence punctuation that were broken up, as `splitRunOnLines` does. */
			splitLines: number;
	  }
	| { ok: false; message: string };

/** The longest first line that is taken as the title. */
export const TITLE_MAX_CHARS = 120;

/** Files that are not text, told by their first bytes. */
const MAGIC: { name: string; bytes: (number | undefined)[] }[] = [
	{ name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
	{ name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
	{ name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
	{
		name: 'a WebP image',
		bytes: [
			0x52,
			0x49,
			0x46,
			0x46,
			undefined,
			undefined,
			undefined,
			undefined,
			0x57,
			0x45,
			0x42,
			0x50
		]
	},
	{ name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
	{ name: 'a ZIP archive (or a Word, OpenDocument or EPUB file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
	{ name: 'a gzip archive', bytes: [0x1f, 0x8b] },
	{ name: 'an old Word document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }
];

/**
 * Types a browser reports for files that are surely not text. Not application/octet-stream: some
 * browsers report it for any file they have no type for, a .md file among them.
 */
const BINARY_TYPE =
	/^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|x-zip|gzip|x-gzip|msword|vnd\.openxmlformats|vnd\.oasis|epub)/i;

/** A run of this many characters without sentence punctuation is broken into lines. */
const RUN_ON_CHARS = 1000;
/** Pieces of a broken run-on line are about this long, cut at a space. */
const PIECE_CHARS = 300;
/** One unbroken string (no space) this long is not running text. */
const UNBROKEN_CHARS = 1000;

/**
 * Reads an opened file or a pasted text as an article. `content` is the file's bytes or the
 * pasted string; `name` is the file name ('' for a paste) and `type` the MIME type the browser
 * reported ('' when unknown). Refuses, with a message for the learner: an empty text; a binary
 * file (an image, PDF or ZIP by its first bytes or type, NUL bytes, mostly invalid UTF-8); a text
 * over 5 MB (by `input.ts`). An HTML file (by name, type or, for a paste, by its looks) is reduced
 * to its article by `html.ts`; a Markdown file to its text by `markdown.ts`; a `.txt` file is
 * plain text even when it holds markup. A UTF-8 file with a few bad bytes keeps its good text; a
 * file that is not UTF-8 at all (a few accented letters in Windows-1252) is read as Windows-1252.
 *
 * Run-on lines: a line with over 1,000 characters and no sentence punctuation is accepted and cut
 * at spaces into lines of about 300 characters (`splitLines` counts them), so the analyser has
 * sentence-sized units; a text that is mostly one unbroken string of over 1,000 characters
 * without a space (an encoded blob, a hash) is refused as not running text.
 *
 * `options.captions` keeps the captions of an HTML page's figures (see `htmlToText`).
 *
 * Title: front matter's `title` (Markdown) or the page's headline (HTML); else the first line
 * when it has at most 120 characters and does not end in a full stop; else the file name without
 * its extension, with markup removed, and 'Pasted text' for a paste.
 *
 * @example readArticleInput('banjir.txt', 'text/plain', 'Banjir di kota\n\nAir naik.')
 *   → { ok: true, title: 'Banjir di kota', text: 'Banjir di kota\n\nAir naik.', format: 'text', titleInText: true, splitLines: 0 }
 * @example readArticleInput('foto.png', 'image/png', pngBytes) → { ok: false, message: 'foto.png is a PNG image, not a text file: …' }
 */
export function readArticleInput(
	name: string,
	type: string,
	content: Uint8Array | ArrayBuffer | string,
	options: HtmlTextOptions = {}
): ArticleInput {
	const label = plainName(name) || undefined;
	let raw: string;
	if (typeof content === 'string') {
		const check = checkText(content, label);
		if (!check.ok) return check;
		raw = check.text;
	} else {
		const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
		const decoded = decodeBytes(bytes, label ?? 'This file', type);
		if (!decoded.ok) return decoded;
		raw = decoded.text;
	}

	const format = formatOf(name, type, raw);
	let title: string | undefined;
	let source: string | undefined;
	let text: string;
	if (format === 'html') {
		const page = htmlToText(raw, options);
		({ title, text } = page);
		source = page.url;
	} else if (format === 'markdown') {
		({ title, source, text } = markdownToText(raw));
	} else {
		text = textBody(raw)
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.replace(/^\s*\n|\s+$/g, '');
	}
	if (!/\p{L}/u.test(text)) {
		const what = label ?? 'This text';
		return {
			ok: false,
			message:
				format === 'html'
					? `${what} has no article text: Kartu found no paragraphs in the page.`
					: `${what} has no words to analyse.`
		};
	}
	if (isMostlyUnbroken(text)) {
		return {
			ok: false,
			message: `${label ?? 'This text'} is not running text: it is mostly one long string without spaces. Paste or open an article.`
		};
	}
	const split = splitRunOnLines(text);
	text = split.text;

	const firstLine = text.split('\n', 1)[0].trim();
	if (!title && isTitleLine(firstLine)) title = firstLine;
	const titleInText = title !== undefined && firstLine === title;
	if (!title) title = titleFromName(name);
	return {
		ok: true,
		title,
		text,
		...(source ? { source } : {}),
		format,
		titleInText,
		splitLines: split.lines
	};
}

/** Bytes decoded as text by `decodeText`, after the checks it does not make (first bytes, type, legacy encodings). */
function decodeBytes(
	bytes: Uint8Array,
	name: string,
	type: string
): { ok: true; text: string } | { ok: false; message: string } {
	const tooLarge = checkFileSize(bytes.length, name);
	if (tooLarge) return tooLarge as { ok: false; message: string };
	const magic = MAGIC.find((m) => m.bytes.every((b, i) => b === undefined || bytes[i] === b));
	if (magic)
		return {
			ok: false,
			message: `${name} is ${magic.name}, not a text file: open a .txt, .md or .html file, or paste the text.`
		};
	if (BINARY_TYPE.test(type))
		return {
			ok: false,
			message: `${name} is not a text file (${type}): open a .txt, .md or .html file, or paste the text.`
		};
	const decoded = decodeText(bytes, name);
	if (decoded.ok || bytes.includes(0)) return decoded;
	// Not valid UTF-8 (and no NUL bytes): a few bad bytes in UTF-8 text, or another encoding.
	const counts = utf8Counts(bytes);
	if (counts.invalid > bytes.length * 0.1 || hasManyControls(bytes)) return decoded;
	const text =
		counts.multibyte > counts.invalid
			? new TextDecoder('utf-8').decode(bytes).replace(/\ufffd/g, '')
			: decodeWindows1252(bytes);
	return checkText(text, name);
}

/** Windows-1252 at 0x80-0x9f (curly quotes, dashes, €); Latin-1 elsewhere. Undefined bytes are dropped. */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/**
 * Bytes read as Windows-1252, the encoding of older Windows text files. Written out because
 * some runtimes' TextDecoder reads this label as Latin-1, losing the curly quotes.
 * @example decodeWindows1252(new Uint8Array([0x93, 0x4b, 0x94])) → '“K”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	const out: string[] = [];
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		out.push(
			Array.from(chunk, (b) =>
				b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)
			).join('')
		);
	}
	// eslint-disable-next-line no-control-regex -- NUL bytes are what is being removed
	return out.join('').replace(/\u0000/g, '');
}

/**
 * Valid multi-byte sequences and invalid bytes in a UTF-8 byte string.
 * @example utf8Counts(new TextEncoder().encode('Kafé')) → { multibyte: 1, invalid: 0 }; utf8Counts(new Uint8Array([0xe9])) → { multibyte: 0, invalid: 1 }
 */
export function utf8Counts(bytes: Uint8Array): { multibyte: number; invalid: number } {
	let multibyte = 0;
	let invalid = 0;
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		const need =
			b < 0x80
				? 0
				: b >= 0xc2 && b <= 0xdf
					? 1
					: b >= 0xe0 && b <= 0xef
						? 2
						: b >= 0xf0 && b <= 0xf4
							? 3
							: -1;
		if (need === 0) {
			i++;
			continue;
		}
		let ok = need > 0;
		for (let k = 1; ok && k <= need; k++)
			ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
		if (ok) {
			multibyte++;
			i += need + 1;
		} else {
			invalid++;
			i++;
		}
	}
	return { multibyte, invalid };
}

/** More than 1% control characters other than tab, line ends and form feed: a binary file. */
function hasManyControls(bytes: Uint8Array): boolean {
	let controls = 0;
	for (const b of bytes) if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) controls++;
	return controls > bytes.length * 0.01;
}

/**
 * How to read an input: by its extension, then its type; a paste or an unknown kind of file is
 * HTML only when it looks like HTML. A `.txt` or text/plain file is plain text, markup and all.
 * @example formatOf('a.htm', '', '…') → 'html'; formatOf('', '', '<p>Satu.</p><p>Dua.</p>') → 'html'
 */
export function formatOf(name: string, type: string, text: string): ArticleFormat {
	const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1].toLowerCase();
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
	if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
	if (ext === 'txt' || ext === 'text') return 'text';
	const mime = type.split(';')[0].trim().toLowerCase();
	if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
	if (mime === 'text/markdown' || mime === 'text/x-markdown') return 'markdown';
	if (mime === 'text/plain') return 'text';
	return looksLikeHtml(text) ? 'html' : 'text';
}

/**
 * Whether a line can be the title: at most 120 characters, with a letter, not ending in a full stop.
 * @example isTitleLine('Banjir di kota') → true; isTitleLine('Air naik pagi ini.') → false
 */
export function isTitleLine(line: string): boolean {
	return line.length <= TITLE_MAX_CHARS && /\p{L}/u.test(line) && !line.endsWith('.');
}

/**
 * A title made from a file name: no folders, no extension, no markup, underscores and dashes
 * as spaces, at most 120 characters; 'Pasted text' when there is no name.
 * @example titleFromName('berita_banjir-jakarta.html') → 'berita banjir jakarta'
 * @example titleFromName('<b>x</b>.txt') → 'x'
 */
export function titleFromName(name: string): string {
	const base = plainName(name).replace(/\.[a-z0-9]{1,9}$/i, '');
	const words = base
		.replace(/[_]+|(?<=\S)-+(?=\S)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const title =
		words.length > TITLE_MAX_CHARS ? `${words.slice(0, TITLE_MAX_CHARS - 1).trimEnd()}…` : words;
	return /\p{L}|\p{N}/u.test(title) ? title : 'Pasted text';
}

/** A file name as plain text: without folders, tags, control characters or extra spaces. */
function plainName(name: string): string {
	return (
		name
			.replace(/<[^>]*>?/g, '')
			.replace(/^.*[\\/]/, '')
			.replace(/[<>]/g, '')
			// eslint-disable-next-line no-control-regex -- control characters are what is being removed
			.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Whether most of a text is strings of over 1,000 characters without a space (one pass, no regex backtracking). */
function isMostlyUnbroken(text: string): boolean {
	let unbroken = 0;
	let run = 0;
	for (let i = 0; i <= text.length; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 32;
		if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) {
			if (run >= UNBROKEN_CHARS) unbroken += run;
			run = 0;
		} else run++;
	}
	return unbroken > text.length / 2;
}

/**
 * Lines with over 1,000 characters and no sentence punctuation, cut at spaces into lines of about
 * 300 characters; other lines, and punctuated stretches of long lines, stay as they are.
 * @example splitRunOnLines('kata '.repeat(400)).lines → 1 (and the text is now 7 lines)
 */
export function splitRunOnLines(text: string): { text: string; lines: number } {
	let lines = 0;
	const out = text.split('\n').map((line) => {
		if (line.length <= RUN_ON_CHARS) return line;
		// Each stretch between sentence punctuation is cut only when it is itself too long.
		const pieces = line.split(/(?<=[.!?…;:]["”’)\]]*\s)/u);
		let changed = false;
		const fixed = pieces.map((stretch) => {
			if (stretch.length <= RUN_ON_CHARS) return stretch;
			changed = true;
			return cutAtSpaces(stretch, PIECE_CHARS).join('\n') + (/\s$/.test(stretch) ? ' ' : '');
		});
		if (changed) lines++;
		return fixed.join('').replace(/[^\S\n]*\n[^\S\n]*/g, '\n');
	});
	return { text: out.join('\n'), lines };
}

/** A stretch cut at the last space before every `size` characters (or at `size` when there is none). */
function cutAtSpaces(stretch: string, size: number): string[] {
	const out: string[] = [];
	let rest = stretch.trim();
	while (rest.length > size) {
		let at = rest.lastIndexOf(' ', size);
		if (at < size / 2) at = rest.indexOf(' ', size);
		if (at < 0) break;
		out.push(rest.slice(0, at).trim());
		rest = rest.slice(at + 1).trimStart();
	}
	if (rest) out.push(rest);
	return out;
}

/**
 * A stable fingerprint of an article's text, so that the same article added twice is noticed:
 * Unicode-normalised (NFKC), lowercased, typographic quotes and dashes made plain, invisible
 * characters removed and all whitespace made single spaces, then hashed with two 32-bit FNV-1a
 * variants into 16 hex digits.
 * @example articleFingerprint('Banjir  di\nKota.') === articleFingerprint('banjir di kota.') → true
 */
export function articleFingerprint(text: string): string {
	const normal = text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
		.replace(/[‘’‚‛′]/g, "'")
		.replace(/[“”„‟″]/g, '"')
		.replace(/[‐‑‒–—―−]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ normal.length;
	for (let i = 0; i < normal.length; i++) {
		const c = normal.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	return hex(a) + hex(b);
}

function hex(n: number): string {
	return (n >>> 0).toString(16).padStart(8, '0');
}
