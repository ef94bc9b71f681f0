// Backups: the whole database out as one object, and back in — merging or replacing — in one transaction.

import { reconcileChanges } from '../changes';
import type { Backup } from '../../backup/format';
import { SETTING } from '../names';
import { markStatsStale } from '../stats';
import { queueOf, type KartuDB } from '../schema';
import type { Deck } from '../../cards';
import type { LibraryEntry, StoredArticle, StoredCard, StoredReview } from '../rows';
import { newer } from '../legacy-cards';
import { keepOccurrences } from '../reading';

/**
 * Settings rows that describe this database (its statistics, the build whose decks it holds, its
 * snapshot chain), not the learner's choices: never exported nor imported.
 */
const LOCAL_KEYS: string[] = [
	SETTING.oldStatsCache,
	SETTING.statsState,
	SETTING.contentVersion,
	SETTING.snapshotChain,
	SETTING.sync
];

export type ImportMode = 'merge' | 'replace';

/** Everything the learner has: cards with FSRS state, every review, settings and word marks. */
export async function exportBackup(
	db: KartuDB,
	now = new Date()
): Promise<Omit<Backup, 'format' | 'version'>> {
	return db.transaction(
		'r',
		[db.cards, db.reviews, db.settings, db.words, db.library, db.articles, db.meanings],
		async () => ({
			exported: now,
			cards: (await db.cards.toArray()) as unknown as Backup['cards'],
			reviews: (await db.reviews.toArray()) as unknown as Backup['reviews'],
			settings: (await db.settings.toArray()).filter((s) => !LOCAL_KEYS.includes(s.key)),
			words: await db.words.toArray(),
			...(await articlesAndMeanings(db))
		})
	);
}

/** The learner's own articles (library entry, text and deck in one row) and meanings, as a backup holds them. */
export async function articlesAndMeanings(
	db: KartuDB
): Promise<Pick<Backup, 'articles' | 'meanings'>> {
	const [library, articles, meanings] = await Promise.all([
		db.library.toArray(),
		db.articles.toArray(),
		db.meanings.toArray()
	]);
	const stored = new Map(articles.map((a) => [a.slug, a]));
	return {
		articles: library
			.filter((e) => stored.has(e.slug))
			.map((e) => ({
				...e,
				text: stored.get(e.slug)!.text,
				deck: stored.get(e.slug)!.deck as unknown as Backup['articles'][number]['deck']
			})),
		meanings
	};
}

/** A backup's articles as the library and articles stores keep them. */
function articleRows(backup: Backup): { library: LibraryEntry[]; articles: StoredArticle[] } {
	return {
		library: backup.articles.map(({ slug, title, source, added, words, fingerprint }) => ({
			slug,
			title,
			source,
			added,
			words,
			fingerprint
		})),
		articles: backup.articles.map((a) => ({
			slug: a.slug,
			added: a.added,
			text: a.text,
			deck: a.deck as unknown as Deck
		}))
	};
}

export interface ImportSummary {
	mode: ImportMode;
	cardsAdded: number;
	cardsUpdated: number;
	cardsRemoved: number;
	reviewsAdded: number;
	/** Reviews already here (same id): never counted twice. */
	reviewsSkipped: number;
	reviewsRemoved: number;
	/**
	 * Replace only: what this browser has that the backup lacks and that replacing loses: reviews
	 * not in the file (answers given since it was made), and cards studied further here.
	 */
	reviewsLost?: number;
	cardsNewerHere?: number;
}

/**
 * The card to keep when both sides have it: the one with more history, then the later review
 * (`newer`), in the articles of both.
 */
function merged(here: StoredCard, there: StoredCard): StoredCard {
	const kept = newer(here, there);
	const articles = [...new Set([...kept.articles, ...here.articles, ...there.articles])];
	return articles.length === kept.articles.length ? kept : { ...kept, articles };
}

/** What an import would change, so the learner can confirm it first. Writes nothing. */
export async function planImport(
	db: KartuDB,
	backup: Backup,
	mode: ImportMode
): Promise<ImportSummary> {
	return db.transaction('r', db.cards, db.reviews, async () => plan(db, backup, mode));
}

async function plan(db: KartuDB, backup: Backup, mode: ImportMode): Promise<ImportSummary> {
	const here = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
	const reviewIds = new Set(await db.reviews.toCollection().primaryKeys());
	if (mode === 'replace') {
		const inFile = new Set(backup.reviews.map((r) => r.id));
		const fileCards = new Map(backup.cards.map((c) => [c.id, c]));
		let cardsNewerHere = 0;
		for (const c of here.values()) {
			const f = fileCards.get(c.id);
			const ahead = f
				? c.fsrs.reps > f.fsrs.reps ||
					(c.fsrs.last_review?.getTime() ?? 0) > (f.fsrs.last_review?.getTime() ?? 0)
				: c.fsrs.reps > 0;
			if (ahead) cardsNewerHere++;
		}
		return {
			reviewsLost: [...reviewIds].filter((id) => !inFile.has(id as string)).length,
			cardsNewerHere,
			mode,
			cardsAdded: backup.cards.length,
			cardsUpdated: 0,
			cardsRemoved: here.size,
			reviewsAdded: backup.reviews.length,
			reviewsSkipped: 0,
			reviewsRemoved: reviewIds.size
		};
	}
	let added = 0;
	let updated = 0;
	for (const c of backup.cards) {
		const old = here.get(c.id);
		if (!old) added++;
		else if (newer(old, c as unknown as StoredCard) !== old) updated++;
	}
	const newReviews = backup.reviews.filter((r) => !reviewIds.has(r.id)).length;
	return {
		mode,
		cardsAdded: added,
		cardsUpdated: updated,
		cardsRemoved: 0,
		reviewsAdded: newReviews,
		reviewsSkipped: backup.reviews.length - newReviews,
		reviewsRemoved: 0
	};
}

