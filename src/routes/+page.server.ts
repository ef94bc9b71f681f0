// Build time only: the bundled articles as the home page lists them, so that it needs no decks.json.
import { allDecks } from '$lib/server/content';

export const prerender = true;

export function load() {
	const decks = allDecks();
	return {
		bundled: decks.map((d) => ({
			slug: d.article.slug,
			title: d.article.title,
			source: d.article.source,
			cards: d.cards.length
		})),
		headwords: new Set(decks.flatMap((d) => d.cards.map((c) => c.headword))).size
	};
}
