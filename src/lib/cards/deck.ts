// Builds an article's deck: a vocabulary card and a cloze card for every headword worth learning.

import {
	analyseArticle,
	type AnalysedArticle,
	type AnalysedSentence,
	type Lexicon,
	affixMeaning,
	type Analysis
} from '../text';
import type { CardKind, Deck, DeckCard, DeckSentence, DrillChoice, Glossary, Span } from './types';

/** Classes that get cards: content words and abbreviations. */
const CARD_CLASSES = new Set(['word', 'abbr']);

interface Occurrence {
	sentence: AnalysedSentence;
	/** One span for a word; one per part for an expression split by other words. */
	spans: Span[];
	answer: string;
}

interface HeadwordInfo {
	analysis: Analysis;
	occurrences: Occurrence[];
}

/**
 * Card id from the headword and the kind only: a headword has one card of each kind however many
 * articles contain it, and a rebuilt deck keeps every card's progress. The part before the last
 * `/` is the headword (srs/queue.ts `siblingOfId`).
 * @example cardId('menekankan', 'cloze') → 'menekankan/cloze'
 */
export function cardId(headword: string, kind: CardKind): string {
	return `${headword}/${kind}`;
}

/**
 * The id a card had before schema 6 and backup format 2 (`slug/headword/kind`), as it is now. A
 * slug never holds a `/`, so the article is everything before the first one.
 * @example cardIdFromV1('azerbaijan-iran/kerja sama/cloze') → 'kerja sama/cloze'
 */
export function cardIdFromV1(id: string): string {
	return id.slice(id.indexOf('/') + 1);
}

/** Headwords of the cardable classes, in order of first appearance, with every place they occur. */
export function headwords(article: AnalysedArticle): Map<string, HeadwordInfo> {
	const out = new Map<string, HeadwordInfo>();
	const add = (a: Analysis, occurrence: Occurrence) => {
		let info = out.get(a.headword);
		if (!info) out.set(a.headword, (info = { analysis: a, occurrences: [] }));
		info.occurrences.push(occurrence);
	};
	for (const sentence of article.sentences) {
		sentence.tokens.forEach((token, i) => {
			if (token.phrase !== undefined) {
				// A fixed expression counts once, at its first word; its parts are blanked together.
				const p = sentence.phrases[token.phrase];
				if (p.parts[0][0] === i) add(p.analysis, phraseOccurrence(sentence, p.parts));
				return;
			}
			const a = token.analysis;
			if (a && CARD_CLASSES.has(a.cls)) {
				const span = wordSpan(token.text, token.start, a);
				add(a, { sentence, spans: [span], answer: sentence.text.slice(span.start, span.end) });
			}
		});
	}
	return out;
}

/** The tappable words of a sentence: cardable words whole (with clitics), expressions part by part. */
function readerWords(sentence: AnalysedSentence): DeckSentence['words'] {
	const out: DeckSentence['words'] = [];
	sentence.tokens.forEach((token, i) => {
		if (token.phrase !== undefined) {
			const p = sentence.phrases[token.phrase];
			for (const part of p.parts) {
				if (part[0] !== i) continue;
				const last = sentence.tokens[part[part.length - 1]];
				out.push({ start: token.start, end: last.end, headword: p.analysis.headword });
			}
		} else if (token.analysis && CARD_CLASSES.has(token.analysis.cls)) {
			out.push({ start: token.start, end: token.end, headword: token.analysis.headword });
		}
	});
	return out;
}

/** Where each part of an expression stands, without the clitics of its last word (kerja samanya → kerja sama). */
function phraseOccurrence(sentence: AnalysedSentence, parts: number[][]): Occurrence {
	const spans = parts.map((part) => {
		const first = sentence.tokens[part[0]];
		const last = sentence.tokens[part[part.length - 1]];
		return {
			start: wordSpan(first.text, first.start, first.analysis!).start,
			end: wordSpan(last.text, last.start, last.analysis!).end
		};
	});
	return {
		sentence,
		spans,
		answer: spans.map((sp) => sentence.text.slice(sp.start, sp.end)).join(' … ')
	};
}

