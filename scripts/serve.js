// Serves the static build/ folder as a static host would (/review → review.html). Fails if the port is taken
// (PORT=0 takes a free one, and says which). Every response carries the headers below, and says how long
// it may be cached; the Content-Security-Policy is inside each page (a <meta>).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const dir = process.env.BUILD_DIR ?? fileURLToPath(new URL('../build', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(dir)) {
	console.error('build/ does not exist: run `npm run build` first.');
	process.exit(1);
}

/**
 * No MIME sniffing, no referrer sent anywhere, and cross-origin isolation (the page shares its
 * process with no other origin's window, and loads only resources that agree to it), which the
 * optimiser's WebAssembly threads (SharedArrayBuffer) will need. The app loads only its own files.
 */
const HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

/**
 * Files whose names carry their content's hash (`/_app/immutable/`) are the same forever: kept a year
 * and never asked for again. Everything else (the pages, service-worker.js, decks.json, the manifest,
 * `_app/version.json`) is asked for again on every use (no-cache: revalidated with its ETag), so a new
 * build is seen at once. Not no-store, which would keep pages out of the back/forward cache.
 */
function cacheControl(pathname) {
	return pathname.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// The precompressed copies the build writes (.br, .gz), when the browser accepts them, as static hosts do.
// MIME types come from the file names (sirv): .webmanifest, .wasm and the workers' .js included.
const serve = sirv(dir, {
	extensions: ['html'],
	dev: false,
	etag: true,
	brotli: true,
	gzip: true,
	setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControl(pathname))
});
const server = createServer((req, res) => {
	for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
	serve(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});
server.on('error', (e) => {
	console.error(
		e.code === 'EADDRINUSE'
			? `Port ${port} is already in use; set PORT to another port.`
			: e.message
	);
	process.exit(1);
});
server.listen(port, host, () =>
	console.log(`Kartu is served at http://${host}:${server.address().port}/`)
);
