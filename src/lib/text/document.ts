// Runs the whole text pipeline over one article: sentences, tokens, an analysis for every word, and phrases.

import { parseArticle } from './article';
import { createAnalyser, type Lexicon } from './lemmatise';
import { findPhrases } from './phrases';
import { LOAN_PREFIXES } from './affixes';
import { isReduplicationPair, splitSentences, tokenize } from './segment';
import type { Analysis, ArticleMeta, Sentence, Token } from './types';

export interface AnalysedToken extends Token {
	/** Present on word tokens. */
	analysis?: Analysis;
	/** Index into the sentence's `phrases` when the word belongs to a fixed expression. */
	phrase?: number;
}

/** A fixed expression found in a sentence: its analysis and, per part, the indexes of its tokens. */
export interface PhraseOccurrence {
	analysis: Analysis;
	parts: number[][];
}

export interface AnalysedSentence extends Sentence {
	tokens: AnalysedToken[];
	phrases: PhraseOccurrence[];
}

export interface AnalysedArticle {
	meta: ArticleMeta;
	sentences: AnalysedSentence[];
}

/**
 * Parses an article file and analyses every word in it; fixed expressions become units of their own.
 * @example analyseArticle(raw, lex).sentences[0].kind → 'headline'
 */
export function analyseArticle(raw: string, lex: Lexicon): AnalysedArticle {
	const { meta, body } = parseArticle(raw);
	const analyse = createAnalyser(lex);
	const lowercase = lowercaseWords(body);
	const sentences = splitSentences(meta.slug, body).map((s) =>
		analyseSentence(s, analyse, lex, lowercase)
	);
	return { meta, sentences };
}

/**
 * The words a text writes in lowercase somewhere: evidence that the same word capitalised at the
 * start of a sentence or in a headline is a common word, not a name.
 * @example lowercaseWords('Gerutu itu. Ia menggerutu.') → Set { 'itu', 'menggerutu' }
 */
export function lowercaseWords(text: string): Set<string> {
	const out = new Set<string>();
	for (const m of text.matchAll(/(?<![\p{L}\p{N}-])[a-z][a-z-]*/gu)) out.add(m[0]);
	return out;
}

/**
 * Analyses the words of one sentence with `analyse` (an analyser built once per text, so its cache
 * is shared); fixed expressions become units of their own. Texts too long to analyse in one go are
 * analysed sentence by sentence with it.
 * @example analyseSentence(s, createAnalyser(lex), lex).tokens[0].analysis?.root → 'kata' for "Mengatakan …"
 */
export function analyseSentence(
	s: Sentence,
	analyse: (written: string) => Analysis,
	lex: Lexicon,
	lowercase: ReadonlySet<string> = new Set()
): AnalysedSentence {
	const tokens: AnalysedToken[] = tokenize(s.text).map((t) =>
		t.kind === 'word' ? { ...t, analysis: analyse(t.text) } : t
	);
	const wordIndexes = tokens.flatMap((t, i) => (t.analysis ? [i] : []));
	unmarkInitialNames(tokens, wordIndexes, s.kind === 'headline', analyse, lex, lowercase);
	if (s.kind === 'body') markNames(tokens, wordIndexes, lex);
	markForeignRuns(tokens, wordIndexes);
	const matches = findPhrases(
		wordIndexes.map((i) => tokens[i].analysis!),
		lex.phrases
	);
	const phrases = matches.map((m, p): PhraseOccurrence => {
		const parts = m.parts.map((part) => part.map((w) => wordIndexes[w]));
		parts.flat().forEach((i) => (tokens[i].phrase = p));
		// An expression joins the family of its first word when that is a content word
		// (kerja sama, bekerja sama → kerja); otherwise it is a unit of its own (dalam rangka).
		const head = tokens[parts[0][0]].analysis!;
		const content = head.cls === 'word' ? head : undefined;
		const text = parts.map((part) => part.map((i) => tokens[i].text).join(' ')).join(' … ');
		return {
			parts,
			analysis: {
				surface: text.toLowerCase(),
				headword: m.phrase.headword,
				root: content?.root ?? m.phrase.headword,
				affixes: content?.affixes ?? [],
				clitics: [],
				cls: 'word',
				verified: true,
				phrase: true
			}
		};
	});
	phrases.push(...compoundsWrittenApart(tokens, wordIndexes, analyse, lex, phrases.length));
	return { ...s, tokens, phrases };
}

