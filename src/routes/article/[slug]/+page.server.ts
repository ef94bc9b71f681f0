// Build time only: one reader page per article.
import { allDecks } from '$lib/server/content';

export const prerender = true;

export function entries() {
	return allDecks().map((d) => ({ slug: d.article.slug }));
}
