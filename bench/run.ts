// npm run bench — builds the site, serves build/, and measures Kartu in Chromium at 200, 10,000 and
// 100,000 cards seeded as a year of study leaves them: a learner's review session (grade → next
// front painted, per path), cold starts of a returning learner's browser and a first visit, memory;
// plus page weight, text analysis, snapshots and a library of added articles. Writes bench/results.md
// and bench/charts/*.svg; then the FSRS optimiser's figures, written to bench/results-optimiser.md
// (bench/optimiser.ts). On demand only: never part of `npm test`.
// SIZES=200,10000, RUNS=3 and ANSWERS=100 make a quicker run.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { measureAnalysis, measureDeckSpeed } from './analysis';
import { launchChromium, serveBuild, type Figure } from './lib';
import { writeReport } from './report';
import {
	describeSeed,
	describeSession,
	firstVisitFigures,
	measureBatch,
	measureCollection,
	measureFirstVisit,
	measureHello,
	marksLatency,
	scaleFigures,
	type ScaleRaw
} from './scale';
import { measureSize } from './size';
import { measureSnapshot } from './snapshot';
import { measureArticles } from './articles';
import {
	measureBrowserFit,
	measureLearners,
	measureReschedule,
	writeOptimiserReport
} from './optimiser';
// Sync (issue 17): its own results file, bench/results-sync.md.
import { measureSync, writeSyncReport } from './sync';

const started = Date.now();
const sizes = (process.env.SIZES ?? '200,10000,100000').split(',').map(Number);
const runs = Number(process.env.RUNS ?? 5);
const helloPort = Number(process.env.HELLO_PORT ?? 4331);
/** The machine's load (1-minute average) when each step began: other work on it shows in every figure. */
const loads: string[] = [];
const log = (s: string) => {
	loads.push(`${s.split(':')[0]}: ${os.loadavg()[0].toFixed(1)}`);
	console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);
};

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
	log('cold-start baseline (hello world) and first visits');
	const hello = marksLatency(await measureHello(runs, helloPort));
	const first = await measureFirstVisit(server.url, runs);
	figures.push(...firstVisitFigures(first, hello));
	log('adding an article, and a library of 100 articles');
	figures.push(...(await measureArticles(browser, server.url)));
	const raws: ScaleRaw[] = [];
	for (const size of sizes) {
		log(`collection of ${size.toLocaleString('en')} cards`);
		// Today's whole queue at 10,000 cards and more (reviews, new cards, the learning cards they
		// bring back): about 400 answers, some 15 minutes at a learner's pace.
		const answers = Number(process.env.ANSWERS ?? (size >= 10_000 ? 400 : 150));
		const raw = await measureCollection(server.url, size, runs, answers, log);
		notes.push(describeSeed(size, raw.seeded, raw.queues, raw.profileMB), describeSession(raw));
		log(describeSession(raw));
		raws.push(raw);
		// Every key and cold start as measured, for a closer look (bench/out/ is not committed).
		mkdirSync('bench/out', { recursive: true });
		writeFileSync(`bench/out/raw-${size}.json`, JSON.stringify(raw));
	}
	for (const raw of raws) figures.push(...scaleFigures(raw, hello, raws[0]));
	notes.push(`Load while measuring (uptime): ${loads.join('; ')}`);
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
	const reschedule = await measureReschedule(browser, server.url);
	const optimiserMd = writeOptimiserReport(learners, fit, chromium, reschedule);
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
