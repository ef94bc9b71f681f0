// The home page's reads, with IndexedDB alone: the home page only reads, so it runs without Dexie
// (the largest part of the app's code) and loads it only when the database needs a write first: the
// decks of a new build. Today's counts are read as the early script reads them (early.ts, equal to
// `homeCounts`, early.test.ts); each article's figures from its kept counts (derived/article-counts.ts).

// Modules imported one by one, not through srs/ or cards/ index.ts: this code is on the home page's
// (or the inline early script's) byte budget, and an index would bring ts-fsrs along.
import type { Deck } from '../../cards/types';
import { headwordOccurrences } from '../../cards/progress';
import { DEFAULT_SETTINGS, normaliseSettings, type SchedulerSettings } from '../../srs/settings';
import { studyDay } from '../../srs/queue';
import { INDEX, request, SETTING, STORE } from '../names';
import { DUE_BUCKET_MS, dueBucket, QUEUE } from '../queues';
import type {
	ArticleCountsRow,
	ArticleDueRow,
	ArticleReadableRow,
	HomeCounts,
	LibraryEntry,
	StoredCard
} from '../rows';
import { openExisting, readHomeCounts } from './early';
import { snapshotDay } from '../backup/snapshot-day';

/** One article of the library as the home page lists it: figures from the kept counts, no card read but today's due ones. */
export interface LibraryRow {
	slug: string;
	title: string;
	/** A URL or a note ('' for none). */
	source: string;
	/** Bundled with Kartu (its page is /article/SLUG), or added by the learner (/read?a=SLUG). */
	bundled: boolean;
	/** Its cards in use: not retired, not ignored. */
	cards: number;
	/** Of those, cards never studied (not marked known). */
	fresh: number;
	/** Cards in review, or whose word is marked known: what the learner has learned of it. */
	learned: number;
	/** Cards due by the end of today's study day (learning and review). */
	due: number;
	/**
	 * Occurrences in its text of its headwords with cards, and of those the occurrences the learner
	 * can read now (the reader's rule: known, or a card in review): its readable share. Absent until
	 * its deck's words are recorded (the first start after the upgrade that keeps them).
	 */
	occurrences?: number;
	readable?: number;
}

/** A bundled article as the home page lists it: known at build time, so the page needs no decks.json. */
export interface BundledArticle {
	slug: string;
	title: string;
	source: string;
	cards: number;
	/** Occurrences of its headwords with cards (cards/progress.ts `headwordOccurrences`). */
	occurrences: number;
}

/** The bundled articles of `decks`, as the home page's build-time data gives them. */
export function bundledArticles(decks: Deck[]): BundledArticle[] {
	return decks.map((d) => ({
		slug: d.article.slug,
		title: d.article.title,
		source: d.article.source,
		cards: d.cards.length,
		occurrences: [...headwordOccurrences(d).values()].reduce((a, b) => a + b, 0)
	}));
}

