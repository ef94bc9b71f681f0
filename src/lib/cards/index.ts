// Card building's public face: what the rest of the app may use of src/lib/cards/. Plain TypeScript
// from an analysed article and its glossary to vocabulary, cloze and affix-drill cards.

export { checkCloze, diffChars, normaliseAnswer, type ClozeCheck, type DiffPart } from './cloze';
export { contextAt, contextOf, inContext, shownContent } from './contexts';
export {
	buildDeck,
	cardId,
	cardIdFromV1,
	deckFromSource,
	headwords,
	missingGlossary
} from './deck';
export { family, hasFamilyPage, type Family, type FamilyMember } from './family';
export { articleProgress, headwordOccurrences, type ArticleProgress } from './progress';
export {
	blankLabel,
	blankWidth,
	clozeLayout,
	sentenceParts,
	type ClozeLayout,
	type ClozePiece,
	type SentencePart
} from './sentence-parts';
export { firstNewCard, frontOf, KIND_ORDER, newOrder, type FrontContent } from './new-order';
export { backSpeech, frontSpeech } from './spoken';
export {
	buildUserDeck,
	glossLabel,
	hasMeaning,
	lexiconGloss,
	lexiconGlossary,
	withMeaning,
	withTranslations
} from './user-deck';
export type {
	CardContext,
	CardKind,
	Deck,
	DeckCard,
	DeckSentence,
	DrillChoice,
	Glossary,
	GlossSource,
	ReaderWord,
	Span
} from './types';
