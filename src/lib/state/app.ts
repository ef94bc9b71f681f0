// Opens the database and loads the content's decks into it once per page load, before any page queries it.

import { base } from '$app/paths';
import type { Deck } from '../cards/types';
import { db } from '../db/db';
import { refreshSettingsCopy } from '../db/settings';
import { syncDecks } from '../db/sync';
import type { KartuDB } from '../db/schema';

let decks: Promise<Deck[]> | undefined;
let opening: Promise<KartuDB> | undefined;
let snapshot: Promise<unknown> = Promise.resolve();

/** Settles when today's automatic snapshot (taken in the background at start) is written or skipped. */
export function snapshotTaken(): Promise<unknown> {
	return snapshot;
}

/** The decks built from content/ at build time (decks.json, a static file of the site). */
export function loadDecks(): Promise<Deck[]> {
	decks ??= fetch(`${base}/decks.json`).then(async (r) => {
		if (!r.ok) throw new Error(`the site's decks.json could not be read (${r.status})`);
		return ((await r.json()) as { decks: Deck[] }).decks;
	});
	decks.catch(() => (decks = undefined));
	return decks;
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

/** A plain-language message for a storage failure, naming what the learner can do. */
export function storageMessage(e: unknown): string {
	const name = (e as { name?: string })?.name ?? '';
	const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
	if (typeof indexedDB === 'undefined' || name === 'MissingAPIError' || inner === 'MissingAPIError') {
		return 'This browser does not let Kartu store data (IndexedDB is unavailable, as in some private windows). Kartu needs it to keep your progress; open it in a normal window.';
	}
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
		return 'The browser has no room left for Kartu’s data. Free some disk space or site storage, then try again; nothing was changed.';
	}
	return `Kartu could not use its database: ${(e as Error)?.message ?? String(e)}`;
}

/**
 * Takes today's snapshot when none exists yet and there is something to keep, in a worker; the code
 * that starts it is loaded only then, so pages do not carry it on most starts. The time it took is
 * the performance measure `kartu:snapshot`.
 */
async function snapshotIfDue(db: KartuDB): Promise<void> {
	const now = new Date();
	const today = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
	if ((await db.snapshots.get(today)) || (await db.reviews.limit(1).count()) === 0) return;
	const start = performance.now();
	const { runSnapshot } = await import('../db/snapshot-job');
	const stats = await runSnapshot(db, now);
	performance.measure('kartu:snapshot', { start, detail: stats });
}
