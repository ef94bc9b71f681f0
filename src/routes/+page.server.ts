// Build time only: the bundled articles as the home page lists them, so that it needs no decks.json.
import { allDecks } from '$lib/server/content';
import { headwordOccurrences } from '$lib/cards';

export const prerender = true;

export function load() {
	const decks = allDecks();
	return {
		// As db/early/home-read.ts `bundledArticles` gives them (home-read.test.ts).
		bundled: decks.map((d) => ({
			slug: d.article.slug,
			title: d.article.title,
			source: d.article.source,
			cards: d.cards.length,
			occurrences: [...headwordOccurrences(d).values()].reduce((a, b) => a + b, 0)
		})),
		headwords: new Set(decks.flatMap((d) => d.cards.map((c) => c.headword))).size
	};
}
