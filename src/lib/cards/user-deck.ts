// The deck of an article the learner added: glosses from the lexicon (a derived word's composed from
// its root's, and labelled so), the learner's own meanings over them, translations as the learner
// gives them.

import { blendOf, derivedGloss, type AnalysedArticle, type Analysis, type Lexicon } from '../text';
import { buildDeck, headwords } from './deck';
import type { Deck, DeckCard, Glossary, GlossSource } from './types';

type GlossEntry = Glossary['headwords'][string];

/** A headword's gloss from the lexicon alone: its own entry, else composed from its root's, else none. */
export function lexiconGloss(a: Analysis, lex: Lexicon): GlossEntry {
	const none: GlossEntry = { gloss: '', pos: '', from: 'none' };
	if (a.phrase) {
		const p = lex.phrases.find((p) => p.headword === a.headword);
		return p ? { gloss: p.gloss, pos: p.pos, from: 'lexicon' } : none;
	}
	if (a.cls === 'abbr') {
		const abbr = lex.abbreviations.get(a.surface) ?? blendOf(a.surface, lex);
		return abbr?.gloss ? { gloss: abbr.gloss, pos: 'abbreviation', from: 'lexicon' } : none;
	}
	const root = a.verified ? lex.roots.get(a.root) : undefined;
	if (!root) return none;
	if (!a.affixes.length) return { gloss: root.gloss, pos: root.pos, from: 'lexicon' };
	const derived = derivedGloss(a, root);
	return derived ? { gloss: derived.gloss, pos: derived.pos ?? '', from: 'derived' } : none;
}

/** The glossary of an added article, made from the lexicon: every headword has an entry, `from` says whose. */
export function lexiconGlossary(article: AnalysedArticle, lex: Lexicon): Glossary {
	const out: Glossary = { article: article.meta.slug, headwords: {}, sentences: {} };
	for (const [hw, info] of headwords(article)) out.headwords[hw] = lexiconGloss(info.analysis, lex);
	return out;
}

/**
 * The deck of an added article. A headword with no gloss keeps its vocabulary card in the deck,
 * with `glossFrom: 'none'`: it is stored (db/decks.ts) only once the learner gives a meaning.
 * @example buildUserDeck(analyseArticle(raw, lex), lex).cards.find((c) => c.headword === 'menekankan')?.glossFrom → 'derived'
 */
export function buildUserDeck(article: AnalysedArticle, lex: Lexicon): Deck {
	return buildDeck(article, lexiconGlossary(article, lex), lex);
}

/**
 * The deck with the translations given (by sentence id) on its sentences and on the cards shown
 * with them; a sentence not listed keeps the translation it had.
 */
export function withTranslations(deck: Deck, translations: Record<string, string>): Deck {
	const of = (id: string, old: string) => (id in translations ? translations[id].trim() : old);
	return {
		...deck,
		sentences: deck.sentences.map((s) => ({ ...s, translation: of(s.id, s.translation) })),
		cards: deck.cards.map((c) => ({ ...c, translation: of(c.sentenceId, c.translation) }))
	};
}

/** A card's content with the learner's meaning in place of its gloss (and part of speech, when given). */
export function withMeaning(card: DeckCard, meaning: { gloss: string; pos: string }): DeckCard {
	return { ...card, gloss: meaning.gloss, pos: meaning.pos || card.pos, glossFrom: 'learner' };
}

/** Whether a card can be shown: every kind but cloze needs a meaning (a cloze card shows the sentence). */
export function hasMeaning(card: Pick<DeckCard, 'gloss' | 'glossFrom' | 'kind'>): boolean {
	return card.kind === 'cloze' || card.glossFrom !== 'none' || card.gloss !== '';
}

/** What the learner is told of where a gloss comes from; '' when it was written for the article. */
export function glossLabel(from: GlossSource | undefined): string {
	switch (from) {
		case 'derived':
			return 'made by rule from the root';
		case 'lexicon':
			return 'from Kartu’s lexicon';
		case 'learner':
			return 'your meaning';
		case 'none':
			return 'no meaning yet';
		default:
			return '';
	}
}
