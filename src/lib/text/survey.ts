// What Kartu makes of any text: its sentences and words, and every headword with its root, the
// lexicon's gloss and part of speech, how often it occurs and how it is built. A long text is
// analysed a few sentences at a time, so that whoever drives it can report progress and stop.

import { analyseSentence } from './document';
import { createAnalyser, type Lexicon } from './lemmatise';
import type { Phrase } from './phrases';
import { splitSentences } from './segment';
import type { Analysis, Sentence } from './types';

/** The largest text Kartu analyses: 5 MB of UTF-8, about 700,000 words. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
const LIMIT = '5 MB';

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * The UTF-8 length of a string, counted without encoding it; counting stops once it passes `stopAbove`.
 * @example utf8Length('kata') → 4; utf8Length('–') → 3
 */
export function utf8Length(text: string, stopAbove = Infinity): number {
	let n = 0;
	for (let i = 0; i < text.length && n <= stopAbove; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
			// A surrogate pair is one code point of four bytes.
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

/** Megabytes with one decimal: 5452595 → '5.2 MB'. */
function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Whether a pasted text (or a decoded file, named `name`) can be analysed: not empty, not over
 * 5 MB, no NUL characters (a sign of a binary file), and with at least one letter.
 * @example checkText('  ') → { ok: false, message: 'There is no text to analyse: …' }
 * @example checkText('Dia mengatakan itu.') → { ok: true, text: 'Dia mengatakan itu.' }
 */
export function checkText(text: string, name?: string): TextCheck {
	const what = name ?? 'This text';
	if (!/\S/.test(text)) {
		return { ok: false, message: name ? `${name} is empty: there is no text to analyse.` : 'There is no text to analyse: paste some Indonesian text or open a .txt or .md file.' };
	}
	const bytes = utf8Length(text, MAX_TEXT_BYTES);
	if (bytes > MAX_TEXT_BYTES) return { ok: false, message: `${what} is over ${LIMIT}; Kartu analyses texts of up to ${LIMIT}. Nothing was analysed.` };
	if (text.includes('\0')) return notText(name);
	if (!/\p{L}/u.test(text)) return { ok: false, message: `${what} has no words to analyse.` };
	return { ok: true, text };
}

function notText(name = 'This') {
	return { ok: false as const, message: `${name} is not a text file: open a .txt or .md file saved as UTF-8 (or UTF-16).` };
}

/**
 * Refuses a file over 5 MB by its size alone, before it is read.
 * @example checkFileSize(6_000_000, 'big.txt') → { ok: false, message: 'big.txt is 5.7 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.' }
 */
export function checkFileSize(size: number, name: string): TextCheck | undefined {
	if (size <= MAX_TEXT_BYTES) return undefined;
	return { ok: false, message: `${name} is ${megabytes(size)}; Kartu analyses texts of up to ${LIMIT}. Nothing was analysed.` };
}

/**
 * Decodes an opened file as text: UTF-8 (with or without a byte-order mark), or UTF-16 when it
 * starts with a UTF-16 byte-order mark. Anything else (NUL bytes, invalid UTF-8) is not text.
 * @example decodeText(new TextEncoder().encode('Dia mengatakan itu.'), 'a.txt') → { ok: true, text: 'Dia mengatakan itu.' }
 * @example decodeText(pngBytes, 'photo.png') → { ok: false, message: 'photo.png is not a text file: …' }
 */
export function decodeText(bytes: Uint8Array, name: string): TextCheck {
	const tooLarge = checkFileSize(bytes.length, name);
	if (tooLarge) return tooLarge;
	const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
	if (!utf16 && bytes.includes(0)) return notText(name);
	let text: string;
	try {
		text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
	} catch {
		return notText(name);
	}
	return checkText(text, name);
}

/**
 * The text to analyse: line ends made `\n`, and the front matter of a Kartu article (`---` … `---`)
 * left out, so an article file reads as its body.
 * @example textBody('---\nslug: a\n---\nSatu.\r\nDua.') → 'Satu.\nDua.'
 */
export function textBody(text: string): string {
	const unix = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const front = /^---\n(?:[A-Za-z_]+:[^\n]*\n)*---\n/.exec(unix);
	return front ? unix.slice(front[0].length) : unix;
}

/**
 * How a word is built, prefixes and suffixes around its root, as the word panel writes it.
 * @example builtAs('kata', ['meN-', '-kan']) → 'meN- + kata + -kan'
 * @example builtAs('sayur', ['R']) → 'sayur, reduplicated'
 * @example builtAs('kata', []) → 'root word'
 */
export function builtAs(root: string, affixes: string[]): string {
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	const suffixes = affixes.filter((a) => a.startsWith('-'));
	if (!prefixes.length && !suffixes.length) return affixes.includes('R') ? `${root}, reduplicated` : 'root word';
	const parts = [...prefixes, root, ...suffixes].join(' + ');
	return affixes.includes('R') ? `${parts}, reduplicated` : parts;
}

/** Which rows a table shows: the text's words, the words the lexicon does not know, or its names. */
export type SurveyView = 'words' | 'unknown' | 'names';

/** The kind of a headword in the table. */
export type HeadwordKind = 'word' | 'function' | 'abbr' | 'phrase' | 'name';

/** One row of the table of headwords. */
export interface SurveyRow {
	headword: string;
	root: string;
	/** Gloss of the root from the lexicon (of the expression, for a fixed expression); '' when unknown. */
	gloss: string;
	pos: string;
	count: number;
	/** How the headword is built: 'meN- + kata + -kan'. */
	built: string;
	/** False when the root is not in the lexicon and the analysis is a guess. */
	verified: boolean;
	kind: HeadwordKind;
	/** The words around its first occurrence, cut at about 140 characters. */
	example: string;
}

export interface SurveySummary {
	sentences: number;
	/** Word tokens; numbers and punctuation are not words. */
	words: number;
	/** Distinct words, as written (lowercased). */
	distinct: number;
	/** Rows of each view. */
	headwords: number;
	unknown: number;
	names: number;
}

export interface SurveyPage {
	view: SurveyView;
	offset: number;
	/** Rows in the whole view. */
	total: number;
	rows: SurveyRow[];
}

interface Entry {
	analysis: Analysis;
	kind: HeadwordKind;
	count: number;
	/** Where it first occurs: sentence index and offset into that sentence's text. */
	sentence: number;
	at: number;
}

const EXAMPLE_BEFORE = 50;
const EXAMPLE_AFTER = 90;

/**
 * The analysis of one text, run a few sentences at a time with `step`. Pure: no clock, no I/O.
 * @example
 * const s = new TextSurvey('Dia mengatakan itu.', lex);
 * while (!s.step(200));
 * s.page('words', 0, 10).rows[1] → { headword: 'mengatakan', root: 'kata', built: 'meN- + kata + -kan', … }
 */
export class TextSurvey {
	readonly sentences: Sentence[];
	#lex: Lexicon;
	#analyse: (written: string) => Analysis;
	#next = 0;
	#words = 0;
	#surfaces = new Set<string>();
	#entries = new Map<string, Entry>();
	#views: Record<SurveyView, Entry[]> | undefined;
	#phrases: Map<string, Phrase>;

	constructor(text: string, lex: Lexicon) {
		this.#lex = lex;
		this.#analyse = createAnalyser(lex);
		this.#phrases = new Map(lex.phrases.map((p) => [p.headword, p]));
		this.sentences = splitSentences('text', textBody(text));
	}

	/** Sentences analysed so far. */
	get done(): number {
		return this.#next;
	}

	get finished(): boolean {
		return this.#next >= this.sentences.length;
	}

	/** Analyses up to `count` more sentences; true once every sentence is analysed. */
	step(count: number): boolean {
		const end = Math.min(this.sentences.length, this.#next + count);
		for (; this.#next < end; this.#next++) this.#add(this.#next);
		return this.finished;
	}

	#add(index: number): void {
		const s = analyseSentence(this.sentences[index], this.#analyse, this.#lex);
		s.tokens.forEach((t, i) => {
			const a = t.analysis;
			if (!a) return;
			if (a.cls !== 'number') {
				this.#words++;
				this.#surfaces.add(a.surface);
			}
			if (t.phrase !== undefined) {
				// A fixed expression counts once, at its first word, and its words not on their own.
				const p = s.phrases[t.phrase];
				if (p.parts[0][0] === i) this.#count(p.analysis, 'phrase', index, t.start);
				return;
			}
			if (a.cls !== 'number') this.#count(a, a.cls, index, t.start);
		});
	}

	#count(a: Analysis, kind: HeadwordKind, sentence: number, at: number): void {
		const key = `${kind}:${a.headword}`;
		const e = this.#entries.get(key);
		if (e) e.count++;
		else this.#entries.set(key, { analysis: a, kind, count: 1, sentence, at });
	}

	summary(): SurveySummary {
		const views = this.#sorted();
		return {
			sentences: this.sentences.length,
			words: this.#words,
			distinct: this.#surfaces.size,
			headwords: views.words.length,
			unknown: views.unknown.length,
			names: views.names.length
		};
	}

	/** Rows `offset` to `offset + limit` of a view, most frequent first, then in order of appearance. */
	page(view: SurveyView, offset: number, limit: number): SurveyPage {
		const rows = this.#sorted()[view];
		const from = Math.max(0, Math.min(offset, rows.length));
		return { view, offset: from, total: rows.length, rows: rows.slice(from, from + limit).map((e) => this.#row(e)) };
	}

	#sorted(): Record<SurveyView, Entry[]> {
		if (this.#views && this.finished) return this.#views;
		const all = [...this.#entries.values()];
		// Map order is the order of first appearance, and the sort is stable.
		all.sort((a, b) => b.count - a.count);
		const views: Record<SurveyView, Entry[]> = { words: [], unknown: [], names: [] };
		for (const e of all) {
			if (e.kind === 'name') views.names.push(e);
			else {
				views.words.push(e);
				if (!e.analysis.verified) views.unknown.push(e);
			}
		}
		this.#views = views;
		return views;
	}

	#row(e: Entry): SurveyRow {
		const a = e.analysis;
		const base = { headword: a.headword, root: a.root, count: e.count, verified: a.verified, kind: e.kind, example: this.#example(e) };
		const lex = this.#lex;
		switch (e.kind) {
			case 'phrase': {
				const p = this.#phrases.get(a.headword);
				return { ...base, root: a.headword, gloss: p?.gloss ?? '', pos: p?.pos ?? '', built: 'fixed expression' };
			}
			case 'abbr': {
				const abbr = lex.abbreviations.get(a.surface);
				return { ...base, gloss: abbr?.gloss ?? '', pos: 'abbreviation', built: a.expansion ? `stands for ${a.expansion}` : 'abbreviation' };
			}
			case 'name':
				return { ...base, gloss: '', pos: 'name', built: 'name' };
			default: {
				const entry = lex.roots.get(a.root);
				const pos = e.kind === 'function' ? 'function word' : (entry?.pos ?? '');
				return { ...base, gloss: entry?.gloss ?? '', pos, built: builtAs(a.root, a.affixes) };
			}
		}
	}

	#example(e: Entry): string {
		const text = this.sentences[e.sentence].text;
		// Cut at spaces, so that no word is cut in two.
		let from = Math.max(0, e.at - EXAMPLE_BEFORE);
		if (from > 0) from = text.indexOf(' ', from) + 1 || e.at;
		let to = Math.min(text.length, e.at + EXAMPLE_AFTER);
		if (to < text.length) to = text.lastIndexOf(' ', to) > e.at ? text.lastIndexOf(' ', to) : to;
		return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
	}
}
