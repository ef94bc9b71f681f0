// Kartu's service worker: after one visit every page works with the network off. At install it
// caches this build's every page, decks.json, the app's code (the workers and their lexicon
// included), its icons and manifest; the Anki exporter's WebAssembly when first used, then kept.
// A new build's worker waits until the learner chooses to reload (state/update.svelte.ts asks it
// to take over), so an open tab is never reloaded under a review; the version before it stays
// cached, so a tab still on it goes on finding its own code.

/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Every cache of Kartu's begins so; one per version. */
const PREFIX = 'kartu-';
const CACHE = PREFIX + version;
/** Built files whose names carry their content's hash: the same name holds the same bytes in every version. */
const IMMUTABLE = '/_app/immutable/';
/** Fetched when first used, then kept: the Anki exporter's sql.js WebAssembly (688 kB, seldom needed). */
const ON_FIRST_USE = /\.wasm$/;
/** Kept in each cache once it is full: when it was filled, so that the newest older version is known. */
const FILLED = '/.kartu-cache-filled';

/** Posted by the page (state/update.svelte.ts) when the learner chooses to reload into this version. */
const TAKE_OVER = 'kartu:take-over';

const hashed = (path: string) => path.includes(IMMUTABLE);

/** A static route (InstallEvent.addRoutes, Chromium 123 on; not yet in TypeScript's lib). */
interface Route {
	condition: { urlPattern?: URLPatternInit; requestMode?: RequestMode };
	source: 'cache' | 'fetch-event' | { cacheName: string };
}

/**
 * Routes the browser follows without starting this worker: a returning learner's cold start then
 * reads the page and the app's code straight from the cache rather than waiting for a worker to
 * start and answer each request (bench/cold.ts). First match wins; a miss goes to the network.
 * The WebAssembly stays with the fetch handler, which keeps it once fetched; so does a page with a
 * query (`/read?a=…`, matched by its path alone). A page comes from this version's own cache (a
 * waiting version's routes apply only once it is active); a hashed file from any version's, as
 * the fetch handler finds it for a tab still on the version before.
 */
const ROUTES: Route[] = [
	{ condition: { urlPattern: { pathname: '/_app/immutable/*.wasm' } }, source: 'fetch-event' },
	{ condition: { urlPattern: { pathname: '/_app/immutable/*' } }, source: 'cache' },
	{
		condition: { requestMode: 'navigate', urlPattern: { search: '' } },
		source: { cacheName: CACHE }
	}
];

sw.addEventListener('install', (event) => {
	const routed = event as ExtendableEvent & { addRoutes?(rules: Route[]): Promise<void> };
	// Where the browser has no static routes every request goes through the fetch handler, as before.
	if (routed.addRoutes) event.waitUntil(routed.addRoutes(ROUTES).catch(() => {}));
	event.waitUntil(fill());
});

/**
 * Fills this version's cache. A hashed file already in an older version's cache is copied from it
 * rather than fetched again (the WebAssembly too, once fetched); pages, decks.json and the other
 * unhashed files are fetched past the HTTP cache. One failure fails the install: a half-filled
 * cache would leave pages that cannot work offline.
 */
async function fill(): Promise<void> {
	const cache = await caches.open(CACHE);
	const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
	const kept = async (path: string) => {
		for (const name of older) {
			const hit = await (await caches.open(name)).match(path);
			if (hit) return hit;
		}
	};
	await Promise.all(
		[...build, ...files, ...prerendered].map(async (path) => {
			const hit = hashed(path) ? await kept(path) : undefined;
			if (hit) return cache.put(path, hit);
			if (ON_FIRST_USE.test(path)) return;
			const response = await fetch(path, { cache: hashed(path) ? 'default' : 'no-cache' });
			if (!response.ok) throw new Error(`${path} could not be cached (${response.status})`);
			await cache.put(path, response);
		})
	);
	await cache.put(FILLED, new Response(String(Date.now())));
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Tabs still on the version before this one are asked to reload, and until they are, they
			// load their code from its cache, kept till the next version; older ones (and caches
			// never filled) go.
			const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
			const stamps = await Promise.all(
				older.map(async (name) => {
					const filled = await caches.match(FILLED, { cacheName: name });
					return { name, filled: Number(await filled?.text()) || 0 };
				})
			);
			const previous = stamps.filter((c) => c.filled > 0).sort((a, b) => b.filled - a.filled)[0];
			for (const name of older) if (name !== previous?.name) await caches.delete(name);
			// The first visit's page is served by this worker from now on (an update's already is).
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === TAKE_OVER) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== location.origin) return;
	event.respondWith(respond(request, url));
});

/**
 * This version's copy when it has one (a page by its path, whatever the query); a hashed file also
 * from the previous version's cache (a tab still on it); else the network. A hashed file fetched
 * now (the WebAssembly) is kept. Anything else, `_app/version.json` among them, is the network's.
 */
async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	const page = request.mode === 'navigate';
	const hit =
		(await cache.match(page ? url.pathname : request, { ignoreSearch: page })) ??
		(hashed(url.pathname) ? await caches.match(request) : undefined);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && hashed(url.pathname) && !url.search)
		await cache.put(request, response.clone());
	return response;
}
