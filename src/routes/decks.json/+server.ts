// The decks of every article, built from content/ at build time and served as one static JSON file,
// so the browser never loads the text pipeline or the lexicon just to know its cards.

import { json } from '@sveltejs/kit';
import { allDecks } from '$lib/server/content';
import { textHash } from '$lib/text';

export const prerender = true;

export function GET() {
	const decks = allDecks();
	return json({ hash: textHash(JSON.stringify(decks)), decks });
}
