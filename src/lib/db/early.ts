// The first code a page runs: inlined in every page's HTML (hooks.server.ts), ahead of the app's
// modules. It opens the database while those modules load, so the app finds it open, and on the
// home page reads today's counts straight from IndexedDB and fills them into the prerendered page,
// so they are on screen before the app has started. It only reads, and never creates the database:
// every write, upgrade and live query is the app's (Dexie, db/). No Dexie here: that is the point.
// On the review page it reads today's queue for the first card. Its queue equals `loadQueue`'s and
// its counts `homeCounts`'s (cards.ts) through weeks of simulated answers (early.test.ts).

import { normaliseSettings } from '../srs/settings';
import { CardState } from '../srs/memory';
import { dayLeft, FRESH_SPARE, queueCounts, reviewSpare, siblingOfId, studyDay, type AnswerToday, type Queue, type QueueCard } from '../srs/queue';
import type { SchedulerSettings } from '../srs/settings';
import type { HomeCounts, LoadedQueue } from './cards';
import { QUEUE } from './queues';
import type { StoredCard } from './schema';

/** What the early script leaves for the app, as `globalThis.__kartuEarly`. */
export interface Early {
	/** The home page's counts, when this is the home page and the database holds this build's decks. */
	home?: Promise<HomeCounts | undefined>;
	/** On the review page: today's queue, to be taken once by the first review session. */
	queue?: Promise<EarlyQueue | undefined>;
	/** The counts once read. */
	homeValue?: HomeCounts;
	/** Set by the app when it shows the counts itself: from then on the early script leaves the page alone. */
	claimed: boolean;
	/** Closes the early connection once the app's own is open (no-op when there is none). */
	release(): void;
}

/** The name of the attribute marking where the home page shows each count. */
export const COUNT_ATTRIBUTE = 'data-count';

const DB_NAME = 'kartu';

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

