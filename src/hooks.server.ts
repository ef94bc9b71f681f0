// Every page's HTML gets the early script (src/lib/db/early/early.ts) in its head: it opens the database
// while the app's modules load; on the home page it fills in today's counts before the app starts,
// and on the review page it reads today's queue for the review session. The page's
// Content-Security-Policy (src/lib/csp.js) goes before it and lets exactly this script run.

import type { Handle } from '@sveltejs/kit';
import early from 'virtual:kartu-early';
import { WASM_ROUTES } from '$lib/csp';
import { placePolicy, scriptHash, withSources } from '$lib/server/page-policy';

const PLACEHOLDER = '<!--kartu-early-->';
const code = early.replace(/<\//g, '<\\/');
const hash = scriptHash(code);

export const handle: Handle = async ({ event, resolve }) => {
	const id = event.route.id;
	const page = id === '/' ? 'home' : id === '/review' ? 'review' : 'other';
	const sources = [hash, ...(id && WASM_ROUTES.includes(id) ? ["'wasm-unsafe-eval'"] : [])];
	const script = `<script data-page="${page}" data-version="${__CONTENT_VERSION__}">${code}</script>`;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => placePolicy(html, PLACEHOLDER, script, sources)
	});
	// Pages not prerendered (vite dev) get the policy as a header instead of a meta.
	const header = response.headers.get('content-security-policy');
	if (header)
		response.headers.set('content-security-policy', withSources(header, 'script-src', sources));
	return response;
};
