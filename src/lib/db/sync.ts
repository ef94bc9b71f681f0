// Sync's side of the local database (the protocol is in lib/sync/): the server and credentials the
// learner gave, how far this device got with that server, the reviews it has yet to send, and the
// reviews received, merged in with each touched card's state replayed (sync/merge.ts).
//
// What a received batch writes, in one transaction:
//   reviews    the reviews this device did not have (by id: never one twice)
//   cards      each touched card's state, replayed from its whole history (only when it changed)
//   settings   'stats-state' marked stale, so the statistics are summed again (stats.ts)
//   counts, articleCounts, answerHours   through the middlewares, as for any answer
// Nothing is ever deleted: a server can add history, not take it away.

import { later, replayCard, sameState, type Answerer } from '../sync/merge';
import { markStatsStale } from './stats';
import { markWord } from './words';
import { setMeaning } from './articles';
import { queueOf, type KartuDB } from './schema';
import type { StoredCard, StoredMeaning, StoredReview, StoredWord } from './rows';
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
	/** Word marks and meanings taken from the server (absent before they were synced). */
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
	/** The latest time (ms) of a word mark or meaning sent; absent for none. */
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

/**
 * Adds the reviews this device did not have, and replays the state of each card they touch
 * (sync/merge.ts `replayCard`); a review of a card this device does not have is kept all the same.
 * Returns how many reviews were new.
 */
export async function mergeReviews(
	db: KartuDB,
	reviews: StoredReview[],
	scheduler: Answerer
): Promise<number> {
	if (!reviews.length) return 0;
	return db.transaction(
		'rw',
		[db.cards, db.reviews, db.settings, db.statdays, db.firsts],
		async () => {
			const have = await db.reviews.bulkGet(reviews.map((r) => r.id));
			const fresh = reviews.filter((r, i) => !have[i]);
			if (!fresh.length) return 0;
			await db.reviews.bulkAdd(fresh);
			const ids = [...new Set(fresh.map((r) => r.cardId))];
			const cards = await db.cards.bulkGet(ids);
			const changed: StoredCard[] = [];
			for (const card of cards) {
				if (!card) continue;
				const history = await db.reviews.where('cardId').equals(card.id).toArray();
				const state = replayCard(history, scheduler);
				if (state && !sameState(state, card.fsrs)) {
					const next: StoredCard = { ...card, fsrs: state };
					next.queue = queueOf(next);
					changed.push(next);
				}
			}
			await db.cards.bulkPut(changed);
			await markStatsStale(db);
			return fresh.length;
		}
	);
}

/** Word marks and meanings given after `since` (ms), to send. */
export async function marksAfter(
	db: KartuDB,
	since: number
): Promise<{ words: StoredWord[]; meanings: StoredMeaning[] }> {
	const after = (r: { time: Date }) => r.time.getTime() > since;
	return {
		words: (await db.words.toArray()).filter(after),
		meanings: (await db.meanings.toArray()).filter(after)
	};
}

const wordValue = (w: StoredWord): StoredWord => ({
	headword: w.headword,
	mark: w.mark,
	time: new Date(w.time)
});
const meaningValue = (m: StoredMeaning): StoredMeaning => ({
	headword: m.headword,
	gloss: m.gloss,
	pos: m.pos,
	time: new Date(m.time)
});

/**
 * Takes a word mark from another device when it wins over this device's (sync/merge.ts `later`):
 * the mark is stored with its own time and the headword's cards follow, as in the reader.
 * Returns whether it was taken.
 */
export async function mergeWord(db: KartuDB, remote: StoredWord): Promise<boolean> {
	return db.transaction('rw', db.words, db.cards, async () => {
		const local = await db.words.get(remote.headword);
		if (local && !later(wordValue(local), wordValue(remote))) return false;
		await markWord(db, remote.headword, remote.mark, remote.time);
		return true;
	});
}

/** The same for a meaning the learner typed: the later one wins, on every card of the headword. */
export async function mergeMeaning(db: KartuDB, remote: StoredMeaning): Promise<boolean> {
	return db.transaction(
		'rw',
		[db.meanings, db.cards, db.articles, db.settings, db.words, db.headwords, db.articleReadable],
		async () => {
			const local = await db.meanings.get(remote.headword);
			if (local && !later(meaningValue(local), meaningValue(remote))) return false;
			await setMeaning(db, remote.headword, remote.gloss, remote.pos, remote.time);
			return true;
		}
	);
}
