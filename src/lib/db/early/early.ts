// The first code a page runs: inlined in every page's HTML (hooks.server.ts), ahead of the app's
// modules. It opens the database while those modules load, so the app finds it open, and on the
// home page reads today's counts straight from IndexedDB and fills them into the prerendered page,
// so they are on screen before the app has started. It only reads, and never creates the database:
// every write, upgrade and live query is the app's (Dexie, db/). No Dexie here: that is the point.
// On the review page it reads today's queue for the first card. Its queue equals `loadQueue`'s and
// its counts `homeCounts`'s (cards.ts) through weeks of simulated answers (early.test.ts).

// Modules imported one by one, not through srs/ or cards/ index.ts: this code is on the home page's
// (or the inline early script's) byte budget, and an index would bring ts-fsrs along.
import { CardState } from '../../srs/memory';
import {
	dayLeft,
	FRESH_SPARE,
	LEARN_AHEAD_MS,
	pickNext,
	queueCounts,
	reviewSpare,
	siblingOfId,
	studyDay,
	type AnswerToday,
	type Queue,
	type QueueCard,
	type QueueCounts,
	type StudyDay
} from '../../srs/queue';
import { normaliseSettings, type SchedulerSettings } from '../../srs/settings';
import { DB_NAME, INDEX, QUEUE_COUNTS_KEY, request, SETTING, SETTINGS_HINT, STORE } from '../names';
import { answersIn, assembleQueue, hoursOf, learnedIn, QUEUE } from '../queues';
import { bucketFactory, JOURNAL_DB } from '../journal';
import type { AnswerHour, HomeCounts, LoadedQueue, QueueCountsRow, StoredCard } from '../rows';
import {
	builtFirst,
	drawFace,
	facesParsed,
	frontContent,
	type EarlyFace,
	type FirstCard
} from './early-face';

/** What the early script leaves for the app, as `globalThis.__kartuEarly`. */
export interface Early {
	/** The home page's counts, when this is the home page and the database holds this build's decks. */
	home?: Promise<HomeCounts | undefined>;
	/** On the review page: today's queue, to be taken once by the first review session. */
	queue?: Promise<EarlyQueue | undefined>;
	/** The counts once read. */
	homeValue?: HomeCounts;
	/** On the review page: the first card, drawn before the app has loaded (early-face.ts). */
	face?: EarlyFace;
	/**
	 * On a first visit (no database yet): decks.json, fetched at once rather than once the app has
	 * created the database; the URL it was fetched from, and the response.
	 */
	decks?: { url: string; response: Promise<Response> };
	/** Set by the app when it shows the counts itself: from then on the early script leaves the page alone. */
	claimed: boolean;
	/** Closes the early connection once the app's own is open (no-op when there is none). */
	release(): void;
	/**
	 * The review page's first card as the early script drew it, taken once by the app as it shows
	 * its own: from then on the early script leaves the page alone.
	 */
	takeFace(): EarlyFace | undefined;
}

/** The name of the attribute marking where the home page shows each count. */
export const COUNT_ATTRIBUTE = 'data-count';

/**
 * Opens the existing database at whatever version it is; undefined when there is none yet (it is
 * then not created, and `found.absent` is set) or another tab's upgrade is under way. Rejects when the database exists, or may, but cannot be opened (a broken or
 * refused IndexedDB): the caller must say so rather than show an empty collection.
 */
export function openExisting(
	factory: IDBFactory = indexedDB,
	name = DB_NAME,
	found?: { absent?: boolean }
): Promise<IDBDatabase | undefined> {
	return new Promise((resolve, reject) => {
		let r: IDBOpenDBRequest;
		try {
			r = factory.open(name);
		} catch (e) {
			return reject(e);
		}
		let absent = false;
		// No database yet: aborting the upgrade leaves none behind, for the app to create at its version.
		r.onupgradeneeded = () => {
			absent = true;
			if (found) found.absent = true;
			r.transaction?.abort();
		};
		r.onsuccess = () => {
			const db = r.result;
			// The app upgrading the schema must not wait for this connection.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		r.onerror = (e) => {
			e.preventDefault();
			if (absent) resolve(undefined);
			else reject(r.error ?? new Error('IndexedDB could not open the database.'));
		};
		r.onblocked = () => resolve(undefined);
	});
}

