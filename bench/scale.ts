// Kartu at 200, 10,000 and 100,000 cards in Chromium, against the served build/, every latency
// measured to the frame that paints it (bench/instrument.ts) with the DOM figure beside it:
// - a learner's review session (bench/session.ts): grade → next card's front painted, per path;
// - cold starts: a returning learner's browser started afresh on a profile seeded on disk (HTTP cache
//   empty, no page of the app open), navigation → first card, home counts, statistics painted;
// - a first visit (empty IndexedDB; the decks are stored) → first card painted;
// - memory after the session; batch loading.
// Each next to a baseline measured in the same run. Used by bench/run.ts (`npm run bench`); alone:
// `npm run build && npm run bench:scale`.

import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { measureCommitCost, type CommitCost } from './commit';
import type { Mark } from './keys';
import { fmt, launchChromium, median, percentile, serveBuild, type Figure } from './lib';
import {
	coldCopy,
	firstPage,
	launchProfile,
	newProfile,
	painted,
	removeProfile,
	seedScript,
	type MarkName
} from './page';
import {
	answersFrom,
	gradePaths,
	latency,
	learnerSession,
	type Latency,
	type SessionResult
} from './session';
import type { SeedResult } from './seed';
import { buildHelloWorld } from './size';

const SOURCE = 'bench/scale.ts';

/** What `seedCollection` (bench/seed.ts, run in the page) reports. */
type Seeded = SeedResult;

/** Bytes under `dir`. */
function du(dir: string): number {
	let n = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		n += e.isDirectory() ? du(p) : e.isFile() ? statSync(p).size : 0;
	}
	return n;
}

async function heapMB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	await cdp.detach();
	return usedSize / 1024 / 1024;
}

/**
 * A profile on disk holding `size` cards as a year of study leaves them (bench/seed.ts), with the
 * day's automatic snapshot already taken (as the learner's first visit of the day takes it).
 */
export async function seedProfile(
	baseUrl: string,
	size: number
): Promise<{ dir: string; seeded: Seeded; queues: Record<string, number> }> {
	const dir = newProfile(`seed-${size}`);
	const context = await launchProfile(dir, { bypassCSP: true });
	try {
		const page = await firstPage(context);
		await page.goto(baseUrl + '/');
		await page.getByTestId('learned').filter({ hasText: /\d/ }).waitFor();
		await page.addScriptTag({ content: await seedScript() });
		const seeded = (await page.evaluate(
			([n, t]) =>
				(
					window as unknown as {
						kartuBench: { seedCollection(n: number, t: number): Promise<Seeded> };
					}
				).kartuBench.seedCollection(n, t),
			[size, Date.now()] as const
		)) as Seeded;
		const queues = (await page.evaluate(() =>
			(
				window as unknown as { kartuBench: { queueSpread(): Promise<Record<string, number>> } }
			).kartuBench.queueSpread()
		)) as Record<string, number>;
		await page.goto(baseUrl + '/settings');
		await page.locator('[data-snapshot]').first().waitFor({ timeout: 600_000 });
		return { dir, seeded, queues };
	} catch (e) {
		await context.close();
		removeProfile(dir);
		throw e;
	} finally {
		await context.close();
	}
}

/**
 * One cold start: a new browser on a copy of `profile` with an empty HTTP cache, straight to
 * `path`; the first mark, and the others after it (on the review page, the app's own card after the
 * card the page's early script drew).
 */
async function coldStart(
	baseUrl: string,
	profile: string | undefined,
	path: string,
	mark: MarkName,
	...then: MarkName[]
): Promise<Mark[]> {
	const dir = profile ? coldCopy(profile, 'cold') : newProfile('first');
	let context: BrowserContext | undefined;
	try {
		context = await launchProfile(dir);
		const page = await firstPage(context);
		await page.goto(baseUrl + path);
		const out = [await painted(page, mark)];
		for (const m of then) out.push(await painted(page, m));
		return out;
	} finally {
		await context?.close();
		removeProfile(dir);
	}
}

export interface ColdRaw {
	firstCard: Mark[];
	/** The app's own first card, which takes grades (the one before may be the early script's). */
	firstReady: Mark[];
	home: Mark[];
	stats: Mark[];
}

