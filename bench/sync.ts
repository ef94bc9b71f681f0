// npm run bench:sync — sync through CouchDB (pouchdb-server in memory on 127.0.0.1, as the tests
// use), against the real build/ in Chromium:
//   (a) the first sync of 100,000 reviews of 10,000 cards into a browser that has the cards (the
//       decks: the shipped deck plus synthetic cards written straight to its cards store, all new)
//       and no answer: wall time from "Save and sync" to the summary on screen, and the longest
//       main-thread task meanwhile (Long Tasks API); the baseline, in the same page, is the same
//       documents fetched with one plain `_all_docs?include_docs=true` request and parsed.
//   (b) with live sync on in two browser contexts (two devices), the time from the grade key on
//       device A to the answer being in device B's IndexedDB; the baseline is one plain PUT and one
//       GET of a document from the page.
// The server is seeded from Node with `_bulk_docs` in batches; the reviews are real FSRS histories
// (ts-fsrs, ten answers a card, each at the due date the previous one gave). REVIEWS and CARDS
// change the sizes. Writes bench/results-sync.md. Run `npm run build` first when run alone.
//
// Page functions hold no named helper functions: tsx would wrap them in a __name() the page lacks.

import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { Scheduler, newCard, Rating, type Card, type Grade } from '../src/lib/srs';
import { DEFAULT_SETTINGS } from '../src/lib/srs/settings';
import { ADMIN, createDatabase, freePort, startCouch, type TestCouch } from '../tests/couch';
import { fmt, launchChromium, median, serveBuild, type Figure } from './lib';

