import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { DIRECTIVES } from './src/lib/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Precompressed copies (.br, .gz) beside each file, as static hosts serve them; scripts/serve.js does too.
		adapter: adapter({ pages: 'build', assets: 'build', strict: true, precompress: true }),
		// Relative asset paths let the static build work from any folder of any host.
		paths: { relative: true },
		prerender: { entries: ['*', '/decks.json'] },
		// The Content-Security-Policy, as a <meta> in each prerendered page with the hashes of its
		// inline scripts (src/lib/csp.js; hooks.server.ts completes it).
		csp: { mode: 'hash', directives: DIRECTIVES }
	}
};

export default config;