/** `runs` cold starts of the review page, the home page and the statistics page, taken in turn. */
export async function measureCold(
	baseUrl: string,
	profile: string,
	runs: number
): Promise<ColdRaw> {
	const out: ColdRaw = { firstCard: [], firstReady: [], home: [], stats: [] };
	for (let i = 0; i < runs; i++) {
		const [card, ready] = await coldStart(baseUrl, profile, '/review', 'firstCard', 'firstReady');
		out.firstCard.push(card);
		out.firstReady.push(ready);
		out.home.push(...(await coldStart(baseUrl, profile, '/', 'home')));
		out.stats.push(...(await coldStart(baseUrl, profile, '/stats', 'stats')));
	}
	return out;
}

/**
 * A first visit: a new browser on an empty profile, straight to the review page; the first card
 * painted (the build's, drawn by the page's early script), and the app's, once it has stored the decks.
 */
export async function measureFirstVisit(
	baseUrl: string,
	runs: number
): Promise<{ card: Mark[]; ready: Mark[] }> {
	const out = { card: [] as Mark[], ready: [] as Mark[] };
	for (let i = 0; i < runs; i++) {
		const [card, ready] = await coldStart(baseUrl, undefined, '/review', 'firstCard', 'firstReady');
		out.card.push(card);
		out.ready.push(ready);
	}
	return out;
}

/** The baseline of a cold start: a hello-world SvelteKit page (same versions), its heading painted in a new browser. */
export async function measureHello(runs: number, port: number): Promise<Mark[]> {
	const server = await serveBuild(port, buildHelloWorld());
	try {
		const out: Mark[] = [];
		for (let i = 0; i < runs; i++)
			out.push(...(await coldStart(server.url, undefined, '/', 'hello')));
		return out;
	} finally {
		server.stop();
	}
}

/** A learner's session on `profile` (changed by it): every key timed; the heap after it. */
export async function measureSession(
	baseUrl: string,
	profile: string,
	answers: number,
	seed: number
): Promise<{ session: SessionResult; heapMB: number }> {
	const context = await launchProfile(profile);
	try {
		const page = await firstPage(context);
		await page.goto(baseUrl + '/review');
		const session = await learnerSession(page, answersFrom('build/decks.json'), {
			answers,
			seed,
			probe: true
		});
		return { session, heapMB: await heapMB(page) };
	} finally {
		await context.close();
	}
}

export interface ScaleRaw {
	size: number;
	seeded: Seeded;
	queues: Record<string, number>;
	profileMB: number;
	cold: ColdRaw;
	session: SessionResult;
	heapMB: number;
	/** Browser CPU per small IndexedDB commit on this profile: the collection's origin, and the journal's bucket. */
	commit: CommitCost;
}

/** Seeds one collection size on disk and measures its cold starts and a session on it. */
export async function measureCollection(
	baseUrl: string,
	size: number,
	runs = 5,
	answers = 300,
	log: (s: string) => void = () => {}
): Promise<ScaleRaw> {
	const { dir, seeded, queues } = await seedProfile(baseUrl, size);
	try {
		const profileMB = du(dir) / 2 ** 20;
		log(`  seeded: ${describeSeed(size, seeded, queues, profileMB)}`);
		const cold = await measureCold(baseUrl, dir, runs);
		log(`  cold starts: first card ${cold.firstCard.map((m) => fmt(m.paint!)).join(', ')} ms`);
		const { session, heapMB } = await measureSession(baseUrl, dir, answers, size);
		const commit = await measureCommitCost(baseUrl, dir);
		log(
			`  browser CPU per commit: collection ${fmt(commit.collection, 2)} ms, journal bucket ${fmt(commit.bucket, 2)} ms`
		);
		return { size, seeded, queues, profileMB, cold, session, heapMB, commit };
	} finally {
		removeProfile(dir);
	}
}

