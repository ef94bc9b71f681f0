// Sync's side of the local database (the protocol is in lib/sync/): the server and credentials the
// learner gave, how far this device got with that server, the reviews it has yet to send, and the
// reviews received, merged in with each touched card's state replayed (sync/merge.ts).
//
// What a received batch of reviews writes, in one transaction:
//   reviews    the reviews this device did not have (by id: never one twice), none undone here
//   cards      each touched card's state, replayed from its whole history (only when it changed)
//   settings   'stats-state' marked stale, so the statistics are summed again (stats.ts)
//   counts, articleCounts, answerHours   through the middlewares, as for any answer
// A received change (db/changes.ts) joins the log and, when it holds, is applied through the same
// writer as the learner's own (markWord, setMeaning, setSuspended, saveSettings, addArticle,
// renameArticle, deleteArticle), unlogged; an undone answer deletes its review and replays its card.
// Nothing is deleted because a server lacks it: only a change a device made removes anything.

import type { Card as FsrsCard } from 'ts-fsrs';
import { replayCard, sameState, type Answerer, type UndoneAnswer } from '../sync/merge';
import { DEFAULT_SETTINGS, validateSettings } from '../srs';
import type { Deck } from '../cards';
import { markStatsStale } from './stats';
import { markWord } from './words';
import { addArticle, deleteArticle, renameArticle, setMeaning } from './articles';
import { setSuspended } from './card-table';
import { loadSettings, saveSettings, type ParameterChange } from './settings';
import { changeKey, holdsOver, latestChanges, type UndoneValue } from './changes';
import { queueOf, type KartuDB } from './schema';
import type { LibraryEntry, StoredCard, StoredReview, SyncChange } from './rows';
import { SETTING } from './names';

/** What the learner set up on Settings → Sync. */
export interface SyncConfig {
	/** The database's address: https://couch.example.org/kartu-ana. */
	url: string;
	user: string;
	password: string;
	/** Sync by itself while the app is open. */
	live: boolean;
}

/** What the last sync did (shown on Settings). */
export interface SyncResult {
	time: Date;
	sent: number;
	received: number;
	/** Changes taken from the server: marks, meanings, suspensions, settings, articles, undone answers. */
	marks?: number;
	/** Why it stopped, in words for the learner; absent when it went through. */
	error?: string;
}

/** How far this device got with the server at `url`. */
export interface SyncProgress {
	url: string;
	/** The largest review id sent (review ids sort by time: answers.ts `reviewId`); '' for none. */
	sentUpTo: string;
	/** The server's `_changes` sequence read up to; null before the first pull. */
	since: string | number | null;
	/** The last change of the log sent (db/changes.ts, its local `seq`); absent for none. */
	changesSentUpTo?: number;
	/** Before the change log: the latest time (ms) of a word mark or meaning sent (no longer read). */
	marksSentUpTo?: number;
	last?: SyncResult;
}

interface SyncRow {
	config: SyncConfig;
	progress: SyncProgress;
}

/** The sync setup and progress, or undefined when sync was never set up (or forgotten). */
export async function loadSync(db: KartuDB): Promise<SyncRow | undefined> {
	return (await db.settings.get(SETTING.sync))?.value as SyncRow | undefined;
}

/** Saves the setup; a new address starts over (everything is sent and read again, nothing twice). */
export async function saveSyncConfig(db: KartuDB, config: SyncConfig): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const row = await loadSync(db);
		const progress: SyncProgress =
			row?.progress.url === config.url
				? row.progress
				: { url: config.url, sentUpTo: '', since: null };
		await db.settings.put({ key: SETTING.sync, value: { config, progress } satisfies SyncRow });
	});
}

/** Saves how far a sync got, if the setup is still for the same server. */
export async function saveSyncProgress(db: KartuDB, progress: SyncProgress): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const row = await loadSync(db);
		if (row && row.config.url === progress.url)
			await db.settings.put({ key: SETTING.sync, value: { ...row, progress } satisfies SyncRow });
	});
}

/** "Forget this server": the address, the credentials and the progress go; the learner's data stays. */
export async function forgetSync(db: KartuDB): Promise<void> {
	await db.settings.delete(SETTING.sync);
}

/** Up to `limit` reviews with ids after `after`, in id order (so by time): the next ones to send. */
export async function reviewsAfter(
	db: KartuDB,
	after: string,
	limit: number
): Promise<StoredReview[]> {
	return db.reviews.where(':id').above(after).limit(limit).toArray();
}

