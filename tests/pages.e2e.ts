import { expect, test, type Page } from '@playwright/test';
import { onlyKind, readDb } from './idb';

const card = (page: Page) => page.locator('article.card[data-card-id]:visible');

test('settings: a daily limit of 2 new cards ends the session after two, and says what is due tomorrow', async ({
	page
}) => {
	await page.goto('/settings');
	const perDay = page.getByLabel('New cards per day');
	await expect(perDay).toHaveValue('20');
	await perDay.fill('2');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

	await page.goto('/');
	await expect(page.getByTestId('new')).toHaveText('2');
	await page.goto('/review');
	for (let i = 0; i < 2; i++) {
		const id = await card(page).getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		if (i === 0) await expect(card(page)).not.toHaveAttribute('data-card-id', id!);
	}
	await expect(page.getByRole('heading', { name: /Congratulations/ })).toBeVisible();
	await expect(page.getByTestId('tomorrow')).toHaveText('0 cards are due tomorrow.');
	await expect(page.getByTestId('next-due')).toContainText('The next card is due');
});

test('settings: invalid values get a clear message and change nothing', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Desired retention').fill('1.5');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m ten');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Nothing was saved');
	await expect(alert).toContainText('Desired retention must be between 0.70 and 0.99.');
	await expect(alert).toContainText('"ten" is not a duration');
	const stored = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const req = open.result.transaction('settings').objectStore('settings').get('scheduler');
					req.onsuccess = () => resolve(req.result ?? null);
				};
			})
	);
	expect(stored).toBeNull();
	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.9');
});

test('cards: search in English or Indonesian, suspend and unsuspend by keyboard', async ({
	page
}) => {
	await page.goto('/cards');
	await expect(page.getByRole('status').filter({ hasText: '305 of 305 cards' })).toBeVisible();
	const search = page.getByRole('searchbox', { name: 'Search' });
	await search.fill('emphasise');
	await expect(page.locator('tbody th')).toHaveText(['menekankan', 'menekankan', 'menekankan']);
	await expect(page.locator('tbody td[data-label="Kind"]')).toHaveText([
		'Vocabulary',
		'Cloze',
		'Affix drill'
	]);
	await search.fill('cooperation');
	await expect(page.locator('tbody th')).toHaveText(['kerja sama', 'kerja sama']);
	await search.fill('penekanan');
	await expect(page.locator('tbody th')).toHaveText(['penekanan', 'penekanan', 'penekanan']);
	await search.fill('cooperation');

	const suspend = page.getByRole('button', { name: 'Suspend kerja sama (cloze)' });
	await suspend.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Unsuspend kerja sama (cloze)' })).toBeVisible();
	await expect(page.locator('tr[data-card-id="kerja sama/cloze"] [data-col="state"]')).toHaveText(
		'Suspended'
	);
	let db = await readDb(page);
	expect(db.cards.find((c) => c.id === 'kerja sama/cloze')).toMatchObject({
		suspended: true,
		queue: -1
	});

	await page.getByLabel('State').selectOption('suspended');
	await search.fill('');
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await page.getByRole('button', { name: 'Unsuspend kerja sama (cloze)' }).click();
	await expect(page.locator('tbody tr')).toHaveCount(0);
	db = await readDb(page);
	expect(db.cards.find((c) => c.id === 'kerja sama/cloze')).toMatchObject({
		suspended: false,
		queue: 0
	});
});

test('a wrong cloze answer shows a letter-by-letter difference', async ({ page }) => {
	// Put the first cloze card within reach: grade its headword's vocabulary card yesterday.
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('0');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	// Only cloze cards stay in the queue; then allow one new card.
	await onlyKind(page, 'cloze');
	await page.getByLabel('New cards per day').fill('1');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

	await page.goto('/review');
	await expect(card(page)).toHaveAttribute('data-card-id', 'menekankan/cloze');
	await expect(page.getByRole('textbox', { name: 'Missing word' })).toBeFocused();
	await page.keyboard.type('menekan');
	await page.keyboard.press('Enter');
	const diff = page.getByLabel('Your answer compared with the right one');
	await expect(diff).toBeVisible();
	await expect(diff.locator('ins')).toHaveText('kan');
	await expect(card(page).locator('.answer')).toHaveText('Menekankan');
});

test('at phone width the review screen fits without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
		await expect(
			page.getByRole('button', { name: new RegExp(`^${name}, next in`) })
		).toBeInViewport();
	}
});

test('without IndexedDB the learner is told why progress cannot be kept', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText('does not let Kartu store data');
	await page.goto('/review');
	await expect(page.getByRole('alert')).toContainText('does not let Kartu store data');
});

test('when IndexedDB cannot open the database, home says so instead of showing a new collection', async ({
	page
}) => {
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	// The database exists; now every open of it fails, as a corrupted or refused store does.
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			const request = {
				error: new DOMException('The database is broken.', 'UnknownError')
			} as unknown as IDBOpenDBRequest & { onerror?: (e: Event) => void };
			setTimeout(() => request.onerror?.(new Event('error')));
			return request;
		};
	});
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText('Kartu could not use its database');
	await expect(page.getByTestId('due')).toHaveCount(0);
});

test('the app makes no request beyond its own static files', async ({ page, baseURL }) => {
	const foreign: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	for (const path of ['/', '/review', '/cards', '/settings']) {
		await page.goto(path);
		await expect(page.locator('main h1')).toBeAttached();
	}
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toHaveCount(0);
	expect(foreign).toEqual([]);
});