/** The part of a written word that the learner must produce: the word without its clitics. */
function wordSpan(text: string, start: number, a: Analysis): Span {
	let from = 0;
	let to = text.length;
	for (const c of a.clitics) {
		if (c.startsWith('-')) to -= c.length - 1;
		else from += c.length - 1;
	}
	return { start: start + from, end: start + to };
}

/**
 * The sentence to blank for a cloze card: the shortest body sentence that has the word
 * (a headline or caption only when the word occurs nowhere else), the earliest among equals.
 */
function clozeSentence(occ: Occurrence[]): AnalysedSentence {
	const body = occ.filter((o) => o.sentence.kind === 'body');
	const pool = body.length ? body : occ;
	return pool.reduce((best, o) => (o.sentence.text.length < best.sentence.text.length ? o : best))
		.sentence;
}

/** The context for a vocabulary card: the first body sentence other than the cloze one, so the learner sees the word twice. */
function vocabSentence(occ: Occurrence[], cloze: AnalysedSentence): AnalysedSentence {
	const other = occ.find((o) => o.sentence.kind === 'body' && o.sentence.id !== cloze.id);
	return (
		other?.sentence ?? occ.find((o) => o.sentence.kind === 'body')?.sentence ?? occ[0].sentence
	);
}

/**
 * Builds the deck of one analysed article. Missing glossary entries give empty glosses and
 * translations (the content tests fail on them; the app shows them as missing).
 */
export function buildDeck(
	article: AnalysedArticle,
	glossary: Glossary | undefined,
	lex: Lexicon
): Deck {
	const slug = article.meta.slug;
	const sentences: DeckSentence[] = article.sentences.map((s) => ({
		id: s.id,
		text: s.text,
		translation: glossary?.sentences[s.id]?.translation ?? '',
		kind: s.kind,
		paragraph: s.paragraph,
		words: readerWords(s)
	}));
	const words = headwords(article);
	const byRoot = new Map<string, string[]>();
	for (const [hw, info] of words) {
		const list = byRoot.get(info.analysis.root) ?? [];
		list.push(hw);
		byRoot.set(info.analysis.root, list);
	}
	// An expression whose first word's root has no other headword here is its own root:
	// timbal balik is not filed under timbal "lead (metal)".
	for (const [hw, info] of words) {
		if (info.analysis.phrase && (byRoot.get(info.analysis.root)?.length ?? 0) < 2) {
			byRoot.delete(info.analysis.root);
			info.analysis = { ...info.analysis, root: hw, affixes: [] };
			byRoot.set(hw, [hw]);
		}
	}
	const cards: DeckCard[] = [];
	let position = 0;
	for (const [hw, { analysis: a, occurrences }] of words) {
		const entry = glossary?.headwords[hw];
		const cloze = clozeSentence(occurrences);
		const vocab = vocabSentence(occurrences, cloze);
		const rootEntry = a.root !== hw && !a.phrase ? lex.roots.get(a.root) : undefined;
		const base = {
			article: slug,
			headword: hw,
			root: a.root,
			...(rootEntry ? { rootGloss: rootEntry.gloss } : {}),
			affixes: a.affixes,
			gloss: entry?.gloss ?? '',
			pos: entry?.pos ?? '',
			...(entry?.from ? { glossFrom: entry.from } : {}),
			...(entry?.note ? { note: entry.note } : {}),
			...(a.expansion ? { expansion: a.expansion } : {}),
			verified: a.verified,
			...(a.informal ? { informal: true } : {}),
			family: (byRoot.get(a.root) ?? []).filter((w) => w !== hw),
			position
		};
		for (const [kind, sentence] of [
			['vocab', vocab],
			['cloze', cloze]
		] as const) {
			const here = occurrences.filter((o) => o.sentence.id === sentence.id);
			cards.push({
				id: cardId(hw, kind),
				kind,
				...base,
				sentenceId: sentence.id,
				sentence: sentence.text,
				translation: glossary?.sentences[sentence.id]?.translation ?? '',
				spans: here.flatMap((o) => o.spans),
				answer: here[0].answer,
				...(alternatives(a, here[0].answer, lex) ?? {})
			});
		}
		const choices = drillChoices(a, words, glossary, lex);
		const drillAt = occurrences.find((o) => o.sentence.id === vocab.id) ?? occurrences[0];
		// A drill needs a family to choose from, and a blank that holds exactly the headword.
		if (choices && drillAt.answer.toLowerCase() === hw.toLowerCase()) {
			const here = occurrences.filter((o) => o.sentence.id === drillAt.sentence.id);
			cards.push({
				id: cardId(hw, 'drill'),
				kind: 'drill',
				...base,
				sentenceId: drillAt.sentence.id,
				sentence: drillAt.sentence.text,
				translation: glossary?.sentences[drillAt.sentence.id]?.translation ?? '',
				spans: here.flatMap((o) => o.spans),
				answer: drillAt.answer,
				choices
			});
		}
		position++;
	}
	return { article: article.meta, sentences, cards };
}

