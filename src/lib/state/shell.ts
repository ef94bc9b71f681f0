// What every page may use without the database, so the home page can run without Dexie: the
// decks file, the plain-language message for a storage failure, and the channel that says the
// database changed.

import { base } from '$app/paths';
import type { Deck } from '../cards/types';

/** Pages holding the database (state/app.ts) post on this channel after each committed write, in any tab. */
export const CHANGES_CHANNEL = 'kartu-changes';

/** Posted on CHANGES_CHANNEL after a Replace import or a snapshot restore: every open review reloads. */
export const COLLECTION_REPLACED = 'replaced';

/** Tells every other tab that the whole collection was replaced (an import or a restore). */
export function announceReplaced(): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANGES_CHANNEL);
	channel.postMessage(COLLECTION_REPLACED);
	channel.close();
}

let decks: Promise<Deck[]> | undefined;

/** The decks built from content/ at build time (decks.json, a static file of the site). */
export function loadDecks(): Promise<Deck[]> {
	decks ??= fetchDecks().then(async (r) => {
		if (!r.ok) throw new Error(`the site's decks.json could not be read (${r.status})`);
		return ((await r.json()) as { decks: Deck[] }).decks;
	});
	decks.catch(() => (decks = undefined));
	return decks;
}

/** decks.json: as the early script fetched it on a first visit (db/early/early.ts), else fetched now. */
function fetchDecks(): Promise<Response> {
	const path = `${base}/decks.json`;
	const early = globalThis.__kartuEarly;
	const fetched = early?.decks;
	if (early && fetched && fetched.url === new URL(path, location.href).href) {
		early.decks = undefined;
		return fetched.response;
	}
	return fetch(path);
}

/** A plain-language message for a storage failure, naming what the learner can do. */
export function storageMessage(e: unknown): string {
	const name = (e as { name?: string })?.name ?? '';
	const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
	if (
		typeof indexedDB === 'undefined' ||
		name === 'MissingAPIError' ||
		inner === 'MissingAPIError'
	) {
		return 'This browser does not let Kartu store data (IndexedDB is unavailable, as in some private windows). Kartu needs it to keep your progress; open it in a normal window.';
	}
	// Closed for good only when a newer version of Kartu took the database over in another tab (state/app.ts).
	if (name === 'DatabaseClosedError') {
		return 'A newer version of Kartu took over the database in another tab, so this tab can no longer use it: reload the page.';
	}
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
		return 'The browser has no room left for Kartu’s data. Free some disk space or site storage, then try again; nothing was changed.';
	}
	return `Kartu could not use its database: ${(e as Error)?.message ?? String(e)}`;
}
