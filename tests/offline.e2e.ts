// After one visit Kartu works with the network off: every page loads from the service worker's
// cache and does its work, and every answer given offline is in IndexedDB once back online. The
// network is really gone: the site's own server is stopped (tests/site.ts), and the browser offline.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readDb, writesSettled } from './idb';
import { BUILD, cachedForOffline, Site } from './site';

const article = readFileSync(
	new URL('../content/articles/azerbaijan-iran.md', import.meta.url),
	'utf8'
);
const text = article.slice(article.indexOf('\n---\n') + 5, article.indexOf('\n---\n') + 2000);

const card = (page: Page) => page.locator('article.card[data-card-id]:visible');

/** Shows the answer and grades it; returns the id of the card graded. */
async function answer(page: Page, grade: 1 | 2 | 3 | 4): Promise<string> {
	const id = (await card(page).getAttribute('data-card-id'))!;
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await page.keyboard.press(String(grade));
	await expect(card(page)).not.toHaveAttribute('data-card-id', id);
	return id;
}

/** Loads `path` with the network off: the service worker answers, or nothing does. */
async function offlineLoad(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	expect(response?.fromServiceWorker(), path).toBe(true);
}

/** Stops the site's server and takes the browser offline; checks that the network is gone. */
async function goOffline(site: Site, context: BrowserContext, page: Page): Promise<void> {
	await site.stop();
	await context.setOffline(true);
	// What the service worker does not keep (the version file is always the network's) fails now.
	expect(
		await page.evaluate(() =>
			fetch('./_app/version.json').then(
				(r) => r.status,
				() => 'no network'
			)
		)
	).toBe('no network');
}

let site: Site;
let context: BrowserContext;
test.beforeEach(async ({ browser }) => {
	site = await Site.start(BUILD);
	context = await browser.newContext({ baseURL: site.url });
});
test.afterEach(async () => {
	await context.close();
	await site.stop();
});

test('after one visit every page works offline, and every answer given offline is kept', async () => {
	test.setTimeout(120_000);
	const page = await context.newPage();
	// One visit to the home page, while the service worker caches the site.
	await page.goto('/');
	await expect(page.getByTestId('new')).toHaveText('20');
	await cachedForOffline(page);
	await goOffline(site, context, page);

	await page.reload();
	await expect(page.getByTestId('new')).toHaveText('20');

	// Review: five answers, the last one undone.
	await offlineLoad(page, '/review');
	const graded = [];
	for (const grade of [3, 3, 4, 1, 3] as const) graded.push(await answer(page, grade));
	await page.keyboard.press('u');
	await expect(card(page)).toHaveAttribute('data-card-id', graded[4]);
	await writesSettled(page);
	await page.reload();
	await expect(card(page)).toBeVisible();

	// The reader, a word's panel, and its family's page.
	await offlineLoad(page, '/article/azerbaijan-iran');
	await page.locator('[data-headword="perluasan"]').first().click();
	const panel = page.getByRole('dialog', { name: 'perluasan' });
	await expect(panel).toContainText('per- + luas + -an');
	await panel.getByRole('link', { name: /luas/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('luas');

	// The card table and the statistics count the answers.
	await offlineLoad(page, '/cards');
	await expect(page.locator('tbody tr')).toHaveCount(305);
	await expect(page.locator('[data-col="state"]:text-is("Learning")')).toHaveCount(3);
	await offlineLoad(page, '/stats');
	await expect(page.getByTestId('reviews-year')).toHaveText('4');

	// Settings: a backup exported, then imported again.
	await offlineLoad(page, '/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything' }).click();
	const file = await (await download).path();
	expect(JSON.parse(readFileSync(file, 'utf8')).reviews).toHaveLength(4);
	await page.getByLabel('Import a backup').setInputFiles(file);
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();

	// The analyser's worker and its lexicon.
	await offlineLoad(page, '/analyse');
	await page.getByLabel('Indonesian text').fill(text);
	await page.getByRole('button', { name: 'Analyse' }).click();
	await expect(page.getByTestId('analysis-status')).toHaveText(/^Analysed the pasted text/, {
		timeout: 20_000
	});

	// Adding an article of one's own, and reading it.
	await offlineLoad(page, '/add');
	await page
		.getByLabel('Indonesian text')
		.fill('Kereta Pagi\n\nPenumpang membaca koran di kereta pagi menuju kota.');
	await page.getByRole('button', { name: 'Analyse' }).click();
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	await expect(page.locator('[data-headword="penumpang"]').first()).toBeVisible();
	await offlineLoad(page, new URL(page.url()).pathname + new URL(page.url()).search);
	await expect(page.locator('[data-headword="penumpang"]').first()).toBeVisible();

	// Online again: every answer given offline is stored, and the home page counts it.
	await site.serve(BUILD);
	await context.setOffline(false);
	await page.goto('/');
	await expect(page.getByTestId('learned')).toHaveText('4');
	const db = await readDb(page);
	expect(db.reviews.map((r) => [r.cardId, r.grade])).toEqual(
		graded.slice(0, 4).map((id, i) => [id, [3, 3, 4, 1][i]])
	);
});

test('the Anki export, once used, works offline too', async () => {
	test.setTimeout(60_000);
	const page = await context.newPage();
	await page.goto('/settings');
	await cachedForOffline(page);
	const exported = async () => {
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export to Anki (.apkg)' }).click();
		const bytes = readFileSync((await (await download).path())!);
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
		await expect(page.getByRole('status').filter({ hasText: 'open it with Anki' })).toBeVisible();
	};
	// Its WebAssembly is fetched on first use, and kept.
	await exported();
	await goOffline(site, context, page);
	await offlineLoad(page, '/settings');
	await exported();
});
