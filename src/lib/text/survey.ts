// What Kartu makes of any text: its sentences and words, and every headword with its root, the
// lexicon's gloss and part of speech, how often it occurs and how it is built. A long text is
// analysed a few sentences at a time, so that whoever drives it can report progress and stop.

import { blendOf } from './blends';
import { analyseSentence, lowercaseWords, type AnalysedSentence } from './document';
import { textBody } from './input';
import { createAnalyser, type Lexicon } from './lemmatise';
import type { Phrase } from './phrases';
import { splitSentences } from './segment';
import type { Analysis, Sentence } from './types';

/**
 * How a word is built, prefixes and suffixes around its root, as the word panel writes it.
 * @example builtAs('kata', ['meN-', '-kan']) → 'meN- + kata + -kan'
 * @example builtAs('sayur', ['R']) → 'sayur, reduplicated'
 * @example builtAs('kata', []) → 'root word'
 */
export function builtAs(root: string, affixes: string[]): string {
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	const suffixes = affixes.filter((a) => a.startsWith('-'));
	if (!prefixes.length && !suffixes.length)
		return affixes.includes('R') ? `${root}, reduplicated` : 'root word';
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
	/** Occurrences of headwords (names left out), and how many of them have a root the lexicon knows. */
	headwordTokens: number;
	knownTokens: number;
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
	/** Words the text writes in lowercase somewhere, so a capital at a sentence's start is not taken for a name. */
	#lowercase: Set<string>;

	/** Every sentence analysed so far, in order: kept only when the constructor is asked to (an article being added). */
	readonly analysed: AnalysedSentence[] = [];
	#keep: boolean;

	/**
	 * `options.slug` names the sentences' ids (`slug#hash`); `options.keep` keeps each analysed
	 * sentence in `analysed`, for building the text's deck; `options.headline: false` reads the
	 * first line as text, not as a headline.
	 */
	constructor(
		text: string,
		lex: Lexicon,
		options: { slug?: string; keep?: boolean; headline?: boolean } = {}
	) {
		this.#lex = lex;
		this.#analyse = createAnalyser(lex);
		this.#phrases = new Map(lex.phrases.map((p) => [p.headword, p]));
		this.#keep = options.keep ?? false;
		const body = textBody(text);
		this.sentences = splitSentences(options.slug ?? 'text', body, options);
		this.#lowercase = lowercaseWords(body);
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
		const s = analyseSentence(this.sentences[index], this.#analyse, this.#lex, this.#lowercase);
		if (this.#keep) this.analysed.push(s);
		s.tokens.forEach((t, i) => {
			const a = t.analysis;
			if (!a) return;
			if (a.cls !== 'number' && a.cls !== 'foreign') {
				this.#words++;
				this.#surfaces.add(a.surface);
			}
			if (t.phrase !== undefined) {
				// A fixed expression counts once, at its first word, and its words not on their own.
				const p = s.phrases[t.phrase];
				if (p.parts[0][0] === i) this.#count(p.analysis, 'phrase', index, t.start);
				return;
			}
			if (a.cls !== 'number' && a.cls !== 'foreign') this.#count(a, a.cls, index, t.start);
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
			names: views.names.length,
			headwordTokens: views.words.reduce((n, e) => n + e.count, 0),
			knownTokens: views.words.reduce((n, e) => n + (e.analysis.verified ? e.count : 0), 0)
		};
	}

	/** Rows `offset` to `offset + limit` of a view, most frequent first, then in order of appearance. */
	page(view: SurveyView, offset: number, limit: number): SurveyPage {
		const rows = this.#sorted()[view];
		const from = Math.max(0, Math.min(offset, rows.length));
		return {
			view,
			offset: from,
			total: rows.length,
			rows: rows.slice(from, from + limit).map((e) => this.#row(e))
		};
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
		const base = {
			headword: a.headword,
			root: a.root,
			count: e.count,
			verified: a.verified,
			kind: e.kind,
			example: this.#example(e)
		};
		const lex = this.#lex;
		switch (e.kind) {
			case 'phrase': {
				const p = this.#phrases.get(a.headword);
				return {
					...base,
					root: a.headword,
					gloss: p?.gloss ?? '',
					pos: p?.pos ?? '',
					built: 'fixed expression'
				};
			}
			case 'abbr': {
				const abbr = lex.abbreviations.get(a.surface) ?? blendOf(a.surface, lex);
				return {
					...base,
					gloss: abbr?.gloss ?? '',
					pos: 'abbreviation',
					built: a.expansion ? `stands for ${a.expansion}` : 'abbreviation'
				};
			}
			case 'name':
				return { ...base, gloss: '', pos: 'name', built: 'name' };
			default: {
				const entry = lex.roots.get(a.root);
				const pos = e.kind === 'function' ? 'function word' : (entry?.pos ?? '');
				const built = builtAs(a.root, a.affixes);
				return {
					...base,
					gloss: entry?.gloss ?? '',
					pos,
					built: a.informal ? `${built}, informal` : built
				};
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
