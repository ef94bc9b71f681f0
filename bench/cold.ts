// npm run bench:cold — where a returning learner's cold start goes: seeds a collection of SIZE cards
// (10000) on a profile on disk as bench/scale.ts does (or copies PROFILE, a profile kept from an
// earlier run with KEEP=1), then RUNS (5) times starts a new browser on a copy with its HTTP cache
// emptied and opens PATH (/review), and prints, in ms from navigation start: the HTML's first byte
// and end, the early script's database open and first read, the app's scripts loaded, the DOM ready,
// the first card (or home counts) in the DOM and painted, and whether a service worker served the
// page. On demand only; it writes nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fmt, median, serveBuild } from './lib';
import { coldCopy, firstPage, launchProfile, painted, removeProfile, type MarkName } from './page';
import { seedProfile } from './scale';
import { startTrace, stopTrace, type TraceEvent } from './trace';

interface Breakdown {
	ttfb: number;
	html: number;
	opened?: number;
	read?: number;
	scripts: number;
	dcl: number;
	dom: number;
	paint: number;
	worker: string;
	scriptsFrom: string;
	longest: number;
}

async function breakdown(page: Page, mark: MarkName): Promise<Breakdown> {
	const m = await painted(page, mark);
	// A string, not a function: tsx would wrap the function's inner arrows in a helper the page lacks.
	const read = `(() => {
		const m = ${JSON.stringify(m)};
		const nav = performance.getEntriesByType('navigation')[0];
		const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
		const scripts = performance
			.getEntriesByType('resource')
			.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
			.reduce((t, r) => Math.max(t, r.responseEnd), 0);
		return {
			ttfb: nav.responseStart,
			html: nav.responseEnd,
			opened: at('kartu:early-opened'),
			read: at('kartu:early-read'),
			scripts,
			dcl: nav.domContentLoadedEventEnd,
			dom: m.dom,
			paint: m.paint,
			worker: nav.workerFinalSourceType || nav.workerMatchedSourceType || (nav.workerStart > 0 ? 'fetch-event' : 'network'),
			scriptsFrom: [...new Set(performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.workerFinalSourceType ?? r.workerMatchedSourceType ?? (r.workerStart > 0 ? 'fetch-event' : 'network')))].join('+'),
			longest: (window.__longTasks ?? []).reduce((a, b) => Math.max(a, b), 0)
		};
	})()`;
	return page.evaluate(read) as Promise<Breakdown>;
}

/**
 * The renderer main thread's tasks from navigation start to the paint (ms from navigation start,
 * by the trace's `navigationStart`), each with the telling events it ran: where a cold start goes.
 */
function printMainThread(events: TraceEvent[], paint: number): void {
	const nav = events.find(
		(e) =>
			e.name === 'navigationStart' &&
			!!e.args?.data?.isLoadingMainFrame &&
			String(e.args.data.documentLoaderURL ?? '').startsWith('http')
	);
	if (!nav) return void console.log('no navigationStart in the trace');
	const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X');
	const at = (ts: number) => (ts - nav.ts) / 1000;
	const TELLING =
		/^(EvaluateScript|v8\.compile|v8\.run|FunctionCall|ParseHTML|UpdateLayoutTree|Layout|Paint|MajorGC|MinorGC|V8\.GC.*|TimerFire|FireAnimationFrame|EventDispatch|v8\.evaluateModule|ResourceReceivedData|ParseAuthorStyleSheet)$/;
	for (const t of main.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) {
		const start = at(t.ts);
		const ms = (t.dur ?? 0) / 1000;
		if (start < 0 || start > paint || ms < 2) continue;
		const inner = main
			.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && TELLING.test(e.name))
			.filter((e) => (e.dur ?? 0) / 1000 >= 1)
			.map((e) => {
				const d = e.args?.data as { url?: string; functionName?: string } | undefined;
				const url = d?.url ? ' ' + d.url.split('/').pop() : '';
				return `${e.name}${url} ${fmt((e.dur ?? 0) / 1000)}`;
			});
		console.log(
			`  task at ${fmt(start)} ms, ${fmt(ms)} ms: ${[...new Set(inner)].slice(0, 6).join('; ')}`
		);
	}
	for (const e of events.filter((e) => e.name.startsWith('kartu:') && e.pid === nav.pid))
		console.log(`  mark ${e.name} at ${fmt(at(e.ts))} ms`);
}

/** What LevelDB (IndexedDB's storage) did while the browser had the profile open: its LOG file. */
function printLevelDbLog(dir: string): void {
	const root = join(dir, 'Default', 'IndexedDB');
	for (const d of readdirSync(root).filter((d) => d.endsWith('.leveldb')))
		console.log(
			readFileSync(join(root, d, 'LOG'), 'utf8')
				.trim()
				.split('\n')
				.slice(0, 40)
				.join('\n')
		);
}

const size = Number(process.env.SIZE ?? 10_000);
const runs = Number(process.env.RUNS ?? 5);
const path = process.env.PATH_TO ?? '/review';
const mark: MarkName =
	path === '/'
		? 'home'
		: path.startsWith('/stats')
			? 'stats'
			: ((process.env.MARK as MarkName | undefined) ?? 'firstCard');
const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4397));
let profile = process.env.PROFILE;
try {
	if (!profile) {
		const seeded = await seedProfile(server.url, size);
		profile = seeded.dir;
		console.log(`seeded ${size} cards in ${profile}`);
	}
	const rows: Breakdown[] = [];
	for (let i = 0; i < runs; i++) {
		const dir = coldCopy(profile, 'cold');
		const context = await launchProfile(dir, {
			args: process.env.ARGS?.split(' '),
			serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow'
		});
		try {
			const page = await firstPage(context);
			await page.addInitScript({
				content: `window.__longTasks = [];
				new PerformanceObserver((l) => {
					for (const e of l.getEntries()) window.__longTasks.push(e.duration);
				}).observe({ type: 'longtask', buffered: true });`
			});
			const cdp = process.env.TRACE ? await context.newCDPSession(page) : undefined;
			if (cdp) await startTrace(cdp);
			await page.goto(server.url + path);
			const b = await breakdown(page, mark);
			if (cdp) printMainThread(await stopTrace(cdp), b.paint);
			rows.push(b);
			console.log(
				Object.entries(b)
					.map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`)
					.join(' · ')
			);
		} finally {
			await context.close();
			if (process.env.LEVELDB_LOG) printLevelDbLog(dir);
			removeProfile(dir);
		}
	}
	const keys = ['ttfb', 'html', 'opened', 'read', 'scripts', 'dcl', 'dom', 'paint'] as const;
	console.log(
		'median: ' +
			keys
				.map((k) => `${k} ${fmt(median(rows.map((r) => r[k] ?? NaN).filter((v) => !isNaN(v))))}`)
				.join(' · ')
	);
} finally {
	if (profile && !process.env.PROFILE && !process.env.KEEP) removeProfile(profile);
	server.stop();
}
