// npm run bench:stats:browser — the statistics page over 100,000 review rows in Chromium, against the
// real build/: the time computeStats takes on the first visit (reads every review once and caches
// the finished days) and on later visits, next to a bare IndexedDB read of the same rows.
// Run `npm run build` first.

import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const N = Number(process.env.REVIEWS ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 4320);
const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });

try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.getByTestId('learned').filter({ hasText: /\d/ }).waitFor();
	// Seed N reviews of the article's cards over two years, straight into IndexedDB.
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const db = open.result;
					const read = db.transaction('cards').objectStore('cards').getAllKeys();
					read.onsuccess = () => {
						const ids = read.result as string[];
						const tx = db.transaction('reviews', 'readwrite');
						const store = tx.objectStore('reviews');
						const now = Date.now();
						// No helper functions in here: tsx would wrap them in a __name() the page does not have.
						for (let i = 0; i < n; i++) {
							const t = now - 730 * 86_400_000 + Math.floor((i / n) * 730 * 86_400_000);
							const scheduled = i % 60;
							const state = { due: new Date(t + scheduled * 86_400_000), stability: 5, difficulty: 5, elapsed_days: 0, scheduled_days: scheduled, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: new Date(t) };
							store.put({ id: `seed-${i}`, cardId: ids[i % ids.length], grade: i % 10 === 0 ? 1 : 3, time: new Date(t), ms: 5000, before: state, after: state });
						}
						tx.oncomplete = () => resolve();
						tx.onerror = () => reject(tx.error);
					};
				};
			}),
		N
	);
	// Baseline in the same page: one bare IndexedDB read of every review row.
	const bare = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const t = performance.now();
					const req = open.result.transaction('reviews').objectStore('reviews').getAll();
					req.onsuccess = () => resolve(performance.now() - t);
				};
			})
	);
	// Let today's automatic snapshot (taken at start once there are reviews) finish first, so it does
	// not run beside the measured visits; its own cost is reported.
	const snapStart = Date.now();
	await page.goto(`http://127.0.0.1:${port}/settings`);
	await page.locator('[data-snapshot]').first().waitFor({ timeout: 300_000 });
	const snapshot = Date.now() - snapStart;
	const visit = async () => {
		await page.goto(`http://127.0.0.1:${port}/stats`);
		await page.getByTestId('reviews-year').waitFor();
		return page.evaluate(() => performance.getEntriesByName('kartu:stats')[0]?.duration ?? NaN);
	};
	const cold = await visit();
	const warm: number[] = [];
	for (let i = 0; i < 5; i++) warm.push(await visit());
	warm.sort((a, b) => a - b);
	console.log(`| statistics over ${N.toLocaleString('en')} reviews, Chromium | ms |`);
	console.log('| --- | --- |');
	console.log(`| first visit: every review read once, finished days cached | ${cold.toFixed(0)} |`);
	console.log(`| later visits (median of 5): cached days + today's reviews | ${warm[2].toFixed(1)} |`);
	console.log(`| baseline: one bare getAll() of all review rows | ${bare.toFixed(0)} |`);
	console.log(`| (today's automatic snapshot of everything, taken once a day at start) | ${snapshot} |`);
} finally {
	await browser.close();
	server.kill();
}