/** The undone answers of each card (db/changes.ts `u:`), for its replay. */
async function undoneOf(db: KartuDB, cardId: string): Promise<UndoneAnswer[]> {
	const prefix = changeKey.undone(cardId, '');
	return (await db.changes.where('key').startsWith(prefix).toArray()).map((c) => {
		const v = c.value as UndoneValue;
		return {
			id: c.key.slice(prefix.length),
			time: new Date(v.time),
			before: v.before as FsrsCard,
			...(v.practice ? { practice: true } : {})
		};
	});
}

/**
 * Replays each card of `ids` from its whole history (sync/merge.ts `replayCard`) and stores the
 * state reached where it differs. Inside a transaction on cards, reviews and changes.
 */
async function replayCards(db: KartuDB, ids: string[], scheduler: Answerer): Promise<number> {
	const cards = await db.cards.bulkGet(ids);
	const changed: StoredCard[] = [];
	for (const card of cards) {
		if (!card) continue;
		const history = await db.reviews.where('cardId').equals(card.id).toArray();
		const state = replayCard(history, scheduler, await undoneOf(db, card.id));
		if (state && !sameState(state, card.fsrs)) {
			const next: StoredCard = { ...card, fsrs: state };
			next.queue = queueOf(next);
			changed.push(next);
		}
	}
	await db.cards.bulkPut(changed);
	return changed.length;
}

/**
 * Adds the reviews this device did not have (and had not seen undone), and replays the state of
 * each card they touch (sync/merge.ts `replayCard`); a review of a card this device does not have
 * is kept all the same, and replayed when the card arrives. Returns how many reviews were new.
 */
export async function mergeReviews(
	db: KartuDB,
	reviews: StoredReview[],
	scheduler: Answerer
): Promise<number> {
	if (!reviews.length) return 0;
	return db.transaction(
		'rw',
		[db.cards, db.reviews, db.settings, db.statdays, db.firsts, db.changes],
		async () => {
			const have = await db.reviews.bulkGet(reviews.map((r) => r.id));
			const undone = new Set(
				await db.changes
					.where('key')
					.anyOf(reviews.map((r) => changeKey.undone(r.cardId, r.id)))
					.toArray()
					.then((rows) => rows.map((c) => c.key))
			);
			const fresh = reviews.filter(
				(r, i) => !have[i] && !undone.has(changeKey.undone(r.cardId, r.id))
			);
			if (!fresh.length) return 0;
			await db.reviews.bulkAdd(fresh);
			await replayCards(db, [...new Set(fresh.map((r) => r.cardId))], scheduler);
			await markStatsStale(db);
			return fresh.length;
		}
	);
}

/** A change as received: an added article's comes with the article itself. */
export type ReceivedChange = SyncChange & { article?: ArticleBody };

/** What a device needs to add an article another device added: its library entry, text and deck. */
export interface ArticleBody {
	entry: LibraryEntry;
	text: string;
	deck: Deck;
}

/** The added article `slug` as sent with its `a:` change; undefined once it is deleted. */
export async function articleBody(db: KartuDB, slug: string): Promise<ArticleBody | undefined> {
	const [entry, stored] = await Promise.all([db.library.get(slug), db.articles.get(slug)]);
	return entry && stored ? { entry, text: stored.text, deck: stored.deck } : undefined;
}

/**
 * Takes changes from other devices (db/changes.ts): each joins the log, and applies when it holds
 * over every change of its key here (the latest wins), in time order; an undone answer always
 * applies. `bundled` gives the build's decks, which deleting an article needs. Returns how many
 * changes applied.
 */