const below = (queue: number, end: Date) =>
	IDBKeyRange.bound([queue, -Infinity], [queue, end], false, true);

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
export async function readQueue(
	db: IDBDatabase,
	now: Date,
	contentVersion: string,
	reviewRows = 0,
	hint?: unknown
): Promise<EarlyQueue | undefined> {
	const read = await withSettings(db, contentVersion, hint, (tx, settings) =>
		readDay(tx, now, settings)
	);
	if (!read) return undefined;
	const { tx, settings, autoplay, value: day } = read;
	const queue = day.queue;
	const ahead = (await Promise.all(
		queue.review.slice(0, reviewRows).map((c) => request(tx.objectStore(STORE.cards).get(c.id)))
	)) as (StoredCard | undefined)[];
	return {
		settings,
		autoplay,
		loaded: { queue, cards: day.rows },
		learned: day.learned,
		at: now.getTime(),
		ahead: ahead.filter((c) => !!c)
	};
}

/**
 * Opens one read-only transaction, reads the stored settings and runs `read` with them; with the
 * settings the app last saw (`hint`), `read` starts at once, beside the settings, and runs again
 * only if the stored ones turn out different. Undefined when the database does not hold the decks
 * of `contentVersion` (the app loads them first) or lacks a store.
 */
async function withSettings<T>(
	db: IDBDatabase,
	contentVersion: string,
	hint: unknown,
	read: (tx: IDBTransaction, settings: SchedulerSettings) => Promise<T>
): Promise<
	{ tx: IDBTransaction; settings: SchedulerSettings; autoplay: boolean; value: T } | undefined
> {
	const stores: string[] = [STORE.settings, STORE.cards, STORE.reviews];
	if (!stores.every((s) => db.objectStoreNames.contains(s))) return undefined;
	// A database from before the maintained counts and answers by hour (the app adds them when it
	// opens it) is read as before: counted through the index, today's reviews read whole.
	for (const derived of [STORE.counts, STORE.answerHours, STORE.journal])
		if (db.objectStoreNames.contains(derived)) stores.push(derived);
	const tx = db.transaction(stores, 'readonly');
	// Answers a killed browser left in the journal: the app writes them first (db/answers.ts).
	const journalled = stores.includes(STORE.journal)
		? request(tx.objectStore(STORE.journal).count())
		: Promise.resolve(0);
	const settingsStore = tx.objectStore(STORE.settings);
	const stored = Promise.all([
		request(settingsStore.get(SETTING.contentVersion)) as Promise<{ value?: unknown } | undefined>,
		request(settingsStore.get(SETTING.scheduler)) as Promise<{ value?: unknown } | undefined>,
		request(settingsStore.get(SETTING.audio)) as Promise<
			{ value?: { autoplay?: unknown } } | undefined
		>
	]);
	const guess = hint === undefined ? undefined : normaliseSettings(hint);
	const guessed = guess && read(tx, guess);
	guessed?.catch(() => {});
	const [version, scheduler, audio] = await stored;
	if (version?.value !== contentVersion || (await journalled) > 0) return undefined;
	const settings = normaliseSettings(scheduler?.value);
	const value =
		guessed && JSON.stringify(guess) === JSON.stringify(settings)
			? await guessed
			: await read(tx, settings);
	return { tx, settings, autoplay: audio?.value?.autoplay === true, value };
}

