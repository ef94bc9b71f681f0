// Opens the database and loads the content's decks into it once per page load, before any page queries it.

import { db } from '../db/db';
import { refreshSettingsCopy } from '../db/settings';
import { replayJournal } from '../db/answers';
import { openJournal } from '../db/journal';
import { ensureDecks } from '../db/decks';
import type { KartuDB } from '../db/schema';
import { snapshotDue } from '../db/backup/snapshots';
import { closeForUpgrades, closeIfNewer, onDatabaseChanged } from '../db/live';
import { CHANGES_CHANNEL, loadDecks, storageMessage } from './shell';
import { update } from './update.svelte';

export { loadDecks, storageMessage };

let opening: Promise<KartuDB> | undefined;
let guarded = false;
let snapshot: Promise<unknown> = Promise.resolve();

/** Settles when today's automatic snapshot (taken in the background at start) is written or skipped. */
export function snapshotTaken(): Promise<unknown> {
	return snapshot;
}

/**
 * Resolves to the database once the decks are in it; a failure can be retried by calling again.
 * When the database already holds this build's decks (every visit but the first after an update),
 * decks.json is not even fetched.
 */
export function ready(): Promise<KartuDB> {
	opening ??= (async () => {
		// The answer journal's own database (db/journal.ts), opened beside the collection.
		const journal = openJournal(db);
		await db.open();
		// A newer version of Kartu (in another tab) owns the database: this one neither blocks its
		// upgrade nor writes with its own, older schema; the page asks the learner to reload.
		if (closeIfNewer(db)) {
			update.databaseUpgraded();
			throw new Error('a newer version of Kartu has upgraded it: reload the page.');
		}
		if (!guarded) closeForUpgrades(db, () => update.databaseUpgraded());
		guarded = true;
		announceChanges();
		// The app's connection is open: the one the page's early script opened can go.
		globalThis.__kartuEarly?.release();
		await ensureDecks(db, __CONTENT_VERSION__, loadDecks);
		// Answers a killed browser left unwritten (db/answers.ts): written before any page reads.
		await journal;
		await replayJournal(db);
		// Today's automatic snapshot, in the background once the page has started (so its reads
		// do not slow the page's first queries): a failure here must not stop the app.
		snapshot = pageStarted()
			.then(() => Promise.all([snapshotIfDue(db), refreshSettingsCopy(db)]))
			.catch(() => {});
		return db;
	})().catch((e: unknown) => {
		opening = undefined;
		throw new Error(storageMessage(e));
	});
	return opening;
}

/** Resolves when the main thread is first idle after start (at most two seconds later). */
function pageStarted(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function')
			requestIdleCallback(() => resolve(), { timeout: 2000 });
		else setTimeout(resolve, 0);
	});
}

/** Takes today's snapshot (in a worker) when none exists yet and there is something to keep. */
async function snapshotIfDue(db: KartuDB): Promise<void> {
	const now = new Date();
	if (!(await snapshotDue(db, now))) return;
	const { takeTodaysSnapshot } = await import('../db/backup/snapshot-job');
	await takeTodaysSnapshot(now, async () => db);
}

/**
 * Tells pages without Dexie (the home page) that the database changed, in this tab or another:
 * Dexie's `storagemutated` fires for both once a transaction has committed.
 */
let announcing = false;
function announceChanges(): void {
	if (announcing || typeof BroadcastChannel === 'undefined') return;
	announcing = true;
	const channel = new BroadcastChannel(CHANGES_CHANNEL);
	onDatabaseChanged(() => channel.postMessage('changed'));
}
