// Splits an article body into sentences and a sentence into tokens with exact character offsets.

import type { Sentence, SentenceKind, Token } from './types';

/** Words written with a full stop that does not end the sentence (compared lowercased, without the stop). */
const ABBREVIATIONS_WITH_STOP = new Set([
	'dr',
	'drs',
	'dra',
	'ir',
	'prof',
	'no',
	'hlm',
	'dll',
	'dsb',
	'dst',
	'tsb',
	'yth',
	'jl',
	'jln',
	'kec',
	'kab',
	'sdr',
	'bpk',
	'st',
	'h',
	'hj',
	'kh',
	'mr',
	'mrs',
	'ms',
	'vs',
	'a.n',
	'u.p',
	'm.si',
	's.h'
]);

/** A line of nothing but dashes, dots or other punctuation separates parts of a page; it is not text. */
const SEPARATOR = /^[\p{P}\p{S}\s]*$/u;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…;:]["”’)\]]*$|["”’]$/u;
const CAPTION_MAX_WORDS = 15;

/**
 * FNV-1a over UTF-16 code units, as 7 base-36 characters: short, stable ids for sentence texts.
 * @example textHash('Keputusan ini sangat penting dari dua sisi;') → 'a1b2c3d' (some fixed value)
 */
export function textHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(36).padStart(7, '0');
}

/** Sentence id built from the article slug and the sentence text, so edits elsewhere never change it. */
export function sentenceId(slug: string, text: string): string {
	return `${slug}#${textHash(text.normalize('NFC'))}`;
}

/**
 * The article body as sentences. The first line is the headline (unless `options.headline` is false); a later short line without
 * sentence-final punctuation is a photo caption; both stay one unit each. Other lines are
 * paragraphs, split at `.`, `!`, `?` (with any closing quote) before a capital, a digit or a quote.
 *
 * @example splitSentences('x', 'Judul\n-\nKeterangan foto\nSatu. Dua.') → headline 'Judul', caption 'Keterangan foto', body 'Satu.', 'Dua.'
 */
export function splitSentences(
	slug: string,
	body: string,
	options: { headline?: boolean } = {}
): Sentence[] {
	const out: Sentence[] = [];
	let paragraph = 0;
	// Without a headline (a pasted text that does not open with a title), every line is text.
	let first = options.headline ?? true;
	for (const rawLine of body.split('\n')) {
		const line = rawLine.trim();
		if (!line || SEPARATOR.test(line)) continue;
		let kind: SentenceKind;
		if (first) kind = 'headline';
		else if (!TERMINAL.test(line) && line.split(/\s+/).length <= CAPTION_MAX_WORDS)
			kind = 'caption';
		else kind = 'body';
		first = false;
		const parts = kind === 'body' ? splitParagraph(line) : [line];
		for (const text of parts) out.push({ id: sentenceId(slug, text), text, kind, paragraph });
		paragraph++;
	}
	return out;
}

/** Splits one paragraph into sentences; returns trimmed texts. */
export function splitParagraph(line: string): string[] {
	const sentences: string[] = [];
	// A stop, then closing quotes/brackets, then space, then what may start a sentence.
	const boundary = /([.!?…]+)(["”’)\]]*)(\s+)(?=["“‘([]?[\p{Lu}\d])/gu;
	let start = 0;
	for (const m of line.matchAll(boundary)) {
		const stopAt = m.index;
		if (m[1] === '.' && !m[2] && isAbbreviationBefore(line, stopAt)) continue;
		const end = stopAt + m[1].length + m[2].length;
		sentences.push(line.slice(start, end).trim());
		start = end + m[3].length;
	}
	const rest = line.slice(start).trim();
	if (rest) sentences.push(rest);
	return sentences;
}

function isAbbreviationBefore(line: string, stopAt: number): boolean {
	const before = /([\p{L}.]+)$/u.exec(line.slice(0, stopAt));
	if (!before) return false;
	const word = before[1].toLowerCase();
	// A lone capital letter before a stop is an initial (Susilo B. Yudhoyono).
	if (/^\p{Lu}$/u.test(before[1])) return true;
	return ABBREVIATIONS_WITH_STOP.has(word);
}

const TOKEN =
	/([kK]e-\d+)|(\d+(?:[.,/:]\d+)*%?)|(\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)|(\S)/gu;

/**
 * The tokens of one sentence, with offsets into it. A reduplicated word (negara-negara,
 * berlari-lari, sayur-mayur) is one token; a hyphen between two different capitalised names
 * (Azerbaijan-Iran) splits them; `ke-11` and `14/12` are numbers.
 */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const m of text.matchAll(TOKEN)) {
		const start = m.index;
		const s = m[0];
		if (m[1] || m[2]) tokens.push({ text: s, kind: 'number', start, end: start + s.length });
		else if (m[3]) {
			const parts = s.split('-');
			if (parts.length > 1 && splitsAsNames(parts)) {
				let at = start;
				parts.forEach((part, i) => {
					if (i > 0) {
						tokens.push({ text: '-', kind: 'punct', start: at, end: at + 1 });
						at++;
					}
					tokens.push({ text: part, kind: 'word', start: at, end: at + part.length });
					at += part.length;
				});
			} else tokens.push({ text: s, kind: 'word', start, end: start + s.length });
		} else tokens.push({ text: s, kind: 'punct', start, end: start + s.length });
	}
	return tokens;
}

/** Two capitalised parts that are not a reduplication of each other are two names (Tehran-Baku). */
function splitsAsNames(parts: string[]): boolean {
	if (!parts.every((p) => /^\p{Lu}/u.test(p))) return false;
	for (let i = 1; i < parts.length; i++) {
		if (isReduplicationPair(parts[i - 1], parts[i])) return false;
	}
	return true;
}

/**
 * Whether two hyphen-joined parts are a reduplication: the same word (anak-anak), one inside the
 * other (berlari-lari, kemerah-merahan) or a rhyme on the last three letters or more (sayur-mayur).
 */
export function isReduplicationPair(a: string, b: string): boolean {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	if (x === y || x.includes(y) || y.includes(x)) return true;
	// kemerah-merahan, setinggi-tingginya: the second part minus its suffix ends the first part
	if (y.length > 3 && x.endsWith(y.replace(/(an|kan|i|nya)$/, ''))) return true;
	// rhyme: sayur-mayur, lauk-pauk; also vowel-changing pairs such as bolak-balik
	if (x.length >= 4 && y.length >= 4 && x.slice(-3) === y.slice(-3)) return true;
	const consonants = (w: string) => w.replace(/[aeiou]/g, '');
	return x.length === y.length && x.length >= 4 && consonants(x) === consonants(y);
}
