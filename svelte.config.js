import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Precompressed copies (.br, .gz) beside each file, as static hosts serve them; scripts/serve.js does too.
		adapter: adapter({ pages: 'build', assets: 'build', strict: true, precompress: true }),
		// Relative asset paths let the static build work from any folder of any host.
		paths: { relative: true },
		prerender: { entries: ['*', '/decks.json'] }
	}
};

export default config;