/** Today's queue under `settings`, its rows and the learned count, read in `tx` in one round trip (rarely two). */
async function readDay(
	tx: IDBTransaction,
	now: Date,
	settings: SchedulerSettings
): Promise<{ queue: Queue; rows: Map<string, StoredCard>; learned: number }> {
	const cards = tx.objectStore(STORE.cards);
	const byDue = cards.index(INDEX.queueDue);
	const day = studyDay(now, settings.dayStartHour);
	const end = new Date(day.end);
	const left = answersToday(tx, day).then((answers) => dayLeft(answers, settings));
	const maxReviews = settings.maxReviewsPerDay + reviewSpare(settings.maxReviewsPerDay);
	const counts = countsRow(tx);
	const [learning, relearning, learned, reviewKeys, newRows, { reviewsLeft, newLeft, answered }] =
		await Promise.all([
			request(byDue.getAll(below(QUEUE.learning, end))) as Promise<StoredCard[]>,
			request(byDue.getAll(below(QUEUE.relearning, end))) as Promise<StoredCard[]>,
			learnedCount(tx, counts),
			settings.maxReviewsPerDay
				? (request(byDue.getAllKeys(below(QUEUE.review, end), maxReviews)) as Promise<string[]>)
				: [],
			settings.newPerDay
				? counts.then((row) =>
						freshRows(
							cards.index(INDEX.queuePosition),
							settings.newPerDay + FRESH_SPARE,
							left,
							row?.newFrom
						)
					)
				: [],
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
	const { queue, cards: rows } = assembleQueue(
		{ learning, relearning, reviewIds, fresh },
		{ newLeft, reviewsLeft, answered },
		day
	);
	return { queue, rows, learned };
}

/** Today's answers: from the answers kept by hour (db/answer-hours.ts), from the reviews only if there are none. */
async function answersToday(tx: IDBTransaction, day: StudyDay): Promise<AnswerToday[]> {
	if (tx.objectStoreNames.contains(STORE.answerHours)) {
		const [from, to] = hoursOf(day.start, day.end);
		return answersIn(
			(await request(
				tx.objectStore(STORE.answerHours).getAll(IDBKeyRange.bound(from, to))
			)) as AnswerHour[],
			day.start,
			day.end
		);
	}
	return request(
		tx
			.objectStore(STORE.reviews)
			.index(INDEX.time)
			.getAll(IDBKeyRange.lowerBound(new Date(day.start)))
	) as Promise<AnswerToday[]>;
}

/** The maintained counts row (db/derived/queue-counts.ts), if the database has one. */
async function countsRow(tx: IDBTransaction): Promise<QueueCountsRow | undefined> {
	return tx.objectStoreNames.contains(STORE.counts)
		? ((await request(tx.objectStore(STORE.counts).get(QUEUE_COUNTS_KEY))) as
				QueueCountsRow | undefined)
		: undefined;
}

/** Cards in learning or review: from the maintained counts, through the index only if they are missing. */
async function learnedCount(
	tx: IDBTransaction,
	counts: Promise<QueueCountsRow | undefined>
): Promise<number> {
	const row = await counts;
	if (row) return learnedIn(row);
	return request(
		tx
			.objectStore(STORE.cards)
			.index(INDEX.queueDue)
			.count(IDBKeyRange.bound([QUEUE.learning, -Infinity], [QUEUE.relearning, []]))
	);
}

/** The home page's counts, read as `homeCounts` reads them (early.test.ts). */
export async function readHomeCounts(
	db: IDBDatabase,
	now: Date,
	contentVersion: string,
	hint?: unknown
): Promise<HomeCounts | undefined> {
	return (
		await withSettings(db, contentVersion, hint, (tx, settings) => readDayCounts(tx, now, settings))
	)?.value;
}

/**
 * Today's counts under `settings` from the indexes' keys alone: the ids of the (re)learning cards
 * due within LEARN_AHEAD_MS, of the reviews due today (as many as the limits could allow) and of
 * the next new cards; no card is read. A card's id names its headword, which is all the counting
 * needs (`queueCounts`: one card per headword a day).
 */
async function readDayCounts(
	tx: IDBTransaction,
	now: Date,
	settings: SchedulerSettings
): Promise<HomeCounts> {
	const keys = readDayKeys(tx, now, settings);
	const [{ counts }, learned] = await Promise.all([keys, learnedCount(tx, keys.kept)]);
	return { due: counts.learning + counts.review, fresh: counts.new, learned };
}

/** Today's queue as ids, read from the indexes' keys, and the counts the review screen shows for it. */
interface DayKeys {
	/** As `queueCounts` counts them: (re)learning cards due within LEARN_AHEAD_MS, reviews, new cards. */
	counts: QueueCounts;
	/** The queue of ids: (re)learning left empty (the keys give no due time), reviews and new cards in order. */
	queue: Queue;
}

/**
 * Reads today's queue as ids (`DayKeys`) in `tx`, in one round trip (two with the new cards, which
 * start where the kept counts say). `kept` is the counts row it reads, for the caller to share.
 */
function readDayKeys(
	tx: IDBTransaction,
	now: Date,
	settings: SchedulerSettings
): Promise<DayKeys> & { kept: Promise<QueueCountsRow | undefined>; day: StudyDay } {
	const cards = tx.objectStore(STORE.cards);
	const byDue = cards.index(INDEX.queueDue);
	const day = studyDay(now, settings.dayStartHour);
	const end = new Date(day.end);
	const left = answersToday(tx, day).then((answers) => dayLeft(answers, settings));
	// Learning cards count when due within LEARN_AHEAD_MS, and only today's.
	const soon = now.getTime() + LEARN_AHEAD_MS;
	const dueSoon = (q: number) =>
		soon < day.end ? IDBKeyRange.bound([q, -Infinity], [q, new Date(soon)]) : below(q, end);
	const keys = (r: IDBRequest<IDBValidKey[]>) => request(r) as Promise<string[]>;
	const maxReviews = settings.maxReviewsPerDay + reviewSpare(settings.maxReviewsPerDay);
	const wanted = settings.newPerDay + FRESH_SPARE;
	const kept = countsRow(tx);
	const read = Promise.all([
		keys(byDue.getAllKeys(dueSoon(QUEUE.learning))),
		keys(byDue.getAllKeys(dueSoon(QUEUE.relearning))),
		settings.maxReviewsPerDay ? keys(byDue.getAllKeys(below(QUEUE.review, end), maxReviews)) : [],
		settings.newPerDay
			? kept.then((row) => freshIds(cards.index(INDEX.queuePosition), wanted, left, row?.newFrom))
			: [],
		left
	]).then(([learning, relearning, reviewKeys, newIds, { reviewsLeft, newLeft, answered }]) => {
		const fresh: string[] = [];
		const taken = new Set<string>();
		for (const id of newLeft ? newIds : []) {
			if (fresh.length >= newLeft + FRESH_SPARE) break;
			const sibling = siblingOfId(id);
			if (answered.has(sibling) || taken.has(sibling)) continue;
			taken.add(sibling);
			fresh.push(id);
		}
		const card =
			(state: number, due: number) =>
			(id: string): QueueCard => ({
				id,
				sibling: siblingOfId(id),
				state: state as QueueCard['state'],
				due,
				position: 0
			});
		const queue: Queue = {
			learning: [],
			review: (reviewsLeft ? reviewKeys.slice(0, reviewsLeft + reviewSpare(reviewsLeft)) : []).map(
				card(CardState.Review, day.start)
			),
			fresh: fresh.map(card(CardState.New, now.getTime())),
			newLeft,
			reviewsLeft,
			answered,
			day
		};
		const counts = queueCounts(
			{
				...queue,
				learning: [
					...learning.map(card(CardState.Learning, now.getTime())),
					...relearning.map(card(CardState.Relearning, now.getTime()))
				]
			},
			now.getTime()
		);
		return { counts, queue };
	});
	return Object.assign(read, { kept, day });
}

/**
 * The review page's first card and its counts, as the review session will show them on today's
 * queue (early.test.ts), read light for the early script to draw at once: the counts from the
 * indexes' keys (as the home page's), the first few (re)learning cards' rows, and only the first
 * review's and first new card's rows; a second round trip only when today's answers bury those.
 * Undefined when nothing is left for now, or the database does not hold this build's decks.
 */
export async function readFirstCard(
	db: IDBDatabase,
	now: Date,
	contentVersion: string,
	hint?: unknown,
	learningRows = FIRST_LEARNING_ROWS
): Promise<FirstCard | undefined> {
	return (
		await withSettings(db, contentVersion, hint, (tx, settings) =>
			readFirstIn(tx, now, settings, learningRows)
		)
	)?.value;
}

/** (Re)learning cards whose rows the first card's read takes, the earliest due of each queue. */
const FIRST_LEARNING_ROWS = 8;

async function readFirstIn(
	tx: IDBTransaction,
	now: Date,
	settings: SchedulerSettings,
	learningRows: number
): Promise<FirstCard | undefined> {
	const cards = tx.objectStore(STORE.cards);
	const byDue = cards.index(INDEX.queueDue);
	const byPosition = cards.index(INDEX.queuePosition);
	const keys = readDayKeys(tx, now, settings);
	const end = new Date(keys.day.end);
	const row = (r: IDBRequest) => request(r) as Promise<StoredCard | undefined>;
	const rows = (r: IDBRequest) => request(r) as Promise<StoredCard[]>;
	const [learning, relearning, firstReview, firstNew, { counts, queue }] = await Promise.all([
		rows(byDue.getAll(below(QUEUE.learning, end), learningRows)),
		rows(byDue.getAll(below(QUEUE.relearning, end), learningRows)),
		settings.maxReviewsPerDay ? row(byDue.get(below(QUEUE.review, end))) : undefined,
		settings.newPerDay
			? keys.kept.then((r) => row(byPosition.get(newQueue(r?.newFrom))))
			: undefined,
		keys
	]);
	// The session picks the earliest due (re)learning card whose headword was not answered today:
	// among the rows read unless those of a queue were all buried (rare), then among all of them.
	const buried = (c: StoredCard) =>
		queue.answered.has(c.sibling) && queue.answered.get(c.sibling) !== c.id;
	const all = (read: StoredCard[], q: number) =>
		read.length === learningRows && read.every(buried) ? rows(byDue.getAll(below(q, end))) : read;
	const [l, r] = await Promise.all([
		all(learning, QUEUE.learning),
		all(relearning, QUEUE.relearning)
	]);
	const { queue: learningQueue } = assembleQueue(
		{ learning: l, relearning: r, reviewIds: [], fresh: [] },
		queue,
		keys.day
	);
	const next = pickNext({ ...queue, learning: learningQueue.learning }, now.getTime());
	const found = new Map(
		[...l, ...r, firstReview, firstNew].filter((c): c is StoredCard => !!c).map((c) => [c.id, c])
	);
	// Not among the rows read when its headword's first card was answered today: one more read.
	const card = next && (found.get(next.id) ?? (await row(cards.get(next.id))));
	return card && { card, counts };
}

/** The new queue from where it starts (`newFrom`, kept with the counts), or from the beginning. */
const newQueue = (newFrom = -Infinity) => IDBKeyRange.bound([QUEUE.new, newFrom], [QUEUE.new, []]);

/**
 * The ids of the next new cards by position, as `freshRows` would read their rows: one batch of
 * keys; in the rare case that it holds too few headwords not answered today, the rows themselves.
 */
async function freshIds(
	index: IDBIndex,
	wanted: number,
	answers: Promise<{ answered: Map<string, string> }>,
	newFrom?: number
): Promise<string[]> {
	const batch = wanted * 4;
	const ids = (await request(index.getAllKeys(newQueue(newFrom), batch))) as string[];
	if (ids.length < batch) return ids;
	const { answered } = await answers;
	if (new Set(ids.map(siblingOfId).filter((s) => !answered.has(s))).size >= wanted) return ids;
	return (await freshRows(index, wanted, answers, newFrom)).map((c) => c.id);
}

/**
 * New cards by position, in batches, until they hold `wanted` headwords not answered today (a
 * headword's cards share its position) or there are no more. The first batch is read without
 * waiting for today's answers; only a further one, rarely needed, waits for them.
 */
async function freshRows(
	index: IDBIndex,
	wanted: number,
	answers: Promise<{ answered: Map<string, string> }>,
	newFrom?: number
): Promise<StoredCard[]> {
	const rows = new Map<string, StoredCard>();
	const batch = wanted * 4;
	let from = newQueue(newFrom);
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
	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', write, { once: true });
}

export function settingsHint(): unknown {
	try {
		const text = localStorage.getItem(SETTINGS_HINT);
		return text === null ? undefined : (JSON.parse(text) as unknown);
	} catch {
		return undefined;
	}
}

/**
 * Whether answers wait in the journal's own bucket (db/journal.ts), left by a killed browser: the
 * app writes them first, so the early script then draws nothing. The journal in the collection's
 * store is checked with the reads themselves (`withSettings`).
 */
export function journalPending(
	factory: Promise<IDBFactory | undefined> = bucketFactory()
): Promise<boolean> {
	return factory
		.then((f) => (f ? openExisting(f, JOURNAL_DB) : undefined))
		.then(async (journal) => {
			if (!journal) return false;
			try {
				if (!journal.objectStoreNames.contains(STORE.journal)) return false;
				const store = journal.transaction(STORE.journal).objectStore(STORE.journal);
				return (await request(store.count())) > 0;
			} finally {
				journal.close();
			}
		})
		.catch(() => false);
}

/** Review cards whose rows the review page reads ahead with the queue (as the session prefetches). */
export const REVIEW_ROWS_AHEAD = 8;

/** Runs in the page's head: `page` is `home` or `review` on those pages; `contentVersion` is the build's. */
export function start(page: string | undefined, contentVersion: string | undefined): void {
	// Marks for the benchmark (bench/scale.ts): when the database was open, and when the read was done.
	// A database that cannot be opened is the app's to report: the early script only steps aside.
	const found: { absent?: boolean } = {};
	const opening = openExisting(indexedDB, DB_NAME, found)
		.catch(() => undefined)
		.then((db) => (performance.mark('kartu:early-opened'), db));
	const hint = settingsHint();
	const pending = page === 'home' || page === 'review' ? journalPending() : Promise.resolve(false);
	/** What `read` read, unless answers wait in the journal's bucket. */
	const unlessPending = <T>(read: Promise<T | undefined>) =>
		Promise.all([read, pending]).then(([value, waiting]) => (waiting ? undefined : value));
	const early: Early = {
		claimed: false,
		release: () => void opening.then((db) => db?.close()),
		takeFace() {
			early.claimed = true;
			const face = early.face;
			early.face = undefined;
			return face;
		}
	};
	if (page === 'review' && contentVersion) {
		// A first visit: the app will store the decks as soon as it has created the database (the
		// home page does not: it shows the decks from its own HTML).
		const url = new URL('decks.json', location.href).href;
		void opening.then((db) => {
			if (!db) early.decks = { url, response: fetch(url) };
		});
	}
	if (page === 'home' && contentVersion) {
		early.home = opening
			.then((db) =>
				db ? unlessPending(readHomeCounts(db, new Date(), contentVersion, hint)) : undefined
			)
			.catch(() => undefined)
			.then((counts) => {
				performance.mark('kartu:early-read');
				early.homeValue = counts;
				if (counts) show(counts, early);
				return counts;
			});
	}
	if (page === 'review' && contentVersion) {
		// The first card's light read goes first, so that its requests are not queued behind the
		// whole queue's. Not for practice (a query): that session is not today's queue.
		if (!location.search)
			void drawFirst(
				early,
				opening.then((db) => (db || found.absent ? db : null)),
				opening.then((db) =>
					db ? unlessPending(readFirstCard(db, new Date(), contentVersion, hint)) : undefined
				)
			);
		early.queue = opening
			.then((db) =>
				db
					? unlessPending(readQueue(db, new Date(), contentVersion, REVIEW_ROWS_AHEAD, hint))
					: undefined
			)
			.catch(() => undefined);
	}
	(globalThis as { __kartuEarly?: Early }).__kartuEarly = early;
}

/**
 * Draws the review page's first card before the app has loaded: today's first card as the session
 * will pick it, or, on a first visit (no database at all), the build's. Nothing once the app has shown
 * its own, or when the database holds other decks (the app stores this build's first).
 */
async function drawFirst(
	early: Early,
	opening: Promise<IDBDatabase | undefined | null>,
	reading: Promise<FirstCard | undefined>
): Promise<void> {
	try {
		// null: a database that could not be opened here (another tab upgrading it, or IndexedDB refused).
		const db = await opening;
		if (db === null) return;
		const first = db && (await reading);
		if (db && !first) return;
		// The faces to copy come before the app's scripts in the page: usually parsed already.
		if (!facesParsed(document))
			await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
		if (early.claimed) return;
		const front = first ? frontContent(first) : builtFirst(document);
		if (!front) return;
		early.face = drawFace(document, front, first?.counts);
		performance.mark('kartu:early-face');
	} catch {
		// The app draws the card itself.
	}
}
