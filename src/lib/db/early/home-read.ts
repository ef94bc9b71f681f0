// The home page's reads, with IndexedDB alone: the home page only reads, so it runs without Dexie
// (the largest part of the app's code) and loads it only when the database needs a write first: the
// decks of a new build. Today's counts are read as the early script reads them (early.ts, equal to
// `homeCounts`, early.test.ts); each listed article's cards through the `articles` index.

// Modules imported one by one, not through srs/ or cards/ index.ts: this code is on the home page's
// (or the inline early script's) byte budget, and an index would bring ts-fsrs along.
import { articleProgress, type ArticleProgress } from '../../cards/progress';
import type { Deck } from '../../cards/types';
import { DEFAULT_SETTINGS, normaliseSettings, type SchedulerSettings } from '../../srs/settings';
import { retrievability } from '../../srs/memory';
import { readable, wordStatus } from '../../srs/word-state';
import { INDEX, request, SETTING, STORE } from '../names';
import type { HomeCounts, StoredCard } from '../rows';
import { openExisting, readHomeCounts } from './early';
import { snapshotDay } from '../backup/snapshot-day';

/** What the home page shows, read from the database. */
export interface HomeRead {
	kind: 'stored';
	counts: HomeCounts;
	progress: Map<string, ArticleProgress>;
	/** No snapshot today yet, and reviews to keep: the page starts one. */
	snapshotDue: boolean;
}

/**
 * `none`: there is no database yet (a first visit: the page shows the decks as they will be stored).
 * `stale`: the database does not hold this build's decks (or lacks a store): the app must load them first.
 */
export type HomeResult = HomeRead | { kind: 'none' } | { kind: 'stale' };

export interface HomeReadOptions {
	/** The scheduler settings the app last saw (see early.ts). */
	hint?: unknown;
	/** Counts already read for this page (by the early script): only the rest is read. */
	counts?: HomeCounts;
	factory?: IDBFactory;
}

/** Reads the home page's counts and the progress of `decks`' articles; never creates or changes the database. */
export async function readHome(
	now: Date,
	contentVersion: string,
	decks: Deck[],
	options: HomeReadOptions = {}
): Promise<HomeResult> {
	const db = await openExisting(options.factory);
	if (!db) return { kind: 'none' };
	try {
		const stores: string[] = [STORE.cards, STORE.settings, STORE.reviews, STORE.snapshots];
		if (!stores.every((s) => db.objectStoreNames.contains(s))) return { kind: 'stale' };
		const tx = db.transaction(stores, 'readonly');
		// A database of a schema before 6 (cards per article) is upgraded by the app first.
		if (!tx.objectStore(STORE.cards).indexNames.contains(INDEX.articles)) return { kind: 'stale' };
		const byArticle = tx.objectStore(STORE.cards).index(INDEX.articles);
		const settings = tx.objectStore(STORE.settings);
		const [counts, version, rows, scheduler, snapshot, anyReview] = await Promise.all([
			options.counts ?? readHomeCounts(db, now, contentVersion, options.hint),
			request(settings.get(SETTING.contentVersion)) as Promise<{ value?: unknown } | undefined>,
			Promise.all(
				decks.map((d) => request(byArticle.getAll(d.article.slug)) as Promise<StoredCard[]>)
			).then((r) => [...new Map(r.flat().map((c) => [c.id, c])).values()]),
			request(settings.get(SETTING.scheduler)) as Promise<{ value?: unknown } | undefined>,
			request(tx.objectStore(STORE.snapshots).getKey(snapshotDay(now))),
			request(tx.objectStore(STORE.reviews).getAllKeys(null, 1))
		]);
		if (!counts || version?.value !== contentVersion) return { kind: 'stale' };
		const { weights } = normaliseSettings(scheduler?.value);
		return {
			kind: 'stored',
			counts,
			progress: collectionProgress(decks, rows, weights, now),
			snapshotDue: snapshot === undefined && anyReview.length > 0
		};
	} finally {
		db.close();
	}
}

/**
 * The counts before the first visit has stored anything: every card of the decks is new, and
 * `homeCounts` would give these once they are stored (home-read.test.ts).
 */
export function firstVisitCounts(
	decks: Deck[],
	settings: SchedulerSettings = DEFAULT_SETTINGS
): HomeCounts {
	// One card per headword a day, and a headword in several articles is one set of cards.
	const headwords = new Set(decks.flatMap((d) => d.cards.map((c) => c.headword)));
	return { due: 0, fresh: Math.min(settings.newPerDay, headwords.size), learned: 0 };
}

/**
 * For each article: how much of it the learner can read, and how many of its cards are new. With
 * `rows` undefined (nothing stored yet) every card is new and no word is readable yet.
 */
export function collectionProgress(
	decks: Deck[],
	rows: StoredCard[] | undefined,
	weights: readonly number[],
	now: Date
): Map<string, ArticleProgress> {
	const byHeadword = new Map<string, StoredCard[]>();
	for (const c of rows ?? []) {
		const list = byHeadword.get(c.content.headword);
		if (list) list.push(c);
		else byHeadword.set(c.content.headword, [c]);
	}
	const byId = new Map((rows ?? []).map((c) => [c.id, c]));
	const ok = new Map<string, boolean>();
	const isReadable = (hw: string) => {
		if (!ok.has(hw))
			ok.set(
				hw,
				readable(wordStatus(byHeadword.get(hw) ?? [], now, (c, t) => retrievability(c, t, weights)))
			);
		return ok.get(hw)!;
	};
	const isNew = (id: string) => {
		if (!rows) return true;
		const c = byId.get(id);
		return !!c && c.fsrs.reps === 0 && c.queue >= 0;
	};
	return new Map(decks.map((d) => [d.article.slug, articleProgress(d, isReadable, isNew)]));
}