const REVIEWS = Number(process.env.REVIEWS ?? 100_000);
const CARDS = Number(process.env.CARDS ?? 10_000);
const LIVE_RUNS = Number(process.env.LIVE_RUNS ?? 7);
const SOURCE = 'npm run bench:sync';
const LONG_TASK_MS = 50;
const ANA = 'Basic ' + Buffer.from('ana:pw').toString('base64');
const t0 = Date.now();
const log = (m: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}`);

/** Ten answers a card, each when the previous one made the card due: real FSRS histories. */
function histories(cards: number, reviews: number): Record<string, unknown>[] {
	const scheduler = new Scheduler({ ...DEFAULT_SETTINGS, enableFuzz: false });
	const perCard = Math.max(1, Math.round(reviews / cards));
	const start = Date.UTC(2024, 0, 1, 8);
	const docs: Record<string, unknown>[] = [];
	const grades: Grade[] = [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Easy];
	for (let i = 0; i < cards && docs.length < reviews; i++) {
		let card: Card = newCard(new Date(start));
		let t = start + (i % 365) * 86_400_000 + (i % 600) * 1000;
		for (let k = 0; k < perCard && docs.length < reviews; k++) {
			const time = new Date(t);
			const grade = grades[(i + k) % grades.length];
			const after = scheduler.answer(card, grade, time);
			const id = `${t.toString(36)}-${(0x10000000 + docs.length).toString(16)}`;
			docs.push({
				_id: `r:${id}`,
				cardId: `sintetis${i}/vocab`,
				grade,
				time: time.toISOString(),
				ms: 3000 + (k % 7) * 500,
				before: card,
				after
			});
			card = after;
			t = Math.max(after.due.getTime(), t + 60_000);
		}
	}
	return docs;
}

/** Puts `docs` into the database at `url` as the admin, 5,000 a request. */
async function seedServer(url: string, docs: Record<string, unknown>[]): Promise<void> {
	await fetch(`${url}/kartu`, {
		method: 'PUT',
		headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
		body: JSON.stringify({ app: 'kartu', format: 2 })
	});
	for (let i = 0; i < docs.length; i += 5000) {
		const res = await fetch(`${url}/_bulk_docs`, {
			method: 'POST',
			headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
			body: JSON.stringify({ docs: docs.slice(i, i + 5000) })
		});
		if (!res.ok) throw new Error(`seeding the server: ${res.status}`);
	}
}

/** Writes synthetic new cards `sintetis0/vocab` … into the page's database, up to `cards` in all. */
async function seedCards(page: Page, cards: number): Promise<number> {
	return page.evaluate(
		(nCards) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const store = db.transaction('cards').objectStore('cards');
					const read = store.getAll(null, 1);
					const counted = store.count();
					counted.onsuccess = () => {
						const template = read.result[0];
						const extra = Math.max(0, nCards - counted.result);
						const tx = db.transaction('cards', 'readwrite');
						const out = tx.objectStore('cards');
						const created = new Date(Date.UTC(2024, 0, 1, 8));
						for (let i = 0; i < extra; i++) {
							const headword = `sintetis${i}`;
							out.put({
								...template,
								id: `${headword}/vocab`,
								articles: ['bench'],
								sibling: headword,
								position: 50_000_000 + i,
								content: { ...template.content, id: `${headword}/vocab`, headword },
								fsrs: {
									due: created,
									stability: 0,
									difficulty: 0,
									elapsed_days: 0,
									scheduled_days: 0,
									learning_steps: 0,
									reps: 0,
									lapses: 0,
									state: 0
								},
								suspended: false,
								retired: false,
								queue: 0
							});
						}
						tx.oncomplete = () => {
							db.close();
							resolve(counted.result + extra);
						};
						tx.onerror = () => reject(tx.error);
					};
				};
			}),
		cards
	);
}

/** Counts the rows of `store` in the page's database. */
function count(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(store) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction(store).objectStore(store).count();
					req.onsuccess = () => {
						open.result.close();
						resolve(req.result);
					};
				};
			}),
		store
	);
}

async function setUp(page: Page, url: string, live: boolean): Promise<void> {
	await page.goto(new URL('/settings', page.url()).href);
	await page.getByLabel('Database address').fill(url);
	await page.getByLabel('User name').fill('ana');
	await page.getByLabel('Password').fill('pw');
	if (live) await page.getByLabel(/Live sync/).check();
	await page.getByRole('button', { name: 'Save and sync' }).click();
}

const longTasks = () => {
	const tasks: { start: number; duration: number }[] = [];
	(window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask' });
};

/** The longest main-thread task that started after `from` (page time), 0 for none over 50 ms. */
function longestSince(page: Page, from: number): Promise<number> {
	return page.evaluate(
		(from) =>
			Math.max(
				0,
				...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
					.filter((t) => t.start >= from)
					.map((t) => t.duration)
			),
		from
	);
}

export interface FirstSync {
	ms: number;
	longest: number;
	baselineMs: number;
	baselineLongest: number;
	reviews: number;
	cards: number;
}

/** (a): see the top of this file. */
export async function measureFirstSync(
	browser: Browser,
	baseUrl: string,
	couch: TestCouch
): Promise<FirstSync> {
	// The histories first: an idle keep-alive connection would be closed under the seeding's feet.
	const docs = histories(CARDS, REVIEWS);
	const url = await createDatabase(couch, 'kartu-bench-first');
	log(`seeding the server with ${REVIEWS} reviews of ${CARDS} cards`);
	await seedServer(url, docs);
	log('seeding the browser with the cards');
	// The page's CSP keeps its own requests to the site (the app's sync requests go from its worker);
	// the baseline's request from the page needs it lifted, which changes nothing else.
	const context = await browser.newContext({ bypassCSP: true });
	try {
		const page = await context.newPage();
		if (process.env.BENCH_DEBUG) page.on('console', (m) => console.error(m.text()));
		await page.addInitScript(longTasks);
		await page.goto(`${baseUrl}/review`);
		await page.locator('[data-card-id]').waitFor();
		const cards = await seedCards(page, CARDS);
		// The baseline: the same documents in one plain request, parsed, from this page.
		await page.goto(`${baseUrl}/settings`);
		const base = await page.evaluate(
			async ([url, auth]) => {
				const t0 = performance.now();
				const res = await fetch(`${url}/_all_docs?include_docs=true`, {
					headers: { Authorization: auth }
				});
				const json = await res.json();
				return { ms: performance.now() - t0, rows: json.rows.length as number, t0 };
			},
			[url, ANA] as const
		);
		const baselineLongest = await longestSince(page, base.t0);
		log(`baseline: ${base.rows} rows in ${base.ms.toFixed(0)} ms; the first sync`);
		await page.reload();
		// The page's own start (hydration, the daily snapshot's check) is not the sync's: let it settle.
		await page.waitForTimeout(3000);
		await page.getByLabel('Database address').fill(url);
		await page.getByLabel('User name').fill('ana');
		await page.getByLabel('Password').fill('pw');
		const from = await page.evaluate(() => performance.now());
		const started = Date.now();
		await page.getByRole('button', { name: 'Save and sync' }).click();
		await page
			.locator('.sync-status')
			.filter({ hasText: / received/ })
			.waitFor({ timeout: 600_000 });
		const ms = Date.now() - started;
		const status = await page.locator('.sync-status').innerText();
		if (!status.includes(`${REVIEWS} received`) || /fail|could not|refused/.test(status))
			throw new Error(`unexpected sync result: ${status}`);
		const longest = await longestSince(page, from);
		const reviews = await count(page, 'reviews');
		if (reviews !== REVIEWS) throw new Error(`${reviews} reviews stored, not ${REVIEWS}`);
		if (base.rows !== REVIEWS + 1) throw new Error(`_all_docs gave ${base.rows} rows`);
		return { ms, longest, baselineMs: base.ms, baselineLongest, reviews, cards };
	} finally {
		await context.close();
	}
}

export interface LiveLatency {
	runs: number[];
	baseline: number[];
}

/** (b): see the top of this file. */
export async function measureLive(
	browser: Browser,
	baseUrl: string,
	couch: TestCouch
): Promise<LiveLatency> {
	const url = await createDatabase(couch, 'kartu-bench-live');
	const [ca, cb] = [
		await browser.newContext({ bypassCSP: true }),
		await browser.newContext({ bypassCSP: true })
	];
	try {
		const a = await ca.newPage();
		const b = await cb.newPage();
		if (process.env.BENCH_DEBUG)
			for (const [p, n] of [
				[a, 'A'],
				[b, 'B']
			] as const)
				p.on('console', (m) => console.error(n, m.text()));
		for (const p of [a, b]) {
			await p.goto(`${baseUrl}/`);
			await setUp(p, url, true);
			await p
				.locator('.sync-status')
				.filter({ hasText: / received/ })
				.waitFor();
		}
		log('live sync: two devices set up');
		await a.goto(`${baseUrl}/review`);
		const runs: number[] = [];
		for (let i = 0; i < LIVE_RUNS; i++) {
			await a.locator('article.card:visible').waitFor();
			await a.keyboard.press('Enter');
			await a.getByRole('group', { name: 'Grade your answer' }).waitFor();
			const had = await count(b, 'reviews');
			// B watches its own database; A's grade key starts the clock.
			const seen = b.evaluate(async (had) => {
				const db = await new Promise<IDBDatabase>((resolve) => {
					const open = indexedDB.open('kartu');
					open.onsuccess = () => resolve(open.result);
				});
				for (;;) {
					const n = await new Promise<number>((resolve) => {
						const req = db.transaction('reviews').objectStore('reviews').count();
						req.onsuccess = () => resolve(req.result);
					});
					if (n > had) {
						db.close();
						return Date.now();
					}
					await new Promise((r) => setTimeout(r, 10));
				}
			}, had);
			const t0 = Date.now();
			await a.keyboard.press('3');
			const late = setTimeout(
				async () =>
					log(
						`answer ${i + 1} not on B after 10 s: A has ${await count(a, 'reviews')}, B ${await count(b, 'reviews')}; B says ${await b.locator('.sync-status').innerText()}`
					),
				10_000
			);
			runs.push((await seen) - t0);
			clearTimeout(late);
			await new Promise((r) => setTimeout(r, 500));
		}
		const baseline: number[] = [];
		for (let i = 0; i < LIVE_RUNS; i++)
			baseline.push(
				await a.evaluate(
					async ([url, auth, i]) => {
						const t0 = performance.now();
						const headers = { Authorization: auth, 'Content-Type': 'application/json' };
						await fetch(`${url}/bench-${i}`, {
							method: 'PUT',
							headers,
							body: JSON.stringify({ i })
						}).then((r) => r.json());
						await fetch(`${url}/bench-${i}`, { headers }).then((r) => r.json());
						return performance.now() - t0;
					},
					[url, ANA, i] as const
				)
			);
		return { runs, baseline };
	} finally {
		await ca.close();
		await cb.close();
	}
}

/** Both measurements against a server of their own; the figures. */
export async function measureSync(browser: Browser, baseUrl: string): Promise<Figure[]> {
	const couch = await startCouch(0);
	try {
		const first = await measureFirstSync(browser, baseUrl, couch);
		const live = await measureLive(browser, baseUrl, couch);
		const size = first.cards;
		const liveMs = median(live.runs);
		const baseMs = median(live.baseline);
		return [
			{
				key: 'sync-first',
				label: `first sync of ${fmt(first.reviews, 0)} reviews of ${fmt(size, 0)} cards into a browser with none (click on Save and sync → the summary on screen)`,
				size,
				value: first.ms / 1000,
				unit: 's',
				baseline: {
					label:
						'one plain _all_docs?include_docs=true request of the same documents, fetched and parsed in the page',
					value: first.baselineMs / 1000
				},
				ratio: first.ms / first.baselineMs,
				target: '≤ 60 s',
				pass: first.ms <= 60_000,
				source: SOURCE
			},
			{
				key: 'sync-first-longest-task',
				label:
					'longest main-thread task during that first sync (Long Tasks API; 0: none over 50 ms)',
				size,
				value: first.longest,
				unit: 'ms',
				baseline: {
					label: 'longest task of the plain _all_docs request and its parse',
					value: first.baselineLongest
				},
				target: `≤ ${LONG_TASK_MS} ms`,
				pass: first.longest <= LONG_TASK_MS,
				source: SOURCE
			},
			{
				key: 'sync-live',
				label: `one answer from device A to device B with live sync on, median of ${live.runs.length} (the slowest ${fmt(Math.max(...live.runs), 0)} ms; grade key on A → the review in B's IndexedDB)`,
				value: liveMs,
				unit: 'ms',
				baseline: {
					label: 'one plain PUT then GET of a document from the page',
					value: baseMs
				},
				ratio: liveMs / baseMs,
				target: '≤ 2,000 ms',
				pass: Math.max(...live.runs) <= 2000,
				source: SOURCE
			}
		];
	} finally {
		await couch.stop();
	}
}

