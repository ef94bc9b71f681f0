// Updates never lose an answer: a new version deployed while a review is open is announced, the
// review goes on, and only the learner's Reload brings the new version, with every answer. A newer
// version's database upgrade is not blocked by a tab of the old one, which stops saving and says so.
import { expect, test, type Page } from '@playwright/test';
import { readDb, writesSettled } from './idb';
import { BUILD, buildVersion, cachedForOffline, Site } from './site';

const NEXT = 'e2e-next';
const card = (page: Page) => page.locator('article.card[data-card-id]:visible');
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const READY = 'A new version of Kartu is ready.';

async function answer(page: Page, grade: 1 | 2 | 3 | 4): Promise<string> {
	const id = (await card(page).getAttribute('data-card-id'))!;
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await page.keyboard.press(String(grade));
	await expect(card(page)).not.toHaveAttribute('data-card-id', id);
	return id;
}

test.describe('a new version deployed at the same address', () => {
	let next: string;
	test.beforeAll(() => {
		test.setTimeout(240_000);
		next = buildVersion(NEXT);
	});

	test('is announced in the open tab, the review goes on, and Reload brings it with every answer', async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const site = await Site.start(BUILD);
		const context = await browser.newContext({ baseURL: site.url });
		try {
			const page = await context.newPage();
			await page.goto('/');
			const first = await page.locator('html').getAttribute('data-build');
			expect(first).not.toBe(NEXT);
			await cachedForOffline(page);
			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Review', exact: true })
				.click();
			const graded = [await answer(page, 3), await answer(page, 3)];
			// Set in this document: gone if the page were ever reloaded.
			await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));

			await site.serve(next);
			// The learner opens Kartu in another tab: the browser finds the new service worker and
			// installs it beside the old one, which goes on serving both tabs.
			const other = await context.newPage();
			await other.goto('/stats');
			await expect(notice(page, READY)).toBeVisible({ timeout: 30_000 });
			await expect(notice(other, READY)).toBeVisible();
			await expect(other.locator('html')).toHaveAttribute('data-build', first!);

			// The review goes on under the notice, in the same document, on the old version.
			graded.push(await answer(page, 4), await answer(page, 1));
			await writesSettled(page);
			expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
				true
			);
			await expect(page.locator('html')).toHaveAttribute('data-build', first!);

			// Reload: the new version, and every answer.
			await page.getByRole('button', { name: 'Reload' }).click();
			await expect(page.locator('html')).toHaveAttribute('data-build', NEXT);
			await expect(card(page)).toBeVisible();
			expect(
				await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)
			).toBeUndefined();
			await expect(notice(page, READY)).toHaveCount(0);
			const db = await readDb(page);
			expect(db.reviews.map((r) => [r.cardId, r.grade])).toEqual(
				graded.map((id, i) => [id, [3, 3, 4, 1][i]])
			);
			await page.goto('/');
			await expect(page.getByTestId('learned')).toHaveText('4');

			// The other tab, still on the old version, goes on working (a page it had not opened loads
			// the old version's code, still kept) and says so until its learner reloads it too.
			await other
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Cards', exact: true })
				.click();
			await expect(other.locator('tbody tr')).toHaveCount(305);
			await expect(other.locator('html')).toHaveAttribute('data-build', first!);
			await expect(notice(other, READY)).toBeVisible();
			await other.getByRole('button', { name: 'Reload' }).click();
			await expect(other.locator('html')).toHaveAttribute('data-build', NEXT);
			await expect(other.locator('[data-col="state"]:text-is("New")')).toHaveCount(305 - 4);
		} finally {
			await context.close();
			await site.stop();
		}
	});
});

test('a newer version upgrading the database in another tab is not blocked; this tab stops saving and asks for a reload', async ({
	page,
	context
}) => {
	await page.goto('/review');
	const first = await answer(page, 3);
	await writesSettled(page);

	// Another tab opens the database at the next schema version, as a newer Kartu's upgrade does.
	const other = await context.newPage();
	await other.goto('/decks.json');
	const outcome = await other.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const current = indexedDB.open('kartu');
				current.onsuccess = () => {
					const version = current.result.version;
					current.result.close();
					const open = indexedDB.open('kartu', version + 10);
					open.onupgradeneeded = () => open.result.createObjectStore('addedByANewerVersion');
					open.onblocked = () => resolve('blocked');
					open.onerror = () => resolve(`failed: ${open.error}`);
					open.onsuccess = () => {
						open.result.close();
						resolve('upgraded');
					};
				};
			})
	);
	expect(outcome).toBe('upgraded');
	const told = notice(page, 'Kartu was updated in another tab, so this tab can no longer save.');
	await expect(told).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();

	// An answer now is not written with the old schema, and the learner is told so.
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(page.getByRole('alert')).toContainText('not saved');
	const db = await readDb(other);
	expect(db.reviews.map((r) => r.cardId)).toEqual([first]);

	// Reloaded, this (old) version still does not write to the newer database: it asks again.
	await page.reload();
	await expect(told).toBeVisible();
	expect((await readDb(other)).reviews).toHaveLength(1);
});
