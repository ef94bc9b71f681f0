// Killing the browser right after a grade, as a phone kills a background tab or a crash does: a
// Chromium of its own (a process group we can SIGKILL whole) on a persistent profile, driven over
// the DevTools protocol, then started again on the same profile to count what IndexedDB kept.
// Used by tests/durability.e2e.ts (a few trials) and scripts/durability.ts (the full table).

import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../scripts/chromium';

export interface Running {
	browser: Browser;
	page: Page;
	process: ChildProcess;
}

/** Starts Chromium on `profile` in a process group of its own and connects to it. */
export async function startChromium(profile: string): Promise<Running> {
	const executable = chromiumPath() ?? chromium.executablePath();
	const process = spawn(
		executable,
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--no-default-browser-check',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'about:blank'
		],
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const endpoint = await new Promise<string>((resolve, reject) => {
		let text = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 20_000);
		process.stderr!.on('data', (d: Buffer) => {
			text += d.toString();
			const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		process.on('exit', () => reject(new Error(`Chromium exited: ${text}`)));
	});
	const browser = await chromium.connectOverCDP(endpoint);
	const context = browser.contexts()[0];
	const page = context.pages()[0] ?? (await context.newPage());
	return { browser, page, process };
}

/** SIGKILLs the whole process group: no unload handler, no flush, nothing runs after. */
export function killChromium(r: Running): Promise<void> {
	return new Promise((resolve) => {
		r.process.once('exit', () => resolve());
		try {
			process.kill(-r.process.pid!, 'SIGKILL');
		} catch {
			resolve();
		}
	});
}

/** The number of review rows in the app's IndexedDB, read on an app page. */
export function countReviews(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('reviews')) return resolve(0);
					const r = db.transaction('reviews').objectStore('reviews').count();
					r.onsuccess = () => (db.close(), resolve(r.result));
					r.onerror = () => reject(r.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

/**
 * One trial: open the review page, show the answer, grade Good, wait `delayMs` after the key press,
 * kill the browser, start it again and count the reviews. Returns whether the answer was kept.
 */
export async function gradeThenKill(
	base: string,
	profile: string,
	delayMs: number
): Promise<boolean> {
	let r = await startChromium(profile);
	await r.page.goto(`${base}/review`);
	const card = r.page.locator('article.card[data-card-id]:visible');
	await card.waitFor();
	const before = await countReviews(r.page);
	await r.page.getByRole('button', { name: 'Show answer' }).click();
	await r.page.getByRole('button', { name: /^Good, next in/ }).waitFor();
	await r.page.keyboard.press('3');
	await new Promise((resolve) => setTimeout(resolve, delayMs));
	await killChromium(r);
	r = await startChromium(profile);
	try {
		// The review page: the app starts, and writes what the journal kept before it reads.
		await r.page.goto(`${base}/review`);
		await r.page.locator('article.card[data-card-id]:visible').waitFor();
		return (await countReviews(r.page)) === before + 1;
	} finally {
		await r.browser.close().catch(() => {});
		await killChromium(r);
	}
}