/** Writes bench/results-sync.md; returns its text. */
export function writeSyncReport(
	figures: Figure[],
	chromium: string,
	file = 'bench/results-sync.md'
) {
	const md = [
		'# Sync through CouchDB',
		'',
		`Written by \`${SOURCE}\` (also part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${chromium}; pouchdb-server 4.2.0 in memory on 127.0.0.1 (the tests' server), the built site served by scripts/serve.js.`,
		'',
		'| figure | value | baseline | ratio | target | met |',
		'| --- | --: | --- | --: | --- | --- |',
		...figures.map(
			(f) =>
				`| ${f.label} | ${fmt(f.value)} ${f.unit} | ${f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.label})` : ''} | ${f.ratio !== undefined ? `${fmt(f.ratio)}×` : ''} | ${f.target} | ${f.pass ? 'yes' : '**no**'} |`
		),
		'',
		'What each interval measures:',
		'',
		"- First sync: from the click on Save and sync on Settings to the last sync's summary on screen: checking the database, pulling `_changes` 200 documents a page, storing each page's reviews with every touched card replayed (one transaction a page, in the sync worker), then summing the statistics again. The browser held the cards (new) and no answer.",
		'- Longest task: the longest main-thread task (Long Tasks API, tasks over 50 ms) that started during that interval, on the Settings page.',
		"- Live: from the grade key press on device A's review page (Playwright's clock) to device B's page seeing one more row in its `reviews` store (B polls its IndexedDB every 10 ms; the same machine's clock): A's answer written, A's live worker pushed it (`_bulk_docs`), B's worker woken by its long-polling `_changes` request and merging it.",
		'- Baselines: one request (or one PUT and one GET) from the page to the same server, the least any sync could cost.',
		''
	].join('\n');
	writeFileSync(file, md);
	return md;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	// A port of its own: a port taken by another server would serve another build.
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? (await freePort())));
	const browser = await launchChromium();
	try {
		const figures = await measureSync(browser, server.url);
		console.log(writeSyncReport(figures, `Chromium ${browser.version()}`));
		if (figures.some((f) => !f.pass)) process.exitCode = 1;
	} finally {
		await browser.close();
		server.stop();
	}
}