/**
 * Applies a validated backup in one transaction: `replace` makes the database exactly the backup;
 * `merge` adds what is missing, keeps each card's longer history, and never adds a review twice.
 * If anything fails, nothing is changed.
 */
export async function applyImport(
	db: KartuDB,
	backup: Backup,
	mode: ImportMode
): Promise<ImportSummary> {
	return db.transaction(
		'rw',
		[
			db.cards,
			db.reviews,
			db.settings,
			db.words,
			db.statdays,
			db.firsts,
			db.library,
			db.articles,
			db.meanings,
			db.headwords,
			db.articleReadable,
			db.changes
		],
		async () => {
			const summary = await plan(db, backup, mode);
			// What the import changed, logged for sync as changes made now (db/changes.ts).
			const logged = <T>(v: T) => reconcileChanges(db, () => new Date()).then(() => v);
			// The statistics describe the old history: they are summed again from the new one.
			await Promise.all([db.statdays.clear(), db.firsts.clear()]);
			const cards = backup.cards.map((c) => {
				const card = c as unknown as StoredCard;
				return { ...card, queue: queueOf(card) };
			});
			const reviews = backup.reviews as unknown as StoredReview[];
			const own = articleRows(backup);
			if (mode === 'replace') {
				const before = await db.library.toCollection().primaryKeys();
				await Promise.all([
					db.cards.clear(),
					db.reviews.clear(),
					db.settings.clear(),
					db.words.clear(),
					db.library.clear(),
					db.articles.clear(),
					db.meanings.clear()
				]);
				await db.library.bulkAdd(own.library);
				await db.articles.bulkAdd(own.articles);
				await db.meanings.bulkAdd(backup.meanings);
				await db.cards.bulkAdd(cards);
				await db.reviews.bulkAdd(reviews);
				await db.settings.bulkAdd(backup.settings.filter((s) => !LOCAL_KEYS.includes(s.key)));
				await markStatsStale(db);
				await db.words.bulkAdd(backup.words);
				// The readable shares: the articles that went have no words any more, those that came have theirs.
				const kept = new Set(own.articles.map((a) => a.slug));
				for (const slug of before.filter((s) => !kept.has(s))) {
					await keepOccurrences(db, slug, { sentences: [], cards: [] });
					await db.articleReadable.delete(slug);
				}
				for (const a of own.articles) await keepOccurrences(db, a.slug, a.deck);
				return logged(summary);
			}
			const here = new Map(
				(await db.cards.bulkGet(cards.map((c) => c.id)))
					.filter((c): c is StoredCard => !!c)
					.map((c) => [c.id, c])
			);
			await db.cards.bulkPut(cards.map((c) => (here.has(c.id) ? merged(here.get(c.id)!, c) : c)));
			const reviewIds = new Set(await db.reviews.toCollection().primaryKeys());
			await db.reviews.bulkAdd(reviews.filter((r) => !reviewIds.has(r.id)));
			await markStatsStale(db);
			const keys = new Set(await db.settings.toCollection().primaryKeys());
			await db.settings.bulkAdd(
				backup.settings.filter((s) => !keys.has(s.key) && !LOCAL_KEYS.includes(s.key))
			);
			const marked = new Set(await db.words.toCollection().primaryKeys());
			await db.words.bulkAdd(backup.words.filter((w) => !marked.has(w.headword)));
			// Articles this browser lacks (by slug and by text); meanings kept where the learner has one here.
			const entries = await db.library.toArray();
			const slugs = new Set(entries.map((e) => e.slug));
			const prints = new Set(entries.map((e) => e.fingerprint));
			const fresh = new Set(
				own.library
					.filter((e) => !slugs.has(e.slug) && !prints.has(e.fingerprint))
					.map((e) => e.slug)
			);
			await db.library.bulkAdd(own.library.filter((e) => fresh.has(e.slug)));
			if (fresh.size) {
				const registry = ((await db.settings.get(SETTING.articles))?.value as string[]) ?? [];
				await db.settings.put({
					key: SETTING.articles,
					value: [...registry, ...[...fresh].filter((slug) => !registry.includes(slug))]
				});
			}
			await db.articles.bulkPut(own.articles.filter((a) => fresh.has(a.slug)));
			for (const a of own.articles)
				if (fresh.has(a.slug)) await keepOccurrences(db, a.slug, a.deck);
			const meant = new Set(await db.meanings.toCollection().primaryKeys());
			await db.meanings.bulkAdd(backup.meanings.filter((m) => !meant.has(m.headword)));
			return logged(summary);
		}
	);
}

/** Every card and review, read in one transaction (the Anki export's input). */
export async function readCollection(
	db: KartuDB
): Promise<{ cards: StoredCard[]; reviews: StoredReview[] }> {
	const [cards, reviews] = await db.transaction('r', db.cards, db.reviews, () =>
		Promise.all([db.cards.toArray(), db.reviews.toArray()])
	);
	return { cards, reviews };
}
