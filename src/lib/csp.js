// The Content-Security-Policy every page ships in a <meta http-equiv> (so it holds on any static
// host): nothing but the app's own files may run or load. SvelteKit (kit.csp in svelte.config.js)
// adds the hashes of its own inline script; hooks.server.ts adds the early script's hash and, on the
// routes in WASM_ROUTES, 'wasm-unsafe-eval'. Plain JavaScript, because svelte.config.js imports it.

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} Directives */

/**
 * Where the app's pages may connect (fetch, workers' imports, WebSocket): itself only. Sync with the
 * learner's CouchDB (lib/sync/) connects from its worker, which a page's <meta> policy does not
 * govern; the pages stay at 'self' rather than allowing every https: origin (README, Sync).
 * @type {NonNullable<Directives['connect-src']>}
 */
export const CONNECT_SRC = ['self'];

/**
 * SvelteKit's route announcer (the visually hidden live region that reads each new page's title)
 * is rendered with one style attribute; this hash allows exactly that attribute and no other
 * (csp.test.ts checks it against Kit's source, so an upgrade that changes it fails there).
 */
export const KIT_ANNOUNCER_STYLE = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/**
 * The policy's directives, as kit.csp takes them (keywords unquoted).
 * @type {Directives}
 */
export const DIRECTIVES = {
	'default-src': ['self'],
	// Kit adds its bootstrap script's hash; hooks.server.ts the early script's. No 'unsafe-inline'.
	'script-src': ['self'],
	// Component styles are files; Svelte sets style: directives through the CSSOM, which CSP allows.
	'style-src': ['self'],
	// No style attributes in markup but the announcer's (without it, its text would show on the page).
	'style-src-attr': ['unsafe-hashes', KIT_ANNOUNCER_STYLE],
	'img-src': ['self'],
	'font-src': ['self'],
	'connect-src': CONNECT_SRC,
	// The analysis and snapshot workers, and the service worker (src/service-worker.ts), are files of the app.
	'worker-src': ['self'],
	// The web app manifest (static/manifest.webmanifest), which makes Kartu installable.
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self']
};

/**
 * Routes that compile WebAssembly (sql.js for the Anki export, on Settings): only their pages get
 * 'wasm-unsafe-eval'. A document keeps the policy it was loaded with, so the layout loads these
 * routes afresh when the current document's policy lacks it (`needsFreshLoad`).
 */
export const WASM_ROUTES = ['/settings'];

/**
 * Whether a client-side navigation from a document loaded at route `loadedAt` to route `to` must
 * load the page afresh instead, to get the policy that route needs.
 * @param {string | null | undefined} loadedAt
 * @param {string | null | undefined} to
 * @example needsFreshLoad('/', '/settings') → true
 * @example needsFreshLoad('/settings', '/') → false
 */
export function needsFreshLoad(loadedAt, to) {
	return !!to && WASM_ROUTES.includes(to) && !(loadedAt && WASM_ROUTES.includes(loadedAt));
}
