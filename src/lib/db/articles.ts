// The learner's own articles: adding one (its text, deck, the words they unticked or marked known
// and the meanings they typed, in one transaction), renaming, choosing what to study next,
// deleting; and the meanings the learner gives headwords, which win over every other gloss.

import { withMeaning, withTranslations, type Deck } from '../cards';
import { QUEUE } from './queues';
import { ARTICLE_SPAN, articleBase, syncDecks, type SyncResult } from './decks';
import { SETTING } from './names';
import type { LibraryEntry, StoredArticle, StoredCard, StoredMeaning, WordMark } from './rows';
import type { KartuDB } from './schema';
import { changeKey, logChanges } from './changes';

/** An article ready to be stored: what the preview showed, with the learner's title. */
export interface NewArticle {
	slug: string;
	title: string;
	source: string;
	/** The text as analysed (stored, and what "Export text" gives back). */
	text: string;
	fingerprint: string;
	words: number;
	deck: Deck;
}

/** What the learner decided in the preview, by headword. */
export interface PreviewChoices {
	/** Words unticked (ignored) or marked known. */
	marks: Record<string, WordMark>;
	/** Meanings typed or corrected. */
	meanings: Record<string, string>;
}

/** The library's articles, oldest first. */
export function libraryEntries(db: KartuDB): Promise<LibraryEntry[]> {
	return db.library
		.orderBy('slug')
		.toArray()
		.then((rows) => rows.sort(byAdded));
}

function byAdded(a: LibraryEntry, b: LibraryEntry): number {
	return a.added.getTime() - b.added.getTime();
}

/** The added article with this text's fingerprint, if the library has it already. */
export function articleWithFingerprint(
	db: KartuDB,
	fingerprint: string
): Promise<LibraryEntry | undefined> {
	return db.library.where('fingerprint').equals(fingerprint).first();
}

export function getArticle(db: KartuDB, slug: string): Promise<StoredArticle | undefined> {
	return db.articles.get(slug);
}

/**
 * Stores an added article and its cards, with the learner's choices, in one transaction: the word
 * marks (an unticked word is ignored), the meanings typed, the article and its library entry, and
 * its deck through `syncDecks` (a headword already in the collection gets no second card; its cloze
 * card gains this article's sentence). Refuses a text the library has already. Logs all of it for
 * sync (db/changes.ts) unless `log` is false (an article received from another device).
 */
export async function addArticle(
	db: KartuDB,
	article: NewArticle,
	choices: PreviewChoices,
	now = new Date(),
	log = true
): Promise<SyncResult> {
	return db.transaction(
		'rw',
		[
			db.library,
			db.articles,
			db.cards,
			db.settings,
			db.words,
			db.meanings,
			db.headwords,
			db.articleReadable,
			db.changes
		],
		async () => {
			const same = await db.library.where('fingerprint').equals(article.fingerprint).first();
			if (same) throw new Error(`This text is in your library already, as “${same.title}”.`);
			const marks = Object.entries(choices.marks);
			const known = await db.words.bulkGet(marks.map(([hw]) => hw));
			const words = marks
				.filter((_, i) => !known[i])
				.map(([headword, mark]) => ({ headword, mark, time: now }));
			await db.words.bulkPut(words);
			const meanings = Object.entries(choices.meanings)
				.map(([headword, gloss]) => ({ headword, gloss: gloss.trim(), pos: '', time: now }))
				.filter((m) => m.gloss);
			await db.meanings.bulkPut(meanings);
			if (log)
				await logChanges(db, [
					...words.map((w) => ({ key: changeKey.word(w.headword), value: w.mark, time: now })),
					...meanings.map((m) => ({
						key: changeKey.meaning(m.headword),
						value: { gloss: m.gloss, pos: m.pos },
						time: now
					})),
					{ key: changeKey.article(article.slug), value: { added: true }, time: now },
					{ key: changeKey.title(article.slug), value: article.title, time: now }
				]);
			const deck: Deck = {
				...article.deck,
				article: { ...article.deck.article, title: article.title }
			};
			await db.articles.put({ slug: article.slug, added: now, text: article.text, deck });
			await db.library.put({
				slug: article.slug,
				title: article.title,
				source: article.source,
				added: now,
				words: article.words,
				fingerprint: article.fingerprint
			});
			return syncDecks(db, [deck], now);
		}
	);
}

