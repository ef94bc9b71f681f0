// npm run bench:size — the JavaScript the home page loads (gzip -9 of every script Chromium fetches for it, and of the scripts inline in its HTML),
// next to a hello-world SvelteKit app built in the same run with the same installed packages
// (bench/hello-world/), and a check that the other pages' code stays off the home page until they are visited.
// Run `npm run build` first; the hello world is built here, into bench/out/hello-world/.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { fmt, launchChromium, serveBuild, type Figure } from './lib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HELLO_DIR = fileURLToPath(new URL('hello-world/', import.meta.url));
const HELLO_OUT = fileURLToPath(new URL('out/hello-world', import.meta.url));
const KIT = `${ROOT}.svelte-kit`;
const SOURCE = 'npm run build && npm run bench:size (bench/size.ts)';

const HOME_KB = 75;
const HOME_RATIO = 2.5;

export interface Script {
	/** Path on the site, e.g. `/_app/immutable/chunks/AbC123.js`. */
	path: string;
	raw: number;
	gz: number;
}

/** The scripts a fresh browser context loads for `url`, once the network is idle; the page's links too. */
export async function scriptsLoaded(
	browser: Browser,
	url: string
): Promise<{ scripts: Script[]; links: string[] }> {
	const page = await browser.newPage();
	const pending: Promise<Script | undefined>[] = [];
	page.on('response', (res) => {
		if (res.request().resourceType() !== 'script') return;
		pending.push(
			res.body().then(
				(body) => ({
					path: new URL(res.url()).pathname,
					raw: body.length,
					gz: gzipSync(body, { level: 9 }).length
				}),
				() => undefined
			)
		);
	});
	try {
		await page.goto(url, { waitUntil: 'networkidle' });
		const links = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		const byPath = new Map<string, Script>();
		for (const s of await Promise.all(pending)) if (s) byPath.set(s.path, s);
		// Scripts written into the HTML count too (SvelteKit's start, Kartu's early script).
		const inline = await page
			.locator('script:not([src])')
			.evaluateAll((ss) => ss.map((s) => s.textContent ?? ''));
		inline.forEach((text, i) => {
			const body = Buffer.from(text);
			byPath.set(`(inline script ${i + 1} of the page)`, {
				path: `(inline script ${i + 1} of the page)`,
				raw: body.length,
				gz: gzipSync(body, { level: 9 }).length
			});
		});
		return { scripts: [...byPath.values()].sort((a, b) => b.gz - a.gz), links };
	} finally {
		await page.context().close();
	}
}

const kb = (scripts: Script[]) => scripts.reduce((a, s) => a + s.gz, 0) / 1024;

/** Builds bench/hello-world with the repo's node_modules (the same versions as Kartu); returns its static folder. */
export function buildHelloWorld(): string {
	const vite = `${ROOT}node_modules/vite/bin/vite.js`;
	const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--emptyOutDir'], {
		cwd: HELLO_DIR,
		env: { ...process.env, HELLO_WORLD_OUT: HELLO_OUT },
		encoding: 'utf8'
	});
	if (run.status !== 0)
		throw new Error(`The hello-world build failed:\n${run.stdout}\n${run.stderr}`);
	return `${HELLO_OUT}/build`;
}

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
}

/**
 * From the last build's Vite manifest: for each route, the files its own code can load (its page node,
 * the chunks it imports statically and dynamically), and the files the home page imports statically.
 */
export function routeFiles(): { home: Set<string>; routes: Map<string, Set<string>> } {
	const manifestPath = `${KIT}/output/client/.vite/manifest.json`;
	const appPath = `${KIT}/generated/client-optimized/app.js`;
	if (!existsSync(manifestPath) || !existsSync(appPath))
		throw new Error('No build found: run `npm run build` first.');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
	// The route → node dictionary SvelteKit generated: "/review": [6], …; node 0 is the root layout.
	const dictionary = readFileSync(appPath, 'utf8').match(/dictionary = (\{[^}]*\})/)?.[1];
	if (!dictionary) throw new Error(`No route dictionary in ${appPath}.`);
	// `~n` marks node n of a page with server data (+page.server.ts): the node is still n.
	const nodesOf = JSON.parse(dictionary.replace(/,\s*\}/, '}').replace(/~(\d+)/g, '$1')) as Record<
		string,
		number[]
	>;
	const closure = (keys: string[], dynamic: boolean) => {
		const files = new Set<string>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (!chunk || files.has('/' + chunk.file)) return;
			files.add('/' + chunk.file);
			for (const k of chunk.imports ?? []) visit(k);
			if (dynamic) for (const k of chunk.dynamicImports ?? []) visit(k);
		};
		keys.forEach(visit);
		return files;
	};
	const nodeKey = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
	const entries = [
		'.svelte-kit/generated/client-optimized/app.js',
		'node_modules/@sveltejs/kit/src/runtime/client/entry.js'
	];
	const home = closure([...entries, nodeKey(0), ...nodesOf['/'].map(nodeKey)], false);
	const routes = new Map<string, Set<string>>();
	for (const [route, nodes] of Object.entries(nodesOf)) {
		if (route === '/') continue;
		routes.set(route, new Set([...closure(nodes.map(nodeKey), true)].filter((f) => !home.has(f))));
	}
	return { home, routes };
}

