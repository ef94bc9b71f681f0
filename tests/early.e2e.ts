import { expect, test, type Page } from '@playwright/test';
import { writesSettled } from './idb';

// page.route cannot hold back what a service worker answers: these pages run without Kartu's (the
// early script works the same with it; tests/offline.e2e.ts covers the service worker).
test.use({ serviceWorkers: 'block' });

/** Shows the answer and grades Good, as a learner does by keyboard. */
async function answerGood(page: Page) {
	const id = await page.locator('article.card:visible').getAttribute('data-card-id');
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await page.keyboard.press('3');
	await expect(page.locator('article.card:visible')).not.toHaveAttribute('data-card-id', id!);
}

test("the home page shows today's counts from its own HTML before the app's code has loaded", async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('learned')).toHaveText('0');
	await page.goto('/review');
	for (let i = 0; i < 3; i++) await answerGood(page);
	await writesSettled(page);

	// With the app's code held back, the prerendered page and its early script alone fill in the counts.
	await page.goto('/');
	const app = {
		due: await page.getByTestId('due').textContent(),
		fresh: await page.getByTestId('new').textContent(),
		learned: await page.getByTestId('learned').textContent()
	};
	await expect(page.getByTestId('learned')).toHaveText('3');
	const held: string[] = [];
	await page.route('**/_app/immutable/**/*.js', (route) => {
		held.push(route.request().url());
		return new Promise(() => {}); // never answered
	});
	await page.goto('/', { waitUntil: 'commit' });
	await expect(page.getByTestId('learned')).toHaveText('3');
	await expect(page.getByTestId('due')).toHaveText(app.due!);
	await expect(page.getByTestId('new')).toHaveText(app.fresh!);
	await expect(page.locator('dl.counts')).toHaveAttribute('aria-busy', 'false');
	// The app did not run: its scripts were held back, and the article list it fills is empty.
	expect(held.length).toBeGreaterThan(0);
	await expect(page.locator('.articles li')).toHaveCount(0);
});

test('a first visit to the home page creates no database and loads no Dexie; the review page creates it at its own version', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'script') scripts.push(await r.text());
	});
	await page.goto('/');
	await expect(page.getByTestId('new')).toHaveText('20');
	await expect(page.getByTestId('learned')).toHaveText('0');
	await expect(page.locator('.articles [data-testid=new-cards]').first()).toHaveText(/^[1-9]\d*$/);
	expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
	// Dexie names itself in its code ("Dexie"): none of the home page's scripts is it.
	expect(scripts.length).toBeGreaterThan(0);
	expect(scripts.filter((s) => s.includes('DexieError'))).toEqual([]);

	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page.locator('article.card:visible')).toBeVisible();
	expect(await page.evaluate(() => indexedDB.databases())).toEqual([
		{ name: 'kartu', version: 100 }
	]);
	// Back home, the counts are read from the database the review page filled.
	await page.getByRole('link', { name: 'Home', exact: true }).click();
	await expect(page.getByTestId('new')).toHaveText('20');
	await expect(page.getByTestId('learned')).toHaveText('0');
});

test("the review page's first card, from the queue read before the app started, is the one the app would show", async ({
	page
}) => {
	await page.goto('/review');
	const first = await page.locator('article.card:visible').getAttribute('data-card-id');
	await answerGood(page);
	await writesSettled(page);
	// A fresh page load (the early read) and a visit within the app (the app's own read) agree.
	await page.goto('/review');
	const early = await page.locator('article.card:visible').getAttribute('data-card-id');
	await page.getByRole('link', { name: 'Home' }).click();
	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page.locator('article.card:visible')).toHaveAttribute('data-card-id', early!);
	expect(early).not.toBe(first);
});
