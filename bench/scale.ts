// Kartu at 200, 10,000 and 100,000 cards in Chromium, against the served build/: grade → next card,
// navigation → first card and → home counts (cold HTTP cache), the statistics page, memory after
// 100 answers, and batch loading; each next to a baseline measured in the same page and run.
// Used by bench/run.ts (`npm run bench`); alone: `npm run build && npm run bench:scale`.

import { build } from 'esbuild';
import type { Browser, Page } from '@playwright/test';
import { fmt, launchChromium, median, percentile, serveBuild, type Figure } from './lib';

const SOURCE = 'bench/scale.ts';

/** Page instrumentation, installed before any of the site's scripts run. A string: tsx must not rewrite it. */
const INSTRUMENT = `(() => {
	const marks = (window.__marks = {});
	const lat = (window.__lat = []);
	let pending;
	addEventListener('keydown', (e) => { if (/^[1-4]$/.test(e.key)) pending = e.timeStamp; }, true);
	const check = () => {
		const card = document.querySelector('[data-card-id]');
		const id = card ? card.getAttribute('data-card-id') : null;
		const now = performance.now();
		if (id && marks.firstCard === undefined) marks.firstCard = now;
		// The next card's front: a card on screen with its "Show answer" button shown (same card again included).
		if (pending !== undefined && id && document.querySelector('button.show:not([hidden])')) { lat.push(now - pending); pending = undefined; }
		if (marks.home === undefined) {
			const due = document.querySelector('[data-testid=due]');
			const learned = document.querySelector('[data-testid=learned]');
			if (due && learned && /\\d/.test(due.textContent) && /\\d/.test(learned.textContent)) marks.home = now;
		}
		if (marks.stats === undefined && document.querySelector('[data-testid=reviews-year]')) marks.stats = now;
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

let bundle: string | undefined;
async function seedBundle(): Promise<string> {
	if (!bundle) {
		const out = await build({
			entryPoints: ['bench/seed.ts'],
			bundle: true,
			format: 'iife',
			write: false,
			platform: 'browser',
			target: 'es2022',
			logLevel: 'error'
		});
		bundle = out.outputFiles[0].text;
	}
	return bundle;
}

interface Marks {
	firstCard?: number;
	home?: number;
	stats?: number;
}

/** Opens `path` with an empty HTTP cache and waits for `mark`; returns its time since navigation start. */
async function coldVisit(
	page: Page,
	url: string,
	mark: keyof Marks,
	timeout = 120_000
): Promise<number> {
	// From a quiet page: the work the previous page still does after its own mark (reading ahead,
	// today's snapshot check) would otherwise hold up this navigation and be counted in it.
	await page.evaluate(
		() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 300), { timeout: 3000 }))
	);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
	await page.goto(url);
	await page.waitForFunction(
		(m) => (window as unknown as { __marks: Marks }).__marks[m as keyof Marks] !== undefined,
		mark,
		{ timeout, polling: 20 }
	);
	if (process.env.BENCH_DEBUG) {
		const steps = await page.evaluate(() =>
			['kartu:early-opened', 'kartu:early-read']
				.map((n) => `${n} ${Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1)}`)
				.join(', ')
		);
		console.error(`${url}: ${steps}`);
	}
	return page.evaluate(
		(m) => (window as unknown as { __marks: Marks }).__marks[m as keyof Marks]!,
		mark
	);
}

/** The seeder goes in as an inline script, which the pages' Content-Security-Policy refuses: the harness bypasses it. */
const HARNESS = { bypassCSP: true };

async function withSeeder<T>(page: Page, fn: () => Promise<T>): Promise<T> {
	if (!(await page.evaluate(() => 'kartuBench' in window)))
		await page.addScriptTag({ content: await seedBundle() });
	return fn();
}

/**
 * Waits until the page has drawn the answer and is idle, as it is when a learner, having read the
 * answer, presses a grade: the key then measures the grade, not the harness's own polling or the
 * focus move the page runs after drawing the answer.
 */
function settled(page: Page): Promise<unknown> {
	return page.evaluate(
		() =>
			new Promise((r) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() => requestIdleCallback(r, { timeout: 500 }))
				)
			)
	);
}

/** Answers `n` cards with Good by keyboard (Enter shows, 3 grades); returns each grade → next card time. */
async function gradeCards(page: Page, n: number): Promise<number[]> {
	await page.waitForSelector('[data-card-id]');
	for (let i = 0; i < n; i++) {
		const before = await page.evaluate(
			() => (window as unknown as { __lat: number[] }).__lat.length
		);
		if (!(await page.locator('[data-card-id]').count())) break;
		await page.keyboard.press('Enter');
		await page.getByRole('button', { name: /^Good/ }).and(page.locator(':enabled')).waitFor();
		await settled(page);
		await page.keyboard.press('3');
		await page.waitForFunction(
			(b) =>
				(window as unknown as { __lat: number[] }).__lat.length > b ||
				!document.querySelector('[data-card-id]'),
			before,
			{ polling: 10 }
		);
	}
	return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

async function heapMB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	await cdp.detach();
	return usedSize / 1024 / 1024;
}

export interface ScaleRaw {
	size: number;
	reviews: number;
	seedMs: number;
	statsSumMs: number;
	cardsPerSecond: number;
	firstCard: number[];
	home: number[];
	stats: number[];
	grade: number[];
	bare: number[];
	heapMB: number;
	spread: Record<string, number>;
}

/** Seeds one collection size in a fresh browser context and measures everything on it. */
export async function measureCollection(
	browser: Browser,
	baseUrl: string,
	size: number,
	reviews: number,
	runs = 5
): Promise<ScaleRaw> {
	const context = await browser.newContext(HARNESS);
	const page = await context.newPage();
	await page.addInitScript(INSTRUMENT);
	try {
		await page.goto(baseUrl + '/');
		await page.getByTestId('learned').filter({ hasText: /\d/ }).waitFor();
		const now = Date.now();
		const seeded = await withSeeder(page, () =>
			page.evaluate(([n, r, t]) => (window as any).kartuBench.seedCollection(n, r, t), [
				size,
				reviews,
				now
			] as const)
		);
		const spread = await page.evaluate(() => (window as any).kartuBench.queueSpread());
		// Today's automatic snapshot is taken at the first start of the day, in the background; let it
		// finish as it would have on the learner's first visit of the day.
		await page.goto(baseUrl + '/settings');
		await page.locator('[data-snapshot]').first().waitFor({ timeout: 600_000 });

		const firstCard: number[] = [];
		const home: number[] = [];
		const stats: number[] = [];
		for (let i = 0; i < runs; i++) {
			home.push(await coldVisit(page, baseUrl + '/', 'home'));
			stats.push(await coldVisit(page, baseUrl + '/stats', 'stats'));
			firstCard.push(await coldVisit(page, baseUrl + '/review', 'firstCard'));
		}
		const bare = await withSeeder(page, () =>
			page.evaluate(() => (window as any).kartuBench.bareTransactions(200))
		);
		await page.goto(baseUrl + '/review');
		const grade = await gradeCards(page, 100);
		const heap = await heapMB(page);
		return {
			size,
			reviews: seeded.reviews,
			seedMs: seeded.seedMs,
			statsSumMs: seeded.statsSumMs,
			cardsPerSecond: seeded.cardsPerSecond,
			firstCard,
			home,
			stats,
			grade,
			bare,
			heapMB: heap,
			spread
		};
	} finally {
		await context.close();
	}
}

/** Batch loading (syncDecks, one transaction) against one transaction per card, in the same page. */
export async function measureBatch(
	browser: Browser,
	baseUrl: string,
	n = 5_000,
	runs = 3
): Promise<Figure> {
	const context = await browser.newContext(HARNESS);
	const page = await context.newPage();
	try {
		await page.goto(baseUrl + '/');
		await page.getByTestId('learned').filter({ hasText: /\d/ }).waitFor();
		const results: { batch: number; oneByOne: number }[] = [];
		for (let i = 0; i < runs; i++) {
			results.push(
				await withSeeder(page, () =>
					page.evaluate((k) => (window as any).kartuBench.batchVersusOneByOne(k), n)
				)
			);
		}
		const batch = median(results.map((r) => r.batch));
		const one = median(results.map((r) => r.oneByOne));
		return {
			key: 'batch-load',
			label: `Loading ${n.toLocaleString('en')} cards through syncDecks (one transaction), records/s`,
			value: batch,
			unit: 'records/s',
			baseline: { label: 'one transaction per card, same cards, same page', value: one },
			ratio: batch / one,
			target: '≥ 5× the baseline',
			pass: batch / one >= 5,
			source: SOURCE
		};
	} finally {
		await context.close();
	}
}

/** The figures for one size's raw measurements (with `small`, the 200-card run, as the memory baseline). */
export function scaleFigures(r: ScaleRaw, small?: ScaleRaw): Figure[] {
	const gradeP95 = percentile(r.grade, 95);
	const bareP95 = percentile(r.bare, 95);
	const first = median(r.firstCard);
	const home = median(r.home);
	const stats = median(r.stats);
	const firstTarget = r.size >= 100_000 ? 500 : r.size >= 10_000 ? 300 : Infinity;
	const figures: Figure[] = [
		{
			key: 'grade-p95',
			label: `Grade → next card on screen, p95 of ${r.grade.length} answers`,
			size: r.size,
			value: gradeP95,
			unit: 'ms',
			baseline: {
				label: 'bare IndexedDB put+get transaction, p95 of 200, same page',
				value: bareP95
			},
			ratio: gradeP95 / bareP95,
			target: r.size >= 100_000 ? '≤ 16 ms and ≤ 5× baseline' : '≤ 5× baseline',
			pass: gradeP95 / bareP95 <= 5 && (r.size < 100_000 || gradeP95 <= 16),
			source: SOURCE
		},
		{
			key: 'first-card',
			label: `Navigation → first card on screen, cold HTTP cache, median of ${r.firstCard.length}`,
			size: r.size,
			value: first,
			unit: 'ms',
			baseline: { label: 'bare IndexedDB put+get transaction, p95', value: bareP95 },
			ratio: first / bareP95,
			target: firstTarget === Infinity ? '(none at this size)' : `≤ ${firstTarget} ms`,
			pass: first <= firstTarget,
			source: SOURCE
		},
		{
			key: 'home-counts',
			label: `Navigation → home counts on screen, cold HTTP cache, median of ${r.home.length}`,
			size: r.size,
			value: home,
			unit: 'ms',
			baseline: { label: 'bare IndexedDB put+get transaction, p95', value: bareP95 },
			ratio: home / bareP95,
			target: r.size >= 100_000 ? '≤ 150 ms' : '(none at this size)',
			pass: r.size < 100_000 || home <= 150,
			source: SOURCE
		},
		{
			key: 'stats-page',
			label: `Navigation → statistics charts on screen (${r.reviews.toLocaleString('en')} reviews), median of ${r.stats.length}`,
			size: r.size,
			value: stats,
			unit: 'ms',
			baseline: {
				label: `summing all ${r.reviews.toLocaleString('en')} reviews once (as after an import)`,
				value: r.statsSumMs
			},
			ratio: stats / r.statsSumMs,
			target: r.reviews >= 1_000_000 ? '≤ 1,000 ms' : '(none at this size)',
			pass: r.reviews < 1_000_000 || stats <= 1000,
			source: SOURCE
		},
		{
			key: 'heap',
			label: 'JS heap after 100 answers (after garbage collection)',
			size: r.size,
			value: r.heapMB,
			unit: 'MB',
			...(small
				? {
						baseline: { label: 'the same after 100 answers at 200 cards', value: small.heapMB },
						ratio: r.heapMB / small.heapMB
					}
				: {}),
			target: r.size >= 100_000 ? '≤ 60 MB' : '(none at this size)',
			pass: r.size < 100_000 || r.heapMB <= 60,
			source: SOURCE
		}
	];
	return figures;
}

export function describeRaw(r: ScaleRaw): string {
	return `${r.size.toLocaleString('en')} cards, ${r.reviews.toLocaleString('en')} reviews: seeded in ${fmt(r.seedMs / 1000)} s (${fmt(r.cardsPerSecond)} cards/s), statistics summed in ${fmt(r.statsSumMs)} ms; queues ${JSON.stringify(r.spread)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const sizes = (process.env.SIZES ?? '200,10000').split(',').map(Number);
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4321));
	const browser = await launchChromium();
	try {
		const raws: ScaleRaw[] = [];
		for (const size of sizes) {
			const raw = await measureCollection(
				browser,
				server.url,
				size,
				size * Number(process.env.REVIEWS_PER_CARD ?? 10),
				Number(process.env.RUNS ?? 3)
			);
			console.log(describeRaw(raw));
			raws.push(raw);
		}
		console.log(
			'\n| figure | cards | value | baseline | ratio | target | pass |\n| --- | --- | --- | --- | --- | --- | --- |'
		);
		for (const r of raws) {
			for (const f of scaleFigures(
				r,
				raws.find((x) => x.size === 200)
			)) {
				console.log(
					`| ${f.label} | ${f.size} | ${fmt(f.value)} ${f.unit} | ${f.baseline ? fmt(f.baseline.value) : ''} | ${f.ratio ? fmt(f.ratio, 2) : ''} | ${f.target} | ${f.pass ? 'yes' : 'NO'} |`
				);
			}
		}
		const batch = await measureBatch(browser, server.url);
		console.log(
			`| ${batch.label} | | ${fmt(batch.value)} | ${fmt(batch.baseline!.value)} | ${fmt(batch.ratio!, 2)} | ${batch.target} | ${batch.pass ? 'yes' : 'NO'} |`
		);
	} finally {
		await browser.close();
		server.stop();
	}
}
