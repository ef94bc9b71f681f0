// npm run bench:analysis — text analysis at scale.
// In Chromium, against the real build/: a 1 MB Indonesian text opened on /analyse and analysed in the
// page's Web Worker, with the longest task on the page meanwhile (PerformanceObserver 'longtask'), next
// to the same analysis through the same page on the main thread (/analyse?thread=main).
// In Node: the seed article to its deck, warm, next to stemming the same words with Sastrawi.
// Run `npm run build` first: this builds nothing. BENCH_PORT changes the port (4418).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { Stemmer } from 'sastrawijs';
import { readArticle, readLexicon } from '../scripts/content-node';
import { deckFromSource } from '../src/lib/cards';
import { parseArticle, tokenize } from '../src/lib/text';
import { indonesianText } from './corpus';
import { fmt, launchChromium, median, serveBuild, type Figure } from './lib';

const SOURCE = 'npm run bench:analysis (bench/analysis.ts)';
const TEXT_BYTES = 1024 * 1024;
/**
 * Runs per mode. Each run opens the page afresh (a new worker, or the main-thread script loaded
 * again: a learner's first analysis), and the two modes take turns run by run, in alternating order,
 * so that a busy spell on the machine weighs on both alike.
 */
const RUNS = 6;
const DECK_WARMUP = 40;
const DECK_RUNS = 30;

interface Run {
	/** Longest task on the page from choosing the file to the table shown, ms. */
	longest: number;
	/** From choosing the file to the table shown (the page's own `kartu:analyse` measure), ms. */
	time: number;
}

/** Opens the file on the analyse page that `page` shows, and waits for the table; long tasks observed throughout. */
async function analyseOnce(page: Page, file: string): Promise<Run> {
	await page.locator('form[data-ready="true"]').waitFor({ timeout: 120_000 });
	// Collect garbage first, in a task of its own, so that no earlier work is counted.
	await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
	await page.evaluate(() => {
		// No named functions in here: tsx would wrap them in a __name() the page does not have.
		const w = window as unknown as {
			__long: number[];
			__from: number;
			__observer?: PerformanceObserver;
		};
		w.__observer?.disconnect();
		w.__long = [];
		w.__from = performance.now();
		w.__observer = new PerformanceObserver((list) => {
			// The task that installs the observer is reported too: count only tasks that start after it.
			for (const e of list.getEntries()) if (e.startTime >= w.__from) w.__long.push(e.duration);
		});
		w.__observer.observe({ type: 'longtask' });
		performance.clearMeasures('kartu:analyse');
	});
	await page.getByLabel('Or open a file (.txt, .md)').setInputFiles(file);
	await page.waitForFunction(() => performance.getEntriesByName('kartu:analyse').length > 0, null, {
		timeout: 300_000,
		polling: 100
	});
	// Let the observer deliver the entries of the last tasks.
	await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
	return page.evaluate(() => {
		const w = window as unknown as { __long: number[]; __observer: PerformanceObserver };
		w.__observer.disconnect();
		return {
			longest: Math.max(0, ...w.__long),
			time: performance.getEntriesByName('kartu:analyse')[0].duration
		};
	});
}

/** The text the browser figures analyse: about 1 MB, generated from the seed article and the lexicon. */
export function benchText(bytes = TEXT_BYTES): string {
	const lex = readLexicon();
	const { raw, glossary } = readArticle('azerbaijan-iran', lex);
	return indonesianText(bytes, raw, glossary, lex);
}

/**
 * A 1 MB Indonesian text analysed on /analyse of the served build at `baseUrl`, in the worker and
 * (baseline, same page, same run) on the main thread: the longest task on the page and the time to
 * the table, each the median of six runs, each on a freshly opened page, the modes taking turns.
 */