/**
 * Gives an added article another title; false when there is no such article. Logged for sync
 * unless `log` is false (a title received).
 */
export async function renameArticle(
	db: KartuDB,
	slug: string,
	title: string,
	now = new Date(),
	log = true
): Promise<boolean> {
	return db.transaction('rw', db.library, db.articles, db.changes, async () => {
		const [entry, stored] = await Promise.all([db.library.get(slug), db.articles.get(slug)]);
		if (!entry || !stored) return false;
		if (log && entry.title !== title)
			await logChanges(db, [{ key: changeKey.title(slug), value: title, time: now }]);
		await db.library.put({ ...entry, title });
		await db.articles.put({
			...stored,
			deck: { ...stored.deck, article: { ...stored.deck.article, title } }
		});
		return true;
	});
}

/**
 * Deletes an added article: its text and library entry go; its cards that no other article uses
 * leave the queue (retired, with their history); a card it shares keeps its other articles and,
 * when this one was its first, takes its content from the next (`bundled` are the build's decks,
 * the stored ones are read here).
 */
export async function deleteArticle(
	db: KartuDB,
	slug: string,
	bundled: Deck[],
	now = new Date(),
	log = true
): Promise<SyncResult | undefined> {
	return db.transaction(
		'rw',
		[
			db.library,
			db.articles,
			db.cards,
			db.settings,
			db.words,
			db.meanings,
			db.articleCounts,
			db.headwords,
			db.articleReadable,
			db.changes
		],
		async () => {
			const stored = await db.articles.get(slug);
			if (!stored) return undefined;
			if (log) await logChanges(db, [{ key: changeKey.article(slug), value: null, time: now }]);
			const empty: Deck = { article: stored.deck.article, sentences: [], cards: [] };
			const result = await syncDecks(
				db,
				[empty],
				now,
				async (other) =>
					bundled.find((d) => d.article.slug === other) ?? (await db.articles.get(other))?.deck
			);
			await db.articles.delete(slug);
			await db.library.delete(slug);
			await db.settings.delete(SETTING.deckHashPrefix + slug);
			await db.articleCounts.delete(slug);
			await db.articleReadable.delete(slug);
			const chosen = await chosenArticles(db);
			if (slug in chosen) {
				delete chosen[slug];
				await db.settings.put({ key: SETTING.chosenArticles, value: chosen });
			}
			// The slug stays in the `articles` setting: an article added later must not take its place in the order.
			return result;
		}
	);
}

async function chosenArticles(db: KartuDB): Promise<Record<string, number>> {
	return ((await db.settings.get(SETTING.chosenArticles))?.value as Record<string, number>) ?? {};
}

/**
 * Makes an article's new cards come next, before every other article's (the latest choice first),
 * in the order of their first appearance; its cards already studied are not touched.
 */
export async function studyNext(db: KartuDB, slug: string, now = new Date()): Promise<number> {
	return db.transaction('rw', db.cards, db.settings, async () => {
		const chosen = await chosenArticles(db);
		chosen[slug] = Math.floor(now.getTime() / 1000);
		await db.settings.put({ key: SETTING.chosenArticles, value: chosen });
		const registry = ((await db.settings.get(SETTING.articles))?.value as string[]) ?? [];
		const base = articleBase(slug, registry, chosen);
		const fresh = (await db.cards.where('articles').equals(slug).toArray()).filter(
			(c) => c.queue === QUEUE.new
		);
		await db.cards.bulkPut(
			fresh.map((c) => ({
				...c,
				position: base + (((c.position % ARTICLE_SPAN) + ARTICLE_SPAN) % ARTICLE_SPAN)
			}))
		);
		return fresh.length;
	});
}

/** What the collection holds of each of `headwords`: their cards and the learner's mark. */
export async function collectionWords(
	db: KartuDB,
	headwords: string[]
): Promise<Map<string, { cards: StoredCard[]; mark?: WordMark }>> {
	const [cards, marks] = await Promise.all([
		db.cards.where('content.headword').anyOf(headwords).toArray(),
		db.words.bulkGet(headwords)
	]);
	const out = new Map<string, { cards: StoredCard[]; mark?: WordMark }>();
	for (const c of cards) {
		const entry = out.get(c.sibling) ?? out.set(c.sibling, { cards: [] }).get(c.sibling)!;
		entry.cards.push(c);
	}
	marks.forEach((w, i) => {
		if (!w) return;
		const entry = out.get(headwords[i]) ?? out.set(headwords[i], { cards: [] }).get(headwords[i])!;
		entry.mark = w.mark;
	});
	return out;
}