/**
 * What an article's glossary lacks (headwords without gloss or part of speech, sentences without
 * translation) and what it holds for nothing (sentences and headwords no longer in the article).
 */
export function missingGlossary(deck: Deck, glossary: Glossary | undefined) {
	const headwordsMissing = [
		...new Set(deck.cards.filter((c) => !c.gloss || !c.pos).map((c) => c.headword))
	];
	const sentencesMissing = deck.sentences.filter((s) => !s.translation).map((s) => s.text);
	const stale = glossary
		? Object.entries(glossary.sentences)
				.filter(([id, s]) => !deck.sentences.some((d) => d.id === id && d.text === s.text))
				.map(([, s]) => s.text)
		: [];
	const headwords = new Set(deck.cards.map((c) => c.headword));
	const staleHeadwords = glossary
		? Object.keys(glossary.headwords).filter((h) => !headwords.has(h))
		: [];
	return { headwords: headwordsMissing, sentences: sentencesMissing, stale, staleHeadwords };
}

/** The whole path from an article file's text to its deck. */
export function deckFromSource(raw: string, glossary: Glossary | undefined, lex: Lexicon): Deck {
	return buildDeck(analyseArticle(raw, lex), glossary, lex);
}

/** Spellings of an expression other than the one in the sentence, accepted in a cloze answer. */
function alternatives(
	a: Analysis,
	answer: string,
	lex: Lexicon
): { alternatives: string[] } | undefined {
	if (!a.phrase) return undefined;
	const phrase = lex.phrases.find((p) => p.headword === a.headword);
	const spellings = (phrase?.forms ?? []).map((f) => f.map((part) => part.join(' ')).join(' … '));
	const others = spellings.filter((s) => s !== answer.toLowerCase());
	return others.length ? { alternatives: others } : undefined;
}

/**
 * The forms an affix drill offers for a headword: every single-word headword of the article with
 * the same root, plus the bare root when it is a word of its own. Undefined when there is nothing
 * to choose between (fewer than two forms).
 */
function drillChoices(
	a: Analysis,
	words: Map<string, HeadwordInfo>,
	glossary: Glossary | undefined,
	lex: Lexicon
): DrillChoice[] | undefined {
	if (a.phrase || a.cls !== 'word') return undefined;
	const family = [...words.values()]
		.map((w) => w.analysis)
		.filter((w) => !w.phrase && w.cls === 'word' && w.root === a.root);
	if (family.length < 2) return undefined;
	const choices: DrillChoice[] = family.map((w) => ({
		form: w.headword,
		pos: glossary?.headwords[w.headword]?.pos ?? '',
		gloss: glossary?.headwords[w.headword]?.gloss ?? '',
		affixes: w.affixes,
		meaning: affixMeaning(w.affixes)?.meaning ?? ''
	}));
	const root = lex.roots.get(a.root);
	if (root && !family.some((w) => w.headword === a.root)) {
		choices.push({
			form: root.root,
			pos: root.pos,
			gloss: root.gloss,
			affixes: [],
			meaning: 'the bare root'
		});
	}
	return choices.sort((x, y) => x.form.localeCompare(y.form));
}
