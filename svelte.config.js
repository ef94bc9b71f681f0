import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { DIRECTIVES } from './src/lib/csp.js';

const BUILD_DIR = process.env.KARTU_BUILD_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Precompressed copies (.br, .gz) beside each file, as static hosts serve them; scripts/serve.js does too.
		// KARTU_BUILD_DIR builds elsewhere (tests/update.e2e.ts builds a second version beside build/).
		adapter: adapter({ pages: BUILD_DIR, assets: BUILD_DIR, strict: true, precompress: true }),
		// The build's version names its service worker's cache, and tells an open tab that a new build
		// is out (src/service-worker.ts). Kit's default, the build's time, unless KARTU_VERSION names it.
		version: { name: process.env.KARTU_VERSION || undefined },
		// Kit registers src/service-worker.ts once the page has loaded (a few lines in its inline
		// script); the README's screenshot is no part of the app, so it is not cached.
		serviceWorker: { files: (file) => file !== 'screenshot.png' },
		...(process.env.KARTU_KIT_DIR ? { outDir: process.env.KARTU_KIT_DIR } : {}),
		// Relative asset paths let the static build work from any folder of any host.
		paths: { relative: true },
		prerender: { entries: ['*', '/decks.json'] },
		// The Content-Security-Policy, as a <meta> in each prerendered page with the hashes of its
		// inline scripts (src/lib/csp.js; hooks.server.ts completes it).
		csp: { mode: 'hash', directives: DIRECTIVES }
	}
};

export default config;
