// The text pipeline's public face: what the rest of the app may use of src/lib/text/. Plain
// TypeScript from text to analysed sentences and words; no Svelte, Dexie or $app.

export { affixMeaning, AFFIX_MEANINGS, type AffixMeaning } from './affix-meanings';
export {
	alignTranslation,
	moveBoundary,
	reassign,
	splitEnglish,
	type Alignment,
	type SentenceMatch,
	type SourceSentence
} from './align';
export {
	articleFingerprint,
	readArticleInput,
	TITLE_MAX_CHARS,
	type ArticleFormat,
	type ArticleInput
} from './article-input';
export { parseArticle, type Article } from './article';
export { blendOf } from './blends';
export { derivedGloss, type DerivedGloss } from './derived-gloss';
export {
	analyseArticle,
	lowercaseWords,
	analyseSentence,
	distinctWords,
	type AnalysedArticle,
	type AnalysedSentence,
	type AnalysedToken
} from './document';
export {
	checkFileSize,
	checkText,
	decodeText,
	MAX_TEXT_BYTES,
	textBody,
	utf8Length,
	type TextCheck
} from './input';
export { guessLanguage, type LanguageGuess, type LanguageVerdict } from './language';
export { analyseWord, createAnalyser, stemIndex, type Lexicon } from './lemmatise';
export { LEXICON_FILES, parseLexicon, readLexiconFiles, type LexiconFiles } from './lexicon';
export { markdownToText } from './markdown';
export { sentenceId, splitSentences, textHash, tokenize } from './segment';
export {
	builtAs,
	TextSurvey,
	type SurveyPage,
	type SurveyRow,
	type SurveySummary,
	type SurveyView
} from './survey';
export type {
	Analysis,
	ArticleMeta,
	LexiconEntry,
	Sentence,
	SentenceKind,
	Token,
	TokenKind,
	WordClass
} from './types';