/** Loan prefixes (pra, non, sub), which some texts write apart from their word. */
const LONE_PREFIXES = new Set(LOAN_PREFIXES);

/**
 * A reduplicated or rhyming compound written as two words, without its hyphen (mondar mandir,
 * lauk pauk, porak poranda): when one of the two words is unknown and the hyphenated form is a
 * word the analyser knows, the two are one unit, like a fixed expression. So is a loan prefix
 * written apart from its word, with a space or a spaced hyphen (pra nikah, pra - panen).
 */
function compoundsWrittenApart(
	tokens: AnalysedToken[],
	wordIndexes: number[],
	analyse: (written: string) => Analysis,
	lex: Lexicon,
	first: number
): PhraseOccurrence[] {
	const out: PhraseOccurrence[] = [];
	for (let k = 0; k + 1 < wordIndexes.length; k++) {
		const i = wordIndexes[k];
		const j = wordIndexes[k + 1];
		const a = tokens[i].analysis!;
		const b = tokens[j].analysis!;
		if (tokens[i].phrase !== undefined || tokens[j].phrase !== undefined) continue;
		if (a.cls !== 'word' || b.cls !== 'word' || (a.verified && b.verified) || a.clitics.length)
			continue;
		const prefix = !a.verified && LONE_PREFIXES.has(a.surface);
		const hyphen = j === i + 2 && tokens[i + 1].text === '-';
		if (j !== i + 1 && !(prefix && hyphen)) continue;
		let joined = `${a.surface}-${b.headword.toLowerCase()}`;
		if (prefix) joined = `${a.surface}${b.headword.toLowerCase()}`;
		else if (!lex.roots.has(joined) && !isReduplicationPair(a.surface, b.headword)) continue;
		const whole = analyse(joined);
		if (!whole.verified || whole.cls !== 'word') continue;
		tokens[i].phrase = tokens[j].phrase = first + out.length;
		out.push({
			parts: [[i, j]],
			analysis: {
				...whole,
				surface: `${tokens[i].text} ${tokens[j].text}`.toLowerCase(),
				clitics: b.clitics,
				phrase: true
			}
		});
		k++;
	}
	return out;
}

/**
 * Each distinct analysed word, in order of first appearance. A word is distinct by its lowercase
 * surface and its class, so that a word that is part of a name in one place (Pak Camat Hadi) and a
 * common word in another is listed once as each, never as a name everywhere.
 */
export function distinctWords(article: AnalysedArticle): Analysis[] {
	const seen = new Map<string, Analysis>();
	for (const s of article.sentences) {
		for (const t of s.tokens) {
			const key = t.analysis && `${t.analysis.surface}\t${t.analysis.cls}`;
			if (key && !seen.has(key)) seen.set(key, t.analysis!);
		}
	}
	return [...seen.values()];
}

/**
 * A capital at the start of a sentence or in a headline says nothing: a word the lexicon lacks
 * there is read as a name only when nothing suggests a common word. Evidence for a common word:
 * the text writes it in lowercase elsewhere, or its lowercase analysis finds a prefix, a clitic or
 * an informal form (Menggerutu, Gerutunya).
 */