export interface SizeReport {
	figures: Figure[];
	home: Script[];
	helloWorld: Script[];
	/** Per other route: its own files' gz kB loaded by the home page, and what visiting it loads beyond the home page. */
	routes: {
		route: string;
		files: number;
		onHome: number;
		onVisit?: number;
		nodeLoaded?: boolean;
	}[];
}

/** Measures the build served at `baseUrl` and a hello-world app built and served here. */
export async function measure(browser: Browser, baseUrl: string): Promise<SizeReport> {
	const { home: homeFiles, routes: routeMap } = routeFiles();
	const helloDir = buildHelloWorld();
	const hello = await serveBuild(Number(process.env.BENCH_HELLO_PORT ?? 4519), helloDir);
	let helloWorld: Script[];
	try {
		helloWorld = (await scriptsLoaded(browser, hello.url + '/')).scripts;
	} finally {
		hello.stop();
	}
	const { scripts: home, links } = await scriptsLoaded(browser, baseUrl + '/');
	const homePaths = new Set(home.map((s) => s.path));
	const missing = [...homeFiles].filter((f) => !homePaths.has(f));
	if (missing.length)
		throw new Error(
			`The served build is not the last build (${missing.join(', ')} not loaded): run \`npm run build\`.`
		);

	// Visit the pages with a fixed address, and the first article the home page links to.
	const article = links.map((l) => new URL(l).pathname).find((p) => p.includes('/article/'));
	const visits: Record<string, string | undefined> = {
		'/review': '/review',
		'/cards': '/cards',
		'/stats': '/stats',
		'/settings': '/settings',
		'/article/[slug]': article
	};
	const routes: SizeReport['routes'] = [];
	for (const [route, files] of routeMap) {
		const onHome = home.filter((s) => files.has(s.path));
		const row: SizeReport['routes'][number] = { route, files: files.size, onHome: kb(onHome) };
		const path = visits[route];
		if (path) {
			const { scripts } = await scriptsLoaded(browser, baseUrl + path);
			row.onVisit = kb(scripts.filter((s) => !homePaths.has(s.path)));
			row.nodeLoaded = scripts.some((s) => files.has(s.path) && s.path.includes('/nodes/'));
		}
		routes.push(row);
	}

	const value = kb(home);
	const base = kb(helloWorld);
	const ratio = value / base;
	const onHome = routes.reduce((a, r) => a + r.onHome, 0);
	const lazy = onHome === 0 && routes.every((r) => r.nodeLoaded !== false);
	const figures: Figure[] = [
		{
			key: 'home-js',
			interval:
				'bytes (gzip -9) of every script a fresh context fetches for the home page until the network is idle, plus its inline scripts',
			label:
				'JavaScript the home page loads (every script it fetches or has inline in its HTML, gzip -9)',
			value,
			unit: 'kB',
			baseline: { label: 'hello-world SvelteKit app, same versions, same run', value: base },
			ratio,
			target: `≤ ${HOME_KB} kB and ≤ ${HOME_RATIO}× hello world`,
			pass: value <= HOME_KB && ratio <= HOME_RATIO,
			source: SOURCE
		},
		{
			key: 'home-js-other-pages',
			interval:
				'bytes (gzip -9) of the files only other pages import (by the Vite manifest) that the home page loads',
			label: `Other pages' code the home page loads (the chunks only ${routes.map((r) => r.route).join(', ')} import, sql.js among them; gzip -9)`,
			value: onHome,
			unit: 'kB',
			target: '0 kB; each page loads its own code when visited',
			pass: lazy,
			source: SOURCE
		}
	];
	return { figures, home, helloWorld, routes };
}

/** The figures of `measure`. */
export async function measureSize(browser: Browser, baseUrl: string): Promise<Figure[]> {
	return (await measure(browser, baseUrl)).figures;
}

function printReport(r: SizeReport): void {
	console.log('| figure | value | baseline | ratio | target | pass |\n|---|---|---|---|---|---|');
	for (const f of r.figures) {
		const baseline = f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.label})` : '';
		const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
		console.log(
			`| ${f.label} | ${fmt(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${f.target} | ${f.pass ? 'yes' : 'NO'} |`
		);
	}
	console.log(
		'\n| other page | its own files | loaded by home | loaded on visit, beyond home |\n|---|---|---|---|'
	);
	for (const x of r.routes) {
		const visit =
			x.onVisit === undefined
				? 'not visited'
				: `${fmt(x.onVisit)} kB${x.nodeLoaded ? '' : ' (its page chunk did NOT load)'}`;
		console.log(`| ${x.route} | ${x.files} | ${fmt(x.onHome)} kB | ${visit} |`);
	}
	for (const [name, scripts] of [
		['home page', r.home],
		['hello world', r.helloWorld]
	] as const) {
		console.log(
			`\n${name}: ${scripts.length} scripts, ${fmt(kb(scripts))} kB gzipped (${fmt(scripts.reduce((a, s) => a + s.raw, 0) / 1024)} kB raw)`
		);
		for (const s of scripts) console.log(`  ${(s.gz / 1024).toFixed(1).padStart(6)} kB  ${s.path}`);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4518));
	const browser = await launchChromium();
	try {
		// A report, not a gate: the pass column says whether each target holds.
		printReport(await measure(browser, server.url));
	} finally {
		await browser.close();
		server.stop();
	}
}
