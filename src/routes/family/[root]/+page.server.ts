// Build time only: which family pages to prerender (one per root of the content's words).
import { allDecks } from '$lib/server/content';
import { hasFamilyPage } from '$lib/cards';

export const prerender = true;

export function entries() {
	const roots = new Set(
		allDecks()
			.flatMap((d) => d.cards.map((c) => c.root))
			.filter(hasFamilyPage)
	);
	return [...roots].map((root) => ({ root }));
}
