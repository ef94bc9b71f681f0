// npm run bench — builds the site, serves build/, and measures Kartu in Chromium at 200, 10,000 and
// 100,000 cards (2,000, 100,000 and 1,000,000 reviews), plus page weight, text analysis and snapshots;
// writes bench/results.md and bench/charts/*.svg; then the FSRS optimiser's figures, written to
// bench/results-optimiser.md (bench/optimiser.ts). On demand only: never part of `npm test`.
// SIZES=200,10000 and RUNS=3 make a quicker run.

import { spawnSync } from 'node:child_process';
import { measureAnalysis, measureDeckSpeed } from './analysis';
import { launchChromium, serveBuild, type Figure } from './lib';
import { writeReport } from './report';
import { describeRaw, measureBatch, measureCollection, scaleFigures, type ScaleRaw } from './scale';
import { measureSize } from './size';
import { measureSnapshot } from './snapshot';
import { measureArticles } from './articles';
import { measureBrowserFit, measureLearners, writeOptimiserReport } from './optimiser';
// Sync (issue 17): its own results file, bench/results-sync.md.
import { measureSync, writeSyncReport } from './sync';

const started = Date.now();
const sizes = (process.env.SIZES ?? '200,10000,100000').split(',').map(Number);
const runs = Number(process.env.RUNS ?? 5);
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);

log('building the site');
const built = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);

const figures: Figure[] = [];
const notes: string[] = [];
const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4330));
const browser = await launchChromium();
try {
	log('page weight');
	figures.push(...(await measureSize(browser, server.url)));
	log('text analysis');
	figures.push(...(await measureDeckSpeed()));
	figures.push(...(await measureAnalysis(browser, server.url)));
	log('batch loading');
	figures.push(await measureBatch(browser, server.url));
	log('automatic snapshots');
	figures.push(...(await measureSnapshot(browser, server.url)));
	log('adding an article, and a library of 100 articles');
	figures.push(...(await measureArticles(browser, server.url)));
	const raws: ScaleRaw[] = [];
	for (const size of sizes) {
		const reviews = size * 10;
		log(
			`collection of ${size.toLocaleString('en')} cards and ${reviews.toLocaleString('en')} reviews`
		);
		const raw = await measureCollection(browser, server.url, size, reviews, runs);
		log(describeRaw(raw));
		notes.push(describeRaw(raw));
		raws.push(raw);
	}
	for (const raw of raws)
		figures.push(
			...scaleFigures(
				raw,
				raws.find((r) => r.size === Math.min(...sizes))
			)
		);
	const chromium = `Chromium ${browser.version()}`;
	const md = writeReport(figures, {
		date: new Date(),
		chromium,
		node: process.version,
		durationS: (Date.now() - started) / 1000,
		notes
	});
	console.log('\n' + md);
	log('the FSRS optimiser: simulated learners, then 100,000 reviews in Chromium');
	const learners = await measureLearners();
	const fit = await measureBrowserFit(browser, server.url);
	const optimiserMd = writeOptimiserReport(learners, fit, chromium);
	console.log('\n' + optimiserMd);

	// --- Sync through CouchDB (bench/sync.ts), written to bench/results-sync.md ---
	log('sync: the first sync of 100,000 reviews, and one answer from one device to another');
	const syncFigures = await measureSync(browser, server.url);
	console.log('\n' + writeSyncReport(syncFigures, chromium));
	figures.push(...syncFigures); // for the missed targets below (results.md is written already)
	// --- end of sync ---
	const missed = figures.filter((f) => !f.pass);
	if (missed.length)
		log(
			`${missed.length} figure(s) missed their target: ${missed.map((f) => `${f.key}${f.size ? `@${f.size}` : ''}`).join(', ')}`
		);
} finally {
	await browser.close();
	server.stop();
}