/** Opens the existing database at whatever version it is; undefined when there is none yet (it is then not created). */
export function openExisting(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<IDBDatabase | undefined> {
	return new Promise((resolve) => {
		let r: IDBOpenDBRequest;
		try {
			r = factory.open(name);
		} catch {
			return resolve(undefined);
		}
		// No database yet: aborting the upgrade leaves none behind, for the app to create at its version.
		r.onupgradeneeded = () => r.transaction?.abort();
		r.onsuccess = () => {
			const db = r.result;
			// The app upgrading the schema must not wait for this connection.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		r.onerror = (e) => {
			e.preventDefault();
			resolve(undefined);
		};
		r.onblocked = () => resolve(undefined);
	});
}

const below = (queue: number, end: Date) => IDBKeyRange.bound([queue, -Infinity], [queue, end], false, true);

/** Today's queue as `loadQueue` gives it, the settings it was read with, and the learned count. */
export interface EarlyQueue {
	settings: SchedulerSettings;
	/** The audio setting (as `loadAudioSettings` reads it): speak each card's front when it appears. */
	autoplay: boolean;
	loaded: LoadedQueue;
	learned: number;
	/** When it was read (ms since the epoch). */
	at: number;
	/** The rows of the first review cards, read ahead (as many as asked for). */
	ahead: StoredCard[];
}

/**
 * Today's queue read with IndexedDB alone, equal to `loadQueue`'s (early.test.ts), in one read-only
 * transaction and few round trips: the settings, then everything else at once (reading as many
 * reviews and new cards as the daily limits could allow rather than waiting for today's answers),
 * then the rows of the first `reviewRows` review cards. Few round trips matter: while the app's
 * modules start, each may wait behind their work on the main thread. Undefined when the database
 * does not hold the decks of `contentVersion` (the app loads them first) or lacks a store.
 */
export async function readQueue(db: IDBDatabase, now: Date, contentVersion: string, reviewRows = 0, hint?: unknown): Promise<EarlyQueue | undefined> {
	const stores = ['settings', 'cards', 'reviews'];
	if (!stores.every((s) => db.objectStoreNames.contains(s))) return undefined;
	const tx = db.transaction(stores, 'readonly');
	const settingsStore = tx.objectStore('settings');
	const stored = Promise.all([
		request(settingsStore.get('content-version')) as Promise<{ value?: unknown } | undefined>,
		request(settingsStore.get('scheduler')) as Promise<{ value?: unknown } | undefined>,
		request(settingsStore.get('audio')) as Promise<{ value?: { autoplay?: unknown } } | undefined>
	]);
	// With the settings the app last saw (`hint`), the day is read at once, beside the settings;
	// if the stored settings turn out different, it is read again with them.
	const guess = hint === undefined ? undefined : normaliseSettings(hint);
	const guessed = guess && readDay(tx, now, guess);
	guessed?.catch(() => {});
	const [version, scheduler, audio] = await stored;
	if (version?.value !== contentVersion) return undefined;
	const settings = normaliseSettings(scheduler?.value);
	const day = guessed && JSON.stringify(guess) === JSON.stringify(settings) ? await guessed : await readDay(tx, now, settings);
	const queue = day.queue;
	const ahead = (await Promise.all(queue.review.slice(0, reviewRows).map((c) => request(tx.objectStore('cards').get(c.id))))) as (StoredCard | undefined)[];
	return { settings, autoplay: audio?.value?.autoplay === true, loaded: { queue, cards: day.rows }, learned: day.learned, at: now.getTime(), ahead: ahead.filter((c) => !!c) };
}

/** Today's queue under `settings`, its rows and the learned count, read in `tx` in one round trip (rarely two). */
async function readDay(tx: IDBTransaction, now: Date, settings: SchedulerSettings): Promise<{ queue: Queue; rows: Map<string, StoredCard>; learned: number }> {
	const cards = tx.objectStore('cards');
	const byDue = cards.index('[queue+fsrs.due]');
	const day = studyDay(now, settings.dayStartHour);
	const end = new Date(day.end);
	const left = (request(tx.objectStore('reviews').index('time').getAll(IDBKeyRange.lowerBound(new Date(day.start)))) as Promise<AnswerToday[]>).then(
		(answers) => dayLeft(answers, settings)
	);
	const maxReviews = settings.maxReviewsPerDay + reviewSpare(settings.maxReviewsPerDay);
	const [learning, relearning, learned, reviewKeys, newRows, { reviewsLeft, newLeft, answered }] = await Promise.all([
		request(byDue.getAll(below(QUEUE.learning, end))) as Promise<StoredCard[]>,
		request(byDue.getAll(below(QUEUE.relearning, end))) as Promise<StoredCard[]>,
		request(byDue.count(IDBKeyRange.bound([QUEUE.learning, -Infinity], [QUEUE.relearning, []]))),
		settings.maxReviewsPerDay ? (request(byDue.getAllKeys(below(QUEUE.review, end), maxReviews)) as Promise<string[]>) : [],
		settings.newPerDay ? freshRows(cards.index('[queue+position]'), settings.newPerDay + FRESH_SPARE, left) : [],
		left
	]);
	const fresh: StoredCard[] = [];
	const taken = new Set<string>();
	for (const c of newLeft ? newRows : []) {
		if (fresh.length >= newLeft + FRESH_SPARE) break;
		if (answered.has(c.sibling) || taken.has(c.sibling)) continue;
		taken.add(c.sibling);
		fresh.push(c);
	}
	const reviewIds = reviewsLeft ? reviewKeys.slice(0, reviewsLeft + reviewSpare(reviewsLeft)) : [];
	const queue: Queue = {
		learning: [...learning, ...relearning].map(toQueueCard).sort((a, b) => a.due - b.due),
		// In the index's due order; all are due today, so the day's start stands for their due time.
		review: reviewIds.map((id) => ({ id, sibling: siblingOfId(id), state: CardState.Review, due: day.start, position: 0 })),
		fresh: fresh.map(toQueueCard),
		newLeft,
		reviewsLeft,
		answered,
		day
	};
	const rows = new Map([...learning, ...relearning, ...fresh].map((c) => [c.id, c]));
	return { queue, rows, learned };
}

/** The home page's counts, read as `homeCounts` reads them (early.test.ts). */
export async function readHomeCounts(db: IDBDatabase, now: Date, contentVersion: string, hint?: unknown): Promise<HomeCounts | undefined> {
	const read = await readQueue(db, now, contentVersion, 0, hint);
	if (!read) return undefined;
	const counts = queueCounts(read.loaded.queue, now.getTime());
	return { due: counts.learning + counts.review, fresh: counts.new, learned: read.learned };
}

const toQueueCard = (c: StoredCard): QueueCard => ({ id: c.id, sibling: c.sibling, state: c.fsrs.state, due: c.fsrs.due.getTime(), position: c.position });

/**
 * New cards by position, in batches, until they hold `wanted` headwords not answered today (a
 * headword's cards share its position) or there are no more. The first batch is read without
 * waiting for today's answers; only a further one, rarely needed, waits for them.
 */
async function freshRows(index: IDBIndex, wanted: number, answers: Promise<{ answered: Map<string, string> }>): Promise<StoredCard[]> {
	const rows = new Map<string, StoredCard>();
	const batch = wanted * 4;
	let from = IDBKeyRange.bound([QUEUE.new, -Infinity], [QUEUE.new, []]);
	for (;;) {
		const got = (await request(index.getAll(from, batch))) as StoredCard[];
		const before = rows.size;
		for (const r of got) rows.set(r.id, r);
		if (got.length < batch || rows.size === before) break;
		const { answered } = await answers;
		const open = new Set([...rows.values()].map((r) => r.sibling).filter((s) => !answered.has(s)));
		if (open.size >= wanted) break;
		// Inclusive: the last position's other cards may not all be in this batch.
		from = IDBKeyRange.bound([QUEUE.new, got[got.length - 1].position], [QUEUE.new, []]);
	}
	return [...rows.values()];
}

/**
 * Writes the counts into the elements marked `data-count="due|fresh|learned"`: those parsed already
 * at once (the parser may be held up further down the page), and again once the page is parsed.
 */
function show(counts: HomeCounts, early: Early): void {
	const write = () => {
		if (early.claimed) return;
		for (const el of document.querySelectorAll<HTMLElement>(`[${COUNT_ATTRIBUTE}]`)) {
			const value = counts[el.getAttribute(COUNT_ATTRIBUTE) as keyof HomeCounts];
			if (value !== undefined) el.textContent = String(value);
		}
		document.querySelector('[aria-busy][data-counts]')?.setAttribute('aria-busy', 'false');
	};
	write();
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', write, { once: true });
}

/** The localStorage key under which the app keeps the scheduler settings it last saw (a hint: always checked). */
export const SETTINGS_HINT = 'kartu:scheduler';

function settingsHint(): unknown {
	try {
		const text = localStorage.getItem(SETTINGS_HINT);
		return text === null ? undefined : (JSON.parse(text) as unknown);
	} catch {
		return undefined;
	}
}

/** Review cards whose rows the review page reads ahead with the queue (as the session prefetches). */
export const REVIEW_ROWS_AHEAD = 8;

/** Runs in the page's head: `page` is `home` or `review` on those pages; `contentVersion` is the build's. */
export function start(page: string | undefined, contentVersion: string | undefined): void {
	// Marks for the benchmark (bench/scale.ts): when the database was open, and when the read was done.
	const opening = openExisting().then((db) => (performance.mark('kartu:early-opened'), db));
	const hint = settingsHint();
	const early: Early = {
		claimed: false,
		release: () => void opening.then((db) => db?.close())
	};
	if (page === 'home' && contentVersion) {
		early.home = opening
			.then((db) => (db ? readHomeCounts(db, new Date(), contentVersion, hint) : undefined))
			.catch(() => undefined)
			.then((counts) => {
				performance.mark('kartu:early-read');
				early.homeValue = counts;
				if (counts) show(counts, early);
				return counts;
			});
	}
	if (page === 'review' && contentVersion) {
		early.queue = opening.then((db) => (db ? readQueue(db, new Date(), contentVersion, REVIEW_ROWS_AHEAD, hint) : undefined)).catch(() => undefined);
	}
	(globalThis as { __kartuEarly?: Early }).__kartuEarly = early;
}
