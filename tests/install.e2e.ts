// Kartu can be installed as an app (Chromium's own check finds nothing missing), and `npm start`
// serves the site as a static host should: hashed files cached a year, pages and the service worker
// never kept without asking, each file with its MIME type.
import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../scripts/chromium';
import { BUILD } from './site';

/** The colours of src/app.css's light and dark themes. */
function themes(): { light: Record<string, string>; dark: Record<string, string> } {
	const css = readFileSync(new URL('../src/app.css', import.meta.url), 'utf8');
	const block = (from: number) => {
		const body = css.slice(css.indexOf('{', from) + 1, css.indexOf('}', from));
		return Object.fromEntries(
			[...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]+)/gi)].map((m) => [m[1], m[2]])
		);
	};
	return {
		light: block(css.indexOf(':root')),
		dark: block(css.indexOf(':root', css.indexOf('prefers-color-scheme: dark')))
	};
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('Chromium finds Kartu installable, with icons of the sizes the manifest says and the themes’ colours', async ({
	baseURL,
	request
}) => {
	// A browser profile of its own: Chromium offers no install in the incognito-like contexts
	// Playwright makes by default ("in-incognito").
	const profile = mkdtempSync(join(tmpdir(), 'kartu-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		args: ['--disable-gpu'],
		baseURL
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		await page.evaluate(() => navigator.serviceWorker.ready);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const { url, errors, data } = await cdp.send('Page.getAppManifest');
		expect(errors).toEqual([]);
		const manifest = JSON.parse(data!);
		expect(manifest).toMatchObject({
			short_name: 'Kartu',
			display: 'standalone',
			start_url: './',
			scope: './'
		});
		expect(manifest.name).toMatch(/^Kartu/);

		// The colours are the app's: the header (--card) and the page (--bg), light and dark.
		const { light, dark } = themes();
		expect(manifest.theme_color).toBe(light.card);
		expect(manifest.background_color).toBe(light.bg);
		expect(manifest.color_scheme_dark).toEqual({
			theme_color: dark.card,
			background_color: dark.bg
		});
		const metas = await page
			.locator('meta[name="theme-color"]')
			.evaluateAll((ms) => ms.map((m) => [m.getAttribute('media'), m.getAttribute('content')]));
		expect(metas).toEqual([
			['(prefers-color-scheme: light)', light.card],
			['(prefers-color-scheme: dark)', dark.card]
		]);

		// Every icon is a PNG of the size it claims: 192 and 512 px, and a maskable one.
		const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
		for (const icon of icons) {
			const response = await request.get(new URL(icon.src, url).href);
			expect(response.status(), icon.src).toBe(200);
			expect(response.headers()['content-type'], icon.src).toBe(icon.type);
			expect(pngSize(await response.body()).join('x'), icon.src).toBe(icon.sizes);
		}
		expect(icons.filter((i) => i.purpose === 'any').map((i) => i.sizes)).toEqual([
			'192x192',
			'512x512'
		]);
		expect(icons.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toEqual(['512x512']);
		const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
		const appleIcon = await request.get(new URL(apple!, page.url()).href);
		expect(pngSize(await appleIcon.body())).toEqual([180, 180]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('npm start caches hashed files a year, asks again for everything else, with the right MIME types', async ({
	request
}) => {
	const immutable = (dir: string, pattern: RegExp) =>
		`/_app/immutable/${dir}/${readdirSync(`${BUILD}/_app/immutable/${dir}`).find((f) => pattern.test(f))}`;
	const files: [string, string, 'hashed' | 'ask'][] = [
		['/', 'text/html;charset=utf-8', 'ask'],
		['/review', 'text/html;charset=utf-8', 'ask'],
		['/service-worker.js', 'text/javascript', 'ask'],
		['/manifest.webmanifest', 'application/manifest+json', 'ask'],
		['/decks.json', 'application/json', 'ask'],
		['/_app/version.json', 'application/json', 'ask'],
		['/icons/icon-192.png', 'image/png', 'ask'],
		[immutable('entry', /^start\..*\.js$/), 'text/javascript', 'hashed'],
		[immutable('workers', /^survey\.worker-.*\.js$/), 'text/javascript', 'hashed'],
		[immutable('workers', /^snapshot\.worker-.*\.js$/), 'text/javascript', 'hashed'],
		[immutable('assets', /\.wasm$/), 'application/wasm', 'hashed'],
		[immutable('assets', /\.css$/), 'text/css', 'hashed']
	];
	for (const [path, type, caching] of files) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['content-type'], path).toBe(type);
		expect(headers['cache-control'], path).toBe(
			caching === 'hashed' ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['cross-origin-embedder-policy'], path).toBe('require-corp');
	}
});
