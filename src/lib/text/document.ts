// Runs the whole text pipeline over one article: sentences, tokens, an analysis for every word, and phrases.

import { parseArticle } from './article';
import { createAnalyser, type Lexicon } from './lemmatise';
import { findPhrases } from './phrases';
import { splitSentences, tokenize } from './segment';
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
	const sentences = splitSentences(meta.slug, body).map((s) => analyseSentence(s, analyse, lex));
	return { meta, sentences };
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
	lex: Lexicon
): AnalysedSentence {
	const tokens: AnalysedToken[] = tokenize(s.text).map((t) =>
		t.kind === 'word' ? { ...t, analysis: analyse(t.text) } : t
	);
	const wordIndexes = tokens.flatMap((t, i) => (t.analysis ? [i] : []));
	if (s.kind === 'body') markNames(tokens, wordIndexes, lex);
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
	return { ...s, tokens, phrases };
}

/** Each distinct analysed word (by lowercase surface), in order of first appearance. */
export function distinctWords(article: AnalysedArticle): Analysis[] {
	const seen = new Map<string, Analysis>();
	for (const s of article.sentences) {
		for (const t of s.tokens) {
			if (t.analysis && !seen.has(t.analysis.surface)) seen.set(t.analysis.surface, t.analysis);
		}
	}
	return [...seen.values()];
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
	for (let k = wordIndexes.length - 2; k >= 1; k--) {
		const t = tokens[wordIndexes[k]];
		const next = tokens[wordIndexes[k + 1]];
		const a = t.analysis!;
		const n = next.analysis!;
		if (wordIndexes[k + 1] !== wordIndexes[k] + 1 || a.cls !== 'word' || !CAPITAL.test(t.text))
			continue;
		if (lex.nameHeads.has(a.surface) || n.cls !== 'name' || lex.names.has(n.surface)) continue;
		t.analysis = {
			...a,
			headword: t.text,
			root: t.text,
			affixes: [],
			clitics: [],
			cls: 'name',
			verified: true
		};
	}
}
