// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** Hash of content/ and the deck-building code, set at build time (vite.config.ts). */
	const __CONTENT_VERSION__: string;
}

export {};
