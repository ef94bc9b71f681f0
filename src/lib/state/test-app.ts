// For the state classes' tests only (the app never imports it): the site's decks.json served to
// `loadDecks` as the static site serves it, and waiting for live queries to settle. The app's
// database is fake-indexeddb's, one per test file. Tests run the classes compiled for the server,
// where $effect does nothing: a class's live queries are started by its `watch()`, which its
// constructor's effect calls in the browser.

import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { seed } from '../db/test-support';

/** Serves decks.json with the bundled article's deck to every fetch. */
export function serveDecks(): void {
	vi.stubGlobal(
		'fetch',
		vi.fn(
			async () =>
				new Response(JSON.stringify({ decks: [seed.deck] }), {
					headers: { 'content-type': 'application/json' }
				})
		)
	);
}

/** Resolves once `check()` holds, polling; fails after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`Still not so after ${ms} ms: ${check.toString()}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}