/** What the home page shows, read from the database. */
export interface HomeRead {
	kind: 'stored';
	counts: HomeCounts;
	/** The bundled articles, then the learner's in the order they were added. */
	library: LibraryRow[];
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

/** One article's readable share from its kept row (nothing when it has none yet). */
export function readableFigures(
	row: ArticleReadableRow | undefined
): Pick<LibraryRow, 'occurrences' | 'readable'> {
	return row ? { occurrences: row.occ, readable: row.read } : {};
}

/** One article's figures from its counts row (`n`: cards per queue number) and its due cards. */
export function libraryFigures(
	n: Record<number, number>,
	due: number
): Pick<LibraryRow, 'cards' | 'fresh' | 'learned' | 'due'> {
	let cards = 0;
	for (const [q, count] of Object.entries(n))
		if (Number(q) !== QUEUE.retired && Number(q) !== QUEUE.ignored) cards += count;
	return {
		cards,
		fresh: n[QUEUE.new] ?? 0,
		learned: (n[QUEUE.review] ?? 0) + (n[QUEUE.known] ?? 0),
		due
	};
}

/**
 * Reads the home page's counts and the library (`decks`' bundled articles and the learner's own)
 * from the kept per-article counts; never creates or changes the database, and reads no card
 * but those due today, however large the library.
 */
export async function readHome(
	now: Date,
	contentVersion: string,
	bundled: BundledArticle[],
	options: HomeReadOptions = {}
): Promise<HomeResult> {
	const db = await openExisting(options.factory);
	if (!db) return { kind: 'none' };
	try {
		const stores: string[] = [
			STORE.cards,
			STORE.settings,
			STORE.reviews,
			STORE.snapshots,
			STORE.articleCounts,
			STORE.articleDue,
			STORE.articleReadable,
			STORE.library
		];
		if (!stores.every((s) => db.objectStoreNames.contains(s))) return { kind: 'stale' };
		const tx = db.transaction(stores, 'readonly');
		const settings = tx.objectStore(STORE.settings);
		// Every request at once (a transaction ends when none is pending): each article's cards due
		// within two days, by quarter-hour, and today's kept once the settings say when the study day
		// ends. No card is read.
		const horizon = dueBucket(now.getTime() + 2 * 24 * 3600_000);
		const [counts, version, scheduler, library, rows, due, readable, snapshot, anyReview] =
			await Promise.all([
				options.counts ?? readHomeCounts(db, now, contentVersion, options.hint),
				request(settings.get(SETTING.contentVersion)) as Promise<{ value?: unknown } | undefined>,
				request(settings.get(SETTING.scheduler)) as Promise<{ value?: unknown } | undefined>,
				request(tx.objectStore(STORE.library).getAll()) as Promise<LibraryEntry[]>,
				request(tx.objectStore(STORE.articleCounts).getAll()) as Promise<ArticleCountsRow[]>,
				request(
					tx.objectStore(STORE.articleDue).getAll(IDBKeyRange.upperBound([horizon], true))
				) as Promise<ArticleDueRow[]>,
				request(tx.objectStore(STORE.articleReadable).getAll()) as Promise<ArticleReadableRow[]>,
				request(tx.objectStore(STORE.snapshots).getKey(snapshotDay(now))),
				request(tx.objectStore(STORE.reviews).getAllKeys(null, 1))
			]);
		if (!counts || version?.value !== contentVersion) return { kind: 'stale' };
		const { dayStartHour } = normaliseSettings(scheduler?.value ?? options.hint);
		const end = studyDay(now, dayStartHour).end;
		// The buckets wholly before the end of the study day; one cut by it (a time zone that is not
		// a whole number of quarter-hours from UTC) has its cards read.
		const last = dueBucket(end);
		const dueBy = new Map<string, number>();
		for (const r of due) if (r.b < last) dueBy.set(r.article, (dueBy.get(r.article) ?? 0) + r.n);
		if (end > last * DUE_BUCKET_MS) {
			const byDue = db
				.transaction(STORE.cards, 'readonly')
				.objectStore(STORE.cards)
				.index(INDEX.queueDue);
			const cut = await Promise.all(
				[QUEUE.learning, QUEUE.review, QUEUE.relearning].map(
					(q) =>
						request(
							byDue.getAll(
								IDBKeyRange.bound(
									[q, new Date(last * DUE_BUCKET_MS)],
									[q, new Date(end)],
									false,
									true
								)
							)
						) as Promise<StoredCard[]>
				)
			);
			for (const c of cut.flat())
				for (const a of new Set(c.articles)) dueBy.set(a, (dueBy.get(a) ?? 0) + 1);
		}
		const shares = new Map(readable.map((r) => [r.article, r]));
		const n = new Map(rows.map((r) => [r.article, r.n]));
		// A row not written yet (no write has touched the article since its store was added): counted here.
		const listed = [...bundled.map((b) => b.slug), ...library.map((e) => e.slug)];
		const missing = listed.filter((s) => !n.has(s));
		const byArticle = missing.length
			? db.transaction(STORE.cards, 'readonly').objectStore(STORE.cards).index(INDEX.articles)
			: undefined;
		const found = await Promise.all(
			missing.map((slug) => request(byArticle!.getAll(slug)) as Promise<StoredCard[]>)
		);
		missing.forEach((slug, i) => {
			const counted: Record<number, number> = {};
			for (const c of found[i]) counted[c.queue] = (counted[c.queue] ?? 0) + 1;
			n.set(slug, counted);
		});
		const row = (slug: string, title: string, source: string, bundled: boolean): LibraryRow => ({
			slug,
			title,
			source,
			bundled,
			...libraryFigures(n.get(slug) ?? {}, dueBy.get(slug) ?? 0),
			...readableFigures(shares.get(slug))
		});
		return {
			kind: 'stored',
			counts,
			library: [
				...bundled.map((b) => row(b.slug, b.title, b.source, true)),
				...library
					.sort((a, b) => a.added.getTime() - b.added.getTime())
					.map((e) => row(e.slug, e.title, e.source, false))
			],
			snapshotDue: snapshot === undefined && anyReview.length > 0
		};
	} finally {
		db.close();
	}
}

/** The library before anything is stored: the bundled articles, every card new. */
export function firstVisitLibrary(bundled: BundledArticle[]): LibraryRow[] {
	return bundled.map((b) => ({
		...b,
		bundled: true,
		fresh: b.cards,
		learned: 0,
		due: 0,
		readable: 0
	}));
}

/**
 * The counts before the first visit has stored anything: every card of the decks is new, and
 * `homeCounts` would give these once they are stored (home-read.test.ts).
 */
export function firstVisitCounts(
	decks: Deck[] | { headwords: number },
	settings: SchedulerSettings = DEFAULT_SETTINGS
): HomeCounts {
	// One card per headword a day, and a headword in several articles is one set of cards.
	const headwords = Array.isArray(decks)
		? new Set(decks.flatMap((d) => d.cards.map((c) => c.headword))).size
		: decks.headwords;
	return { due: 0, fresh: Math.min(settings.newPerDay, headwords), learned: 0 };
}
