// Runs the whole text pipeline over one article: sentences, tokens, and an analysis for every word.

import { parseArticle } from './article';
import { createAnalyser, type Lexicon } from './lemmatise';
import { splitSentences, tokenize } from './segment';
import type { Analysis, ArticleMeta, Sentence, Token } from './types';

export interface AnalysedToken extends Token {
	/** Present on word tokens. */
	analysis?: Analysis;
}

export interface AnalysedSentence extends Sentence {
	tokens: AnalysedToken[];
}

export interface AnalysedArticle {
	meta: ArticleMeta;
	sentences: AnalysedSentence[];
}

/**
 * Parses an article file and analyses every word in it.
 * @example analyseArticle(raw, lex).sentences[0].kind → 'headline'
 */
export function analyseArticle(raw: string, lex: Lexicon): AnalysedArticle {
	const { meta, body } = parseArticle(raw);
	const analyse = createAnalyser(lex);
	const sentences = splitSentences(meta.slug, body).map((s) => ({
		...s,
		tokens: tokenize(s.text).map((t) => (t.kind === 'punct' ? t : { ...t, analysis: analyse(t.text) }))
	}));
	return { meta, sentences };
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
