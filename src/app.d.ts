// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** Hash of content/ and the deck-building code, set at build time (vite.config.ts). */
	const __CONTENT_VERSION__: string;
	/** Left by the early script in the page's head (src/lib/db/early/early.ts); absent in tests and old pages. */
	var __kartuEarly: import('$lib/db/early/early').Early | undefined;
}

export {};