/** Every meaning the learner gave, by headword. */
export async function meanings(db: KartuDB): Promise<Map<string, StoredMeaning>> {
	return new Map((await db.meanings.toArray()).map((m) => [m.headword, m]));
}

/**
 * Gives a headword the learner's meaning (`pos` '' keeps the part of speech the cards have): kept
 * per headword, it replaces the gloss on all its cards, and a headword that had none gets its
 * vocabulary card (and affix drill) from the added articles that contain it, in one transaction.
 */
export async function setMeaning(
	db: KartuDB,
	headword: string,
	gloss: string,
	pos = '',
	now = new Date(),
	log = true
): Promise<void> {
	const meaning: StoredMeaning = { headword, gloss: gloss.trim(), pos: pos.trim(), time: now };
	if (!meaning.gloss) throw new Error('Type a meaning first.');
	await db.transaction(
		'rw',
		[
			db.meanings,
			db.cards,
			db.articles,
			db.settings,
			db.words,
			db.headwords,
			db.articleReadable,
			db.changes
		],
		async () => {
			await db.meanings.put(meaning);
			if (log)
				await logChanges(db, [
					{
						key: changeKey.meaning(headword),
						value: { gloss: meaning.gloss, pos: meaning.pos },
						time: now
					}
				]);
			const cards = await db.cards.where('content.headword').equals(headword).toArray();
			await db.cards.bulkPut(
				cards.map((c): StoredCard => ({ ...c, content: withMeaning(c.content, meaning) }))
			);
			// The added articles with this word: synced again, so that the cards it lacked are made.
			const slugs = new Set(cards.flatMap((c) => c.articles));
			const decks: Deck[] = [];
			for (const slug of slugs) {
				const stored = await db.articles.get(slug);
				if (!stored?.deck.cards.some((c) => c.headword === headword)) continue;
				decks.push(stored.deck);
				await db.settings.delete(SETTING.deckHashPrefix + slug);
			}
			if (decks.length) await syncDecks(db, decks, now);
		}
	);
}

/** A word of an article that has no meaning yet: learnt from its cloze card until the learner gives one. */
export interface WordWithoutMeaning {
	headword: string;
	/** The sentence its cloze card shows. */
	sentence: string;
}

/** The words of an article that need a meaning, in the order they appear. */
export async function wordsWithoutMeaning(
	db: KartuDB,
	slug: string
): Promise<WordWithoutMeaning[]> {
	const cards = await db.cards.where('articles').equals(slug).toArray();
	return cards
		.filter(
			(c) =>
				c.content.kind === 'cloze' &&
				c.content.glossFrom === 'none' &&
				c.queue !== QUEUE.retired &&
				c.queue !== QUEUE.ignored
		)
		.sort((a, b) => a.position - b.position)
		.map((c) => ({ headword: c.sibling, sentence: c.content.sentence }));
}

/**
 * Gives a sentence of an added article the learner's translation ('' removes it): on the stored
 * deck and on every card that shows the sentence (a cloze card's sentence of this article among
 * its contexts), in one transaction. False when the article or sentence is not there.
 */
export async function setSentenceTranslation(
	db: KartuDB,
	slug: string,
	sentenceId: string,
	translation: string
): Promise<boolean> {
	const text = translation.trim();
	return db.transaction('rw', db.articles, db.cards, async () => {
		const stored = await db.articles.get(slug);
		if (!stored?.deck.sentences.some((s) => s.id === sentenceId)) return false;
		await db.articles.put({
			...stored,
			deck: withTranslations(stored.deck, { [sentenceId]: text })
		});
		const cards = await db.cards.where('articles').equals(slug).toArray();
		const changed: StoredCard[] = [];
		for (const c of cards) {
			const contexts = c.content.contexts?.map((x) =>
				x.sentenceId === sentenceId ? { ...x, translation: text } : x
			);
			const own = c.content.sentenceId === sentenceId;
			if (!own && !c.content.contexts?.some((x) => x.sentenceId === sentenceId)) continue;
			changed.push({
				...c,
				content: {
					...c.content,
					...(own ? { translation: text } : {}),
					...(contexts ? { contexts } : {})
				}
			});
		}
		await db.cards.bulkPut(changed);
		return true;
	});
}