/** Batch loading (syncDecks, one transaction) against one transaction per card, in the same page. */
export async function measureBatch(
	browser: Browser,
	baseUrl: string,
	n = 5_000,
	runs = 3
): Promise<Figure> {
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	try {
		await page.goto(baseUrl + '/');
		await page.getByTestId('learned').filter({ hasText: /\d/ }).waitFor();
		await page.addScriptTag({ content: await seedScript() });
		const results: { batch: number; oneByOne: number }[] = [];
		for (let i = 0; i < runs; i++) {
			results.push(
				await page.evaluate((k) => (window as any).kartuBench.batchVersusOneByOne(k), n)
			);
		}
		const batch = median(results.map((r) => r.batch));
		const one = median(results.map((r) => r.oneByOne));
		return {
			key: 'batch-load',
			label: `Loading ${n.toLocaleString('en')} cards through syncDecks (one transaction), records/s`,
			interval: `${n.toLocaleString('en')} cards ÷ the time from calling syncDecks to its transaction's commit (median of ${runs})`,
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

const ms3 = (xs: number[]) => xs.map((x) => fmt(x)).join(' / ');

/** Latency p50/p95/p99 as a figure's extra columns. */
function latencyFields(l: Latency): Pick<Figure, 'dom' | 'painted' | 'n'> {
	return { n: l.n, dom: l.dom, painted: l.paint };
}

/** Cold-start marks as a latency (the median standing for p50, the largest for p95 and p99 with so few runs). */
export function marksLatency(marks: Mark[]): Latency {
	const dom = marks.map((m) => m.dom);
	const paint = marks.map((m) => m.paint!);
	return {
		n: marks.length,
		dom: [median(dom), percentile(dom, 95), percentile(dom, 99)],
		paint: [median(paint), percentile(paint, 95), percentile(paint, 99)],
		et: { n: 0, max: 0 }
	};
}

export interface Baselines {
	/** The baseline key in the same session (one text node changed), per size. */
	probe: Latency;
	/** A hello-world SvelteKit page's heading painted in a new browser. */
	hello: Latency;
}

const PATHS: Record<string, string> = {
	all: 'every grade',
	'pre-drawn': 'a front drawn ahead, laid out but invisible, then shown (any kind)',
	rebuilt:
		'a front drawn at the grade (an Again or learning card come back, or none drawn ahead; any kind)',
	cloze: 'a cloze front (text box; drawn ahead or at the grade)',
	drill: 'an affix-drill front (choices; drawn ahead or at the grade)'
};

/** The figures for one size's raw measurements (with `small`, the smallest size, as the memory baseline). */
export function scaleFigures(r: ScaleRaw, hello: Latency, small?: ScaleRaw): Figure[] {
	const probe = latency(r.session.keys.filter((k) => k.type === 'probe'))!;
	const baseline = {
		label: `a key that changes one text node, painted, same session: p50 / p95 ${ms3(probe.paint.slice(0, 2))} ms`,
		value: probe.paint[1]
	};
	const big = r.size >= 100_000;
	const figures: Figure[] = [];
	for (const [path, keys] of Object.entries(gradePaths(r.session.keys))) {
		const l = latency(keys);
		if (!l) continue;
		const pass = l.paint[0] <= 5 && l.paint[1] <= 8;
		figures.push({
			key: `grade-${path}`,
			label: `Grade → next card's front painted, ${PATHS[path]}, p95 of ${l.n} (95% bootstrap interval of the p95: ${fmt(l.paintP95![0])}–${fmt(l.paintP95![1])} ms)`,
			interval:
				'the grade key’s event timeStamp (keydown; keyup for Space on the focused Good button, which clicks on keyup) → the message posted from the first requestAnimationFrame callback after the next front is in the DOM (DOM: → the MutationObserver callback that sees it)',
			size: r.size,
			value: l.paint[1],
			unit: 'ms',
			...latencyFields(l),
			baseline,
			ratio: l.paint[1] / probe.paint[1],
			target: big ? 'p50 ≤ 5 ms and p95 ≤ 8 ms' : '(none at this size)',
			pass: !big || pass,
			source: SOURCE
		});
	}
	const reveal = latency(r.session.keys.filter((k) => k.type === 'reveal'));
	if (reveal)
		figures.push({
			key: 'reveal',
			label: `Show answer (Space, Enter, a drill's letter) → answer painted, p95 of ${reveal.n}`,
			interval:
				'the key’s event timeStamp (keyup for Space on the focused Show answer button) → the message posted from the first requestAnimationFrame callback after the grade buttons are shown',
			size: r.size,
			value: reveal.paint[1],
			unit: 'ms',
			...latencyFields(reveal),
			baseline,
			ratio: reveal.paint[1] / probe.paint[1],
			target: '(none)',
			pass: true,
			source: SOURCE
		});
	const coldBaseline = {
		label: `hello-world SvelteKit page painted, new browser, cold (median ${fmt(hello.paint[0])} ms)`,
		value: hello.paint[0]
	};
	const cold = (
		key: string,
		what: string,
		marks: Mark[],
		limit: number | undefined,
		interval: string
	): Figure => {
		const l = marksLatency(marks);
		return {
			key,
			label: `${what}, returning learner, cold (new browser, HTTP cache empty), median of ${marks.length} (runs: ${marks.map((m) => fmt(m.paint!)).join(', ')} ms)`,
			interval,
			size: r.size,
			value: l.paint[0],
			unit: 'ms',
			...latencyFields(l),
			baseline: coldBaseline,
			ratio: l.paint[0] / hello.paint[0],
			target: limit === undefined ? '(none at this size)' : `≤ ${fmt(limit)} ms`,
			pass: limit === undefined || l.paint[0] <= limit,
			source: SOURCE
		};
	};
	const NAV =
		'navigation start of a new tab in a browser just started on the profile (performance.timeOrigin) →';
	figures.push(
		cold(
			'cold-first-card',
			'Navigation → first card painted',
			r.cold.firstCard,
			r.size >= 100_000 ? 400 : r.size >= 10_000 ? 300 : undefined,
			`${NAV} the message posted from the first requestAnimationFrame callback after a card is in the DOM (the page's early script's, drawn before the app has loaded, or the app's)`
		),
		cold(
			'cold-first-ready',
			'Navigation → the app’s own first card painted, taking answers',
			r.cold.firstReady,
			undefined,
			`${NAV} the same after the app’s card (data-card-id) is in the DOM: keys pressed before it, on the early script’s card, are kept and applied then`
		),
		cold(
			'cold-home',
			'Navigation → home counts painted',
			r.cold.home,
			r.size >= 100_000 ? 150 : undefined,
			`${NAV} the same after the home page’s due and learned counts show numbers`
		),
		cold(
			'cold-stats',
			`Navigation → statistics charts painted (${r.seeded.reviews.toLocaleString('en')} reviews)`,
			r.cold.stats,
			r.size >= 100_000 ? 1000 : undefined,
			`${NAV} the same after the year’s reviews chart is in the DOM`
		),
		{
			key: 'heap',
			label: `JS heap after the session's ${r.session.keys.filter((k) => k.type === 'grade').length} answers (after garbage collection)`,
			interval:
				'Runtime.getHeapUsage after HeapProfiler.collectGarbage, the review page at the end of the session',
			size: r.size,
			value: r.heapMB,
			unit: 'MB',
			...(small
				? {
						baseline: {
							label: `the same at ${small.size.toLocaleString('en')} cards`,
							value: small.heapMB
						},
						ratio: r.heapMB / small.heapMB
					}
				: {}),
			target: big ? '≤ 60 MB' : '(none at this size)',
			pass: !big || r.heapMB <= 60,
			source: SOURCE
		},
		{
			key: 'journal-commit',
			label: `Browser CPU for one answer's journal write (a 2 kB put committed at once) in the journal's own Storage Bucket, median of ${r.commit.puts}`,
			interval:
				'the browser process’s CPU time (trace events’ tdur) in its IndexedDB tasks in the 200 ms after each put; the journal’s commit runs while the frame showing the next card is drawn',
			size: r.size,
			value: r.commit.bucket,
			unit: 'ms',
			baseline: {
				label:
					'the same put into a database in the collection’s origin, kept on disk with the collection (where the journal was)',
				value: r.commit.collection
			},
			ratio: r.commit.bucket / r.commit.collection,
			target: '≤ 1 ms',
			pass: r.commit.bucket <= 1,
			source: 'npm run bench:commit (bench/commit.ts), in bench/scale.ts'
		}
	);
	return figures;
}

/** The first visit's figures: the first card painted, and the app's own. */
export function firstVisitFigures(
	visits: { card: Mark[]; ready: Mark[] },
	hello: Latency
): Figure[] {
	const FROM =
		'navigation start of a new tab in a browser just started on an empty profile → the message posted from the first requestAnimationFrame callback after';
	return [
		visitFigure(
			'first-visit',
			'first card painted (new browser, empty profile: the build’s first card, drawn by the page’s early script while the app stores the decks)',
			`${FROM} a card (the early script’s or the app’s) is in the DOM`,
			visits.card,
			hello,
			600
		),
		visitFigure(
			'first-visit-ready',
			'the app’s own first card painted, taking answers (the decks stored)',
			`${FROM} the app’s card (data-card-id) is in the DOM`,
			visits.ready,
			hello
		)
	];
}

function visitFigure(
	key: string,
	what: string,
	interval: string,
	marks: Mark[],
	hello: Latency,
	limit?: number
): Figure {
	const l = marksLatency(marks);
	return {
		key,
		label: `First visit → ${what}, median of ${marks.length} (runs: ${marks.map((m) => fmt(m.paint!)).join(', ')} ms)`,
		interval,
		value: l.paint[0],
		unit: 'ms',
		...latencyFields(l),
		baseline: {
			label: `hello-world SvelteKit page painted, new browser, cold (median ${fmt(hello.paint[0])} ms)`,
			value: hello.paint[0]
		},
		ratio: l.paint[0] / hello.paint[0],
		target: limit === undefined ? '(none: reference)' : `≤ ${limit} ms`,
		pass: limit === undefined || l.paint[0] <= limit,
		source: SOURCE
	};
}

export function describeSeed(
	size: number,
	s: Seeded,
	queues: Record<string, number>,
	mb: number
): string {
	const grades = Object.values(s.spread.grades).reduce((a, b) => a + b, 0);
	const share = (g: number) => `${((100 * s.spread.grades[g]) / grades).toFixed(1)}%`;
	return (
		`${size.toLocaleString('en')} cards: ${s.reviews.toLocaleString('en')} reviews simulated through FSRS over a year ` +
		`(Again ${share(1)}, Hard ${share(2)}, Good ${share(3)}, Easy ${share(4)}), seeded in ${fmt(s.seedMs / 1000)} s, ` +
		`statistics summed in ${fmt(s.statsSumMs)} ms, profile ${fmt(mb)} MB on disk; ` +
		`FSRS states ${JSON.stringify(s.spread.states)}; queues ${JSON.stringify(queues)}; ` +
		`difficulty deciles ${s.spread.difficulty.join(' ')}; stability deciles (days) ${s.spread.stability.join(' ')}`
	);
}

export function describeSession(r: ScaleRaw): string {
	const s = r.session;
	const grades = s.keys.filter((k) => k.type === 'grade');
	const by = (p: string) => grades.filter((k) => k.path === p).length;
	const et = grades.filter((k) => k.et !== undefined).length;
	const probes = s.keys.filter((k) => k.type === 'probe');
	const etProbe = probes.filter((k) => k.et !== undefined).length;
	return (
		`${r.size.toLocaleString('en')} cards, session: ${grades.length} grades in ${fmt(s.ms / 1000)} s ` +
		`(Again ${s.grades[1]}, Hard ${s.grades[2]}, Good ${s.grades[3]}, Easy ${s.grades[4]}; ` +
		`cloze typed right ${s.typed.right}, wrong ${s.typed.wrong}; drills right ${s.chosen.right}, wrong ${s.chosen.wrong}); ` +
		`next fronts drawn ahead ${by('pre-drawn')}, drawn at the grade ${by('rebuilt')}, end of queue ${by('finished')}; ` +
		`Event Timing reported a duration (≥ 16 ms) for ${et} of ${grades.length} grade keys and ${etProbe} of ${probes.length} baseline keys`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const sizes = (process.env.SIZES ?? '200,10000').split(',').map(Number);
	const runs = Number(process.env.RUNS ?? 3);
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4395));
	try {
		const hello = marksLatency(await measureHello(runs, Number(process.env.HELLO_PORT ?? 4396)));
		const first = await measureFirstVisit(server.url, runs);
		const figures: Figure[] = firstVisitFigures(first, hello);
		const raws: ScaleRaw[] = [];
		for (const size of sizes) {
			const raw = await measureCollection(
				server.url,
				size,
				runs,
				Number(process.env.ANSWERS ?? 100),
				console.log
			);
			console.log(describeSession(raw));
			raws.push(raw);
			figures.push(...scaleFigures(raw, hello, raws[0]));
		}
		for (const f of figures)
			console.log(
				`${f.key}${f.size ? '@' + f.size : ''}: ${fmt(f.value)} ${f.unit}${f.painted ? ` (painted ${ms3(f.painted)}; DOM ${ms3(f.dom!)})` : ''} | ${f.baseline ? fmt(f.baseline.value) : ''} | ${f.target} | ${f.pass ? 'yes' : 'NO'}`
			);
		const browser = await launchChromium();
		try {
			const batch = await measureBatch(browser, server.url);
			console.log(`${batch.label}: ${fmt(batch.value)} | ${fmt(batch.baseline!.value)}`);
		} finally {
			await browser.close();
		}
	} finally {
		server.stop();
	}
}