function unmarkInitialNames(
	tokens: AnalysedToken[],
	wordIndexes: number[],
	headline: boolean,
	analyse: (written: string) => Analysis,
	lex: Lexicon,
	lowercase: ReadonlySet<string>
): void {
	wordIndexes.forEach((i, k) => {
		const a = tokens[i].analysis!;
		if (a.cls !== 'name' || lex.names.has(a.surface)) return;
		const initial =
			headline ||
			k === 0 ||
			/[:"“‘'(]\s*$/.test(tokens[i - 1]?.kind === 'punct' ? tokens[i - 1].text : '');
		if (!initial) return;
		const lower = analyse(a.surface);
		const common =
			lowercase.has(a.surface) ||
			lower.clitics.length > 0 ||
			lower.informal ||
			lower.affixes.some((x) => x.endsWith('-'));
		if (common) tokens[i].analysis = lower;
	});
}

const CAPITAL = /^\p{Lu}/u;

/**
 * In running text, a capitalised word the lexicon knows is still part of a name when a personal
 * name follows it directly (Budi Santoso, Indah Lestari), unless it is a title or a kind of place
 * that stands before names (Presiden Joko, Republik Tanzania). Right to left, so that a run of
 * such words (Rahmat Budi Santoso) becomes one name. Headlines, captions and the first word of a
 * sentence are left alone: there a capital says nothing.
 */
function markNames(tokens: AnalysedToken[], wordIndexes: number[], lex: Lexicon): void {
	// Pak Budi, Bu Melati: after a personal title a capitalised word is a name, known word or not.
	for (let k = 0; k < wordIndexes.length - 1; k++) {
		const title = tokens[wordIndexes[k]];
		const t = tokens[wordIndexes[k + 1]];
		const a = t.analysis!;
		if (
			wordIndexes[k + 1] !== wordIndexes[k] + 1 ||
			!lex.personalTitles?.has(title.analysis!.surface) ||
			!CAPITAL.test(title.text)
		)
			continue;
		if (a.cls === 'word' && CAPITAL.test(t.text) && !lex.nameHeads.has(a.surface))
			t.analysis = asName(a, t.text);
	}
	for (let k = wordIndexes.length - 2; k >= 1; k--) {
		const t = tokens[wordIndexes[k]];
		const next = tokens[wordIndexes[k + 1]];
		const a = t.analysis!;
		const n = next.analysis!;
		if (wordIndexes[k + 1] !== wordIndexes[k] + 1 || a.cls !== 'word' || !CAPITAL.test(t.text))
			continue;
		if (lex.nameHeads.has(a.surface) || n.cls !== 'name' || lex.names.has(n.surface)) continue;
		t.analysis = asName(a, t.text);
	}
}

/**
 * Words of another language come in runs ("source code", "happy ending", "fair
 * play"): a word the lexicon does not know, standing next to a foreign word (with nothing
 * between but a space or a hyphen), is foreign too, even when its spelling could be Indonesian.
 * A lone letter (sinar x) does not spread. Both directions, so a run is foreign from either end.
 */
function markForeignRuns(tokens: AnalysedToken[], wordIndexes: number[]): void {
	const foreign = (i: number | undefined) => {
		const a = i === undefined ? undefined : tokens[i].analysis;
		return !!a && a.cls === 'foreign' && a.surface.length > 1;
	};
	const unknown = (i: number) => {
		const a = tokens[i].analysis!;
		return a.cls === 'word' && !a.verified;
	};
	/** The word index next to `k` in direction `d`, when only a space or a hyphen is between. */
	const next = (k: number, d: 1 | -1): number | undefined => {
		const i = wordIndexes[k];
		const j = wordIndexes[k + d];
		if (j === undefined) return undefined;
		const gap = Math.abs(j - i);
		if (gap === 1) return j;
		return gap === 2 && tokens[i + d].text === '-' ? j : undefined;
	};
	for (const d of [1, -1] as const) {
		const order = d === 1 ? wordIndexes.keys() : [...wordIndexes.keys()].reverse();
		for (const k of order) {
			const i = wordIndexes[k];
			if (!unknown(i) || !foreign(next(k, -d as 1 | -1))) continue;
			const a = tokens[i].analysis!;
			tokens[i].analysis = {
				...a,
				headword: a.surface,
				root: a.surface,
				affixes: [],
				clitics: [],
				cls: 'foreign',
				verified: true
			};
		}
	}
}

/** A word read as (part of) a name: the written form is its headword and root. */
function asName(a: Analysis, written: string): Analysis {
	return {
		...a,
		headword: written,
		root: written,
		affixes: [],
		clitics: [],
		cls: 'name',
		verified: true
	};
}