export async function mergeChanges(
	db: KartuDB,
	changes: ReceivedChange[],
	scheduler: Answerer,
	bundled: () => Promise<Deck[]>
): Promise<number> {
	if (!changes.length) return 0;
	const sorted = [...changes].sort(
		(a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const decks = sorted.some((c) => c.key.startsWith('a:') && !c.value) ? await bundled() : [];
	let taken = 0;
	for (const c of sorted) if (await mergeChange(db, c, scheduler, decks)) taken++;
	if (sorted.some((c) => c.key.startsWith('s:') || c.key.startsWith('a:')))
		await suspendAsLogged(db);
	return taken;
}

async function mergeChange(
	db: KartuDB,
	c: ReceivedChange,
	scheduler: Answerer,
	decks: Deck[]
): Promise<boolean> {
	return db.transaction(
		'rw',
		[
			db.changes,
			db.cards,
			db.reviews,
			db.words,
			db.meanings,
			db.settings,
			db.articles,
			db.library,
			db.articleCounts,
			db.statdays,
			db.firsts,
			db.headwords,
			db.articleReadable
		],
		async () => {
			if (await db.changes.where('id').equals(c.id).count()) return false;
			const latest = (await latestChanges(db, [c.key])).get(c.key);
			const { article, ...row } = c;
			delete row.seq;
			await db.changes.add(row);
			if (!c.key.startsWith('u:') && latest && !holdsOver(latest, c)) return false;
			return applyChange(db, c, article, scheduler, decks);
		}
	);
}

/** Makes the data here say what change `c` says (which holds): through the writers, unlogged. */
async function applyChange(
	db: KartuDB,
	c: SyncChange,
	article: ArticleBody | undefined,
	scheduler: Answerer,
	decks: Deck[]
): Promise<boolean> {
	const name = c.key.slice(2);
	const v = c.value as never;
	switch (c.key.slice(0, 2)) {
		case 'w:': {
			const mark = c.value === 'known' || c.value === 'ignored' ? c.value : undefined;
			await markWord(db, name, mark, c.time, false);
			return true;
		}
		case 'm:': {
			const { gloss, pos } = (c.value ?? {}) as { gloss?: unknown; pos?: unknown };
			if (typeof gloss !== 'string' || !gloss.trim()) return false;
			await setMeaning(db, name, gloss, typeof pos === 'string' ? pos : '', c.time, false);
			return true;
		}
		case 's:':
			await setSuspended(db, [name], c.value === true, c.time, false);
			return true;
		case 'p:': {
			if (!(name in DEFAULT_SETTINGS)) return false;
			const next = { ...(await loadSettings(db)), [name]: v };
			if (validateSettings(next).length) return false;
			const source = c.meta?.source;
			const change = {
				source: source === 'optimiser' || source === 'restore' ? source : 'settings',
				...(c.meta?.fit ? { fit: c.meta.fit } : {})
			} as Omit<ParameterChange, 'time' | 'weights' | 'previous'>;
			await saveSettings(db, next, change, c.time, false);
			return true;
		}
		case 't:':
			return renameArticle(db, name, String(c.value), c.time, false);
		case 'a:':
			if (!c.value) return !!(await deleteArticle(db, name, decks, c.time, false));
			return addReceivedArticle(db, name, article, scheduler);
		case 'u:': {
			const reviewId = c.key.slice(c.key.lastIndexOf('|') + 1);
			const review = await db.reviews.get(reviewId);
			if (!review) return true;
			await db.reviews.delete(reviewId);
			await replayCards(db, [review.cardId], scheduler);
			await markStatsStale(db);
			return true;
		}
	}
	return false;
}

/**
 * Adds an article received from another device through `addArticle`, as the learner's own adding
 * does (its marks and meanings travel as changes of their own), with the title that holds here, and
 * replays its cards that were answered (their answers may have arrived before the article).
 */
async function addReceivedArticle(
	db: KartuDB,
	slug: string,
	body: ArticleBody | undefined,
	scheduler: Answerer
): Promise<boolean> {
	if (!body || body.entry.slug !== slug || (await db.library.get(slug))) return false;
	if (await db.library.where('fingerprint').equals(body.entry.fingerprint).first()) return false;
	const { entry } = body;
	await addArticle(
		db,
		{
			slug,
			title: entry.title,
			source: entry.source,
			text: body.text,
			fingerprint: entry.fingerprint,
			words: entry.words,
			deck: body.deck
		},
		{ marks: {}, meanings: {} },
		entry.added,
		false
	);
	const title = (await latestChanges(db, [changeKey.title(slug)])).get(changeKey.title(slug));
	if (typeof title?.value === 'string' && title.value !== entry.title)
		await renameArticle(db, slug, title.value, title.time, false);
	const cards = await db.cards.where('articles').equals(slug).toArray();
	await replayCards(
		db,
		cards.filter((x) => x.fsrs.reps === 0).map((x) => x.id),
		scheduler
	);
	return true;
}

/**
 * Suspends (or lets back) each card as the latest `s:` change of it says, where it does not yet:
 * a card that arrived after its suspension did (its article, or the meaning that made it).
 */
async function suspendAsLogged(db: KartuDB): Promise<void> {
	await db.transaction('rw', db.cards, db.changes, async () => {
		const keys = [
			...new Set(
				await db.changes
					.where('key')
					.startsWith('s:')
					.toArray()
					.then((rows) => rows.map((c) => c.key))
			)
		];
		const latest = await latestChanges(db, keys);
		const cards = await db.cards.bulkGet(keys.map((k) => k.slice(2)));
		for (const card of cards) {
			const want = latest.get(changeKey.suspended(card?.id ?? ''))?.value === true;
			if (card && card.suspended !== want)
				await setSuspended(db, [card.id], want, new Date(), false);
		}
	});
}
