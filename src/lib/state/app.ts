// Opens the database and loads the content's decks into it once per page load, before any page queries it.

import Dexie from 'dexie';
import { db } from '../db/db';
import { refreshSettingsCopy } from '../db/settings';
import { syncDecks } from '../db/sync';
import type { KartuDB } from '../db/schema';
import { snapshotDay } from '../db/snapshot-day';
import { CHANGES_CHANNEL, loadDecks, storageMessage } from './shell';

export { loadDecks, storageMessage };

let opening: Promise<KartuDB> | undefined;
let snapshot: Promise<unknown> = Promise.resolve();

/** Settles when today's automatic snapshot (taken in the background at start) is written or skipped. */
export function snapshotTaken(): Promise<unknown> {
	return snapshot;
}

/** The settings row naming the build whose decks the database holds. */
export const CONTENT_VERSION = 'content-version';

/**
 * Resolves to the database once the decks are in it; a failure can be retried by calling again.
 * When the database already holds this build's decks (every visit but the first after an update),
 * decks.json is not even fetched.
 */
export function ready(): Promise<KartuDB> {
	opening ??= (async () => {
		const version = await db.settings.get(CONTENT_VERSION);
		announceChanges();
		// The app's connection is open: the one the page's early script opened can go.
		globalThis.__kartuEarly?.release();
		if (version?.value !== __CONTENT_VERSION__) {
			await syncDecks(db, await loadDecks(), new Date());
			await db.settings.put({ key: CONTENT_VERSION, value: __CONTENT_VERSION__ });
		}
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
		if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
		else setTimeout(resolve, 0);
	});
}

/** Takes today's snapshot (in a worker) when none exists yet and there is something to keep. */
async function snapshotIfDue(db: KartuDB): Promise<void> {
	const now = new Date();
	if ((await db.snapshots.get(snapshotDay(now))) || (await db.reviews.limit(1).count()) === 0) return;
	const { takeTodaysSnapshot } = await import('../db/snapshot-job');
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
	Dexie.on('storagemutated', () => channel.postMessage('changed'));
}