export async function measureAnalysis(browser: Browser, baseUrl: string): Promise<Figure[]> {
	const text = benchText();
	const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(2);
	// A file on disk, which Chromium opens itself: given as a buffer, Playwright would build the File
	// inside the page from base64, a long task of its own on the page being measured.
	const dir = mkdtempSync(join(tmpdir(), 'kartu-bench-'));
	const file = join(dir, 'bench.txt');
	writeFileSync(file, text);
	const page = await browser.newPage();
	try {
		const worker: Run[] = [];
		const main: Run[] = [];
		for (let i = 0; i < RUNS; i++) {
			const turns = [
				['/analyse', worker],
				['/analyse?thread=main', main]
			] as const;
			for (const [path, runs] of i % 2 ? [...turns].reverse() : turns) {
				await page.goto(baseUrl + path);
				runs.push(await analyseOnce(page, file));
			}
		}
		const n = worker.length;
		const list = (runs: Run[], key: keyof Run) => runs.map((r) => fmt(r[key], 0)).join(', ');
		const longest = median(worker.map((r) => r.longest));
		const mainLongest = median(main.map((r) => r.longest));
		const time = median(worker.map((r) => r.time));
		const mainTime = median(main.map((r) => r.time));
		return [
			{
				key: 'analysis-longtask',
				interval:
					"the longest Long Tasks API entry from choosing the file to the end of the page's `kartu:analyse` measure (the table in the DOM; not measured to the painted frame)",
				label: `Longest task on the page while its Web Worker analyses a ${mb} MB Indonesian text, file chosen to table shown, the first analysis on a freshly opened page (median of ${n} runs: ${list(worker, 'longest')} ms; 0 = no task over 50 ms, the least the Long Tasks API reports)`,
				value: longest,
				unit: 'ms',
				baseline: {
					label: `the same analysis through the same page on the main thread (/analyse?thread=main): its longest task (runs: ${list(main, 'longest')} ms)`,
					value: mainLongest
				},
				ratio: longest / mainLongest,
				target: '≤ 50 ms',
				pass: longest <= 50,
				source: SOURCE
			},
			{
				key: 'analysis-time',
				interval:
					"the page's `kartu:analyse` measure: the file input's change → the results table in the DOM (a throughput figure of about 250 ms, not measured to the painted frame)",
				label: `Time to analyse the ${mb} MB text in the worker, file chosen to table shown, the first analysis on a freshly opened page (median of ${n} runs: ${list(worker, 'time')} ms)`,
				value: time,
				unit: 'ms',
				baseline: {
					label: `the same analysis on the main thread (runs: ${list(main, 'time')} ms)`,
					value: mainTime
				},
				ratio: time / mainTime,
				target: '≤ 1.5× the main-thread time (slicing, progress and messages cost little)',
				pass: time <= 1.5 * mainTime,
				source: SOURCE
			}
		];
	} finally {
		await page.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

function timeRuns(runs: number, warmup: number, f: () => void): number[] {
	for (let i = 0; i < warmup; i++) f();
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		f();
		out.push(performance.now() - t);
	}
	return out;
}

/**
 * The seed article (content/articles/azerbaijan-iran.md) to its deck in Node, warm: the median of 25
 * runs after 5 warm-up runs, each from the file's text (a fresh analyser cache per run). Baseline
 * in the same run: Sastrawi (sastrawijs) stemming every word of the same article, measured alike.
 */
export async function measureDeckSpeed(): Promise<Figure[]> {
	const lex = readLexicon();
	const { raw, glossary } = readArticle('azerbaijan-iran', lex);
	const deck = timeRuns(DECK_RUNS, DECK_WARMUP, () => deckFromSource(raw, glossary, lex));
	const words = parseArticle(raw)
		.body.split('\n')
		.flatMap((line) => tokenize(line).filter((t) => t.kind === 'word'))
		.map((t) => t.text.toLowerCase());
	const stemmer = new Stemmer();
	const stems = timeRuns(DECK_RUNS, DECK_WARMUP, () => {
		for (const w of words) stemmer.stem(w);
	});
	const value = median(deck);
	const baseline = median(stems);
	return [
		{
			key: 'deck-warm',
			interval:
				'in Node: parsing the seed article, analysing its words, finding phrases and building its cards, one call, warm',
			label: `Seed article to its deck in Node, warm: sentences, ${words.length} words analysed, phrases, cards (median of ${DECK_RUNS} runs after ${DECK_WARMUP} warm-up runs)`,
			value,
			unit: 'ms',
			baseline: {
				label: `Sastrawi (sastrawijs) stemming the article's ${words.length} words, warm, median of ${DECK_RUNS}`,
				value: baseline
			},
			ratio: value / baseline,
			target: '≤ 20 ms',
			pass: value <= 20,
			source: SOURCE
		}
	];
}

function table(figures: Figure[]): string {
	const rows = figures.map((f) =>
		[
			f.label,
			`${fmt(f.value)} ${f.unit}`,
			f.baseline ? `${fmt(f.baseline.value)} ${f.unit}: ${f.baseline.label}` : '—',
			f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}×`,
			f.target,
			f.pass ? 'pass' : 'FAIL'
		].join(' | ')
	);
	return [
		'| figure | value | baseline | ratio | target | |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows.map((r) => `| ${r} |`)
	].join('\n');
}

async function main() {
	try {
		readFileSync(new URL('../build/analyse.html', import.meta.url));
	} catch {
		console.error('bench:analysis: build/analyse.html is missing; run `npm run build` first.');
		process.exit(1);
	}
	const figures = await measureDeckSpeed();
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4418));
	const browser = await launchChromium();
	try {
		figures.push(...(await measureAnalysis(browser, server.url)));
	} finally {
		await browser.close();
		server.stop();
	}
	console.log(table(figures));
	if (figures.some((f) => !f.pass)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
