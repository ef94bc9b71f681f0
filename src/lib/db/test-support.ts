// For the tests of db/ and state/ only (the app never imports it): a fresh database per test in
// fake-indexeddb, the bundled article's deck, and answering the card today's queue gives next.

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import {
	DEFAULT_SETTINGS,
	cardTally,
	pickNext,
	Rating,
	readable,
	wordStatus,
	Scheduler,
	type Grade,
	type SchedulerSettings
} from '../srs';
import { buildUserDeck, deckFromSource, headwordOccurrences, type Deck } from '../cards';
import { prepareArticle } from '../analyse/article';
import { TextSurvey } from '../text';
import type { NewArticle } from './articles';
import { recordAnswer } from './answers';
import { loadQueue } from './cards';
import { syncDecks } from './decks';
import { KartuDB } from './schema';
import { dueRows } from './derived/article-due';
import { readableRows } from './reading';
import type { StoredCard } from './rows';

/** The bundled article, read from content/ with its glossary, lexicon and deck. */
export const seed = readArticle('azerbaijan-iran');
/**
 * A second, short article sharing headwords with the bundled one (hubungan, menekankan, kunjungan,
 * presiden, …), built without a glossary: for the cards of a headword in several articles.
 */
export const second = deckFromSource(
	`---
slug: kunjungan-baku
title: Kunjungan ke Baku
language: id
source: Written for Kartu's tests.
---
Kunjungan ke Baku
Presiden menekankan hubungan baik antara kedua negara.
Menteri itu mengatakan bahwa kerja sama keamanan sangat penting bagi kawasan.
Hubungan dagang juga berkembang dengan cepat.
`,
	undefined,
	seed.lex
);

/**
 * Checks the home page's kept per-article figures (cards due by quarter-hour, readable share,
 * headwords' tallies) against a count over every card and deck (`bundled`: the build's decks).
 */
const byKey = <T>(rows: T[], key: (r: T) => string) =>
	[...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export async function expectKeptFiguresRight(
	db: KartuDB,
	bundled: Deck[],
	now = T0
): Promise<void> {
	const cards = await db.cards.toArray();
	const dueKey = (r: { b: number; article: string }) => `${r.b}\u0000${r.article}`;
	expect(byKey(await db.articleDue.toArray(), dueKey)).toEqual(byKey(dueRows(cards), dueKey));

	const decks = [...bundled, ...(await db.articles.toArray()).map((a) => a.deck)];
	// The reader's rule itself: readable(wordStatus(the headword's cards)).
	const cardsOf = new Map<string, StoredCard[]>();
	for (const c of cards) cardsOf.set(c.sibling, [...(cardsOf.get(c.sibling) ?? []), c]);
	const expected = decks.map((deck) => {
		let occ = 0;
		let read = 0;
		for (const [hw, n] of headwordOccurrences(deck)) {
			occ += n;
			if (readable(wordStatus(cardsOf.get(hw) ?? [], now, () => 1))) read += n;
		}
		return { article: deck.article.slug, occ, read };
	});
	const kept = (await db.articleReadable.toArray()).filter((r) =>
		decks.some((d) => d.article.slug === r.article)
	);
	expect(byKey(kept, (r) => r.article)).toEqual(byKey(expected, (r) => r.article));
	// And the headwords' rows are what a fresh count gives.
	const norm = (rows: { headword: string; in: string[] }[]) =>
		byKey(
			rows.map((h) => ({ ...h, in: [...h.in].sort() })),
			(h) => h.headword
		);
	expect(norm(await db.headwords.toArray())).toEqual(
		norm(readableRows(cards, decks, cardTally).headwords)
	);
}

/** The default settings without fuzz, so that intervals are exact. */
export const testSettings: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };
/** A Monday morning, the tests' first study day. */
export const T0 = new Date(2026, 2, 2, 9, 0);

let serial = 0;

/**
 * Gives each test a new database named `prefix-N` (through `use`), deleted after the test; with
 * `seeded`, the bundled deck is stored in it first (at T0).
 */
export function eachTestDatabase(
	prefix: string,
	use: (db: KartuDB) => void,
	{ seeded = false } = {}
): void {
	let db: KartuDB;
	beforeEach(async () => {
		db = new KartuDB(`${prefix}-${++serial}`);
		use(db);
		if (seeded) await syncDecks(db, [seed.deck], T0);
	});
	afterEach(async () => {
		db.close();
		await db.delete();
	});
}

/**
 * Answers, at `at`, the card today's queue gives next, taking `ms` to answer; undefined when the
 * queue has nothing to give.
 */
export async function answerNextIfAny(
	db: KartuDB,
	at: Date,
	grade: Grade = Rating.Good,
	ms = 3000,
	settings = testSettings
) {
	const { queue } = await loadQueue(db, at, settings);
	const next = pickNext(queue, at.getTime());
	if (!next) return undefined;
	const card = (await db.cards.get(next.id))!;
	const answered = new Scheduler(settings).answer(card.fsrs, grade, at);
	return recordAnswer(db, {
		card,
		grade,
		next: answered,
		time: at,
		ms,
		dayStartHour: settings.dayStartHour
	});
}

/** The same, for a test that knows a card is due: throws when none is. */
export async function answerNext(...args: Parameters<typeof answerNextIfAny>) {
	const answered = await answerNextIfAny(...args);
	if (!answered) throw new Error(`No card is due at ${args[1].toISOString()}.`);
	return answered;
}

/** Answers `count` cards Easy, a second apart from `start`, two seconds each: a short study session. */
export async function study(db: KartuDB, count: number, start = T0): Promise<void> {
	for (let i = 0; i < count; i++)
		await answerNext(db, new Date(start.getTime() + i * 1000), Rating.Easy, 2000);
}

/**
 * An article as the add-article page would store it: `text` read as a paste (analyse/article.ts),
 * analysed in one go and made a deck with the bundled lexicon (as the analysis worker does).
 */
export async function userArticle(text: string, title?: string): Promise<NewArticle> {
	const read = await prepareArticle({ name: '', type: '', content: text, title });
	if (!read.ok) throw new Error(read.message);
	const a = read.article;
	const survey = new TextSurvey(a.body, seed.lex, {
		slug: a.slug,
		keep: true,
		headline: a.headline
	});
	while (!survey.step(100));
	const meta = { slug: a.slug, title: a.title, language: 'id', source: a.source };
	return {
		slug: a.slug,
		title: a.title,
		source: a.source,
		text: a.body,
		fingerprint: a.fingerprint,
		words: survey.summary().words,
		deck: buildUserDeck({ meta, sentences: survey.analysed }, seed.lex)
	};
}
