// Sync between devices through a CouchDB-protocol server (pouchdb-server in memory, tests/couch.ts):
// each browser context is a device with its own IndexedDB.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { readDb, writesSettled } from './idb';
import { startCouch, type TestCouch } from './couch';

const PORT = Number(process.env.SYNC_COUCH_PORT ?? 5987);
let couch: TestCouch;

test.beforeAll(async () => {
	couch = await startCouch(PORT);
});
test.afterAll(async () => {
	await couch?.stop();
});

async function device(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** Answers `answers` cards on the review page with `key` (1 Again … 4 Easy). */
async function review(page: Page, answers: number, key: string) {
	await page.goto('/review');
	for (let i = 0; i < answers; i++) {
		const id = await page.locator('article.card:visible').getAttribute('data-card-id');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.keyboard.press(key);
		await expect(page.locator('article.card:visible')).not.toHaveAttribute('data-card-id', id!);
	}
	await writesSettled(page);
}

async function setUp(page: Page, password = 'pw', url = couch.url) {
	await page.goto('/settings');
	await page.getByLabel('Database address').fill(url);
	await page.getByLabel('User name').fill('ana');
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Save and sync' }).click();
}

const status = (page: Page) => page.locator('.sync-status');

async function syncNow(page: Page, moved: string) {
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(page)).toContainText(moved);
}

async function state(page: Page) {
	const { cards, reviews } = await readDb(page);
	await page.goto('/');
	const counts = await Promise.all(
		['due', 'new', 'learned'].map(async (id) => {
			await expect(page.getByTestId(id)).not.toHaveText('…');
			return page.getByTestId(id).innerText();
		})
	);
	return {
		reviews: reviews.map((r) => r.id).sort(),
		cards: cards
			.filter((c) => c.fsrs.reps > 0)
			.map((c) => [c.id, c.fsrs.reps, c.fsrs.due, c.queue])
			.sort(),
		counts
	};
}

test('two devices that studied offline, the same card too, end up identical; a third gets all', async ({
	browser
}) => {
	const a = await device(browser);
	const b = await device(browser);
	// Both answer offline first: the first new card is the same card on both.
	await review(a, 3, '3');
	await review(b, 2, '4');

	await setUp(a);
	await expect(status(a)).toContainText('3 answers sent, 0 received');
	await setUp(b);
	await expect(status(b)).toContainText('2 answers sent, 3 received');
	await syncNow(a, '0 answers sent, 2 received');

	const sa = await state(a);
	expect(sa.reviews).toHaveLength(5);
	expect(new Set(sa.reviews).size).toBe(5);
	expect(sa.cards.some((c) => c[1] === 2)).toBe(true); // the card both answered
	expect(await state(b)).toEqual(sa);

	const c = await device(browser);
	await setUp(c);
	await expect(status(c)).toContainText('0 answers sent, 5 received');
	expect(await state(c)).toEqual(sa);
});

test('a wrong password and a server that is down say so, and lose nothing', async ({ browser }) => {
	const d = await device(browser);
	await review(d, 2, '3');
	await setUp(d, 'wrong');
	await expect(status(d)).toContainText('refused the user name or password');
	await setUp(d, 'pw', 'http://127.0.0.1:5999/kartu-ana');
	await expect(status(d)).toContainText('could not be reached', { timeout: 20_000 });
	expect((await readDb(d)).reviews).toHaveLength(2);
	await d.getByRole('button', { name: 'Forget this server' }).click();
	await expect(d.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
	expect((await readDb(d)).reviews).toHaveLength(2);
});
