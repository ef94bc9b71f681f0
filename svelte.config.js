import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		// Relative asset paths let the static build work from any folder of any host.
		paths: { relative: true },
		prerender: { entries: ['*', '/decks.json'] }
	}
};

export default config;
