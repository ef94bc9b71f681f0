// Addresses of pages that take a query: resolved like every link (svelte/no-navigation-without-resolve).

import { resolve } from '$app/paths';

/** The page of an article the learner added: one prerendered page, the article named by `?a=`. */
export function addedArticleHref(slug: string): string {
	return `${resolve('/read')}?a=${encodeURIComponent(slug)}`;
}
