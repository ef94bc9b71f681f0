// Serves the static build/ folder as a static host would (/review → review.html). Fails if the port is taken.
// Every response carries the headers below; the Content-Security-Policy is inside each page (a <meta>).
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

// The precompressed copies the build writes (.br, .gz), when the browser accepts them, as static hosts do.
const serve = sirv(dir, { extensions: ['html'], dev: false, etag: true, brotli: true, gzip: true });
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
server.listen(port, host, () => console.log(`Kartu is served at http://${host}:${port}/`));
