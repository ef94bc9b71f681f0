// Build time only: the front of the card a first visit starts with (the bundled article's first new
// card), for the page's early script to show before the app has stored the decks
// (db/early/early-face.ts). The app then shows the same card (src/lib/db/early/early-face.test.ts).
import { allDecks } from '$lib/server/content';
import { firstNewCard, frontOf } from '$lib/cards';

export const prerender = true;

export function load() {
	const card = firstNewCard(allDecks()[0]);
	return { first: card && frontOf(card) };
}
