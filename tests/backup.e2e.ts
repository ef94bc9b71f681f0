import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readDb, writesSettled } from './idb';

async function review(page: Page, answers: number) {
	await page.goto('/review');
	for (let i = 0; i < answers; i++) {
		const id = await page
			.locator('article.card[data-card-id]:visible')
			.getAttribute('data-card-id');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.keyboard.press('4');
		await expect(page.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
			'data-card-id',
			id!
		);
	}
	await writesSettled(page);
}
const table = async (page: Page) => {
	await page.goto('/cards');
	await expect(page.locator('tbody tr')).toHaveCount(305);
	return page
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText));
};

test('export, then import into an empty browser: the same counts and the same card table', async ({
	page,
	browser
}) => {
	await review(page, 3);
	await page.goto('/');
	await expect(page.getByTestId('learned')).toHaveText('3');
	const counts = [
		await page.getByTestId('due').innerText(),
		await page.getByTestId('new').innerText(),
		'3'
	];
	const cards = await table(page);
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything' }).click();
	const file = await (await download).path();
	expect((await download).suggestedFilename()).toMatch(/^kartu-backup-\d{4}-\d{2}-\d{2}\.json$/);

	const other = await browser.newContext();
	const fresh = await other.newPage();
	await fresh.goto('/settings');
	await fresh.getByLabel('Import a backup').setInputFiles(file);
	await expect(fresh.getByTestId('import-summary')).toContainText(
		'Adds 0 cards and 3 reviews, updates 3 cards'
	);
	await fresh.getByRole('radio', { name: 'Replace everything here' }).check();
	await expect(fresh.getByTestId('import-summary')).toContainText(
		"with the file's 305 cards and 3 reviews"
	);
	await fresh.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(fresh.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
	await fresh.goto('/');
	await expect(fresh.getByTestId('learned')).toHaveText(counts[2]);
	await expect(fresh.getByTestId('due')).toHaveText(counts[0]);
	await expect(fresh.getByTestId('new')).toHaveText(counts[1]);
	expect(await table(fresh)).toEqual(cards);
	expect((await readDb(fresh)).reviews).toEqual((await readDb(page)).reviews);
	await other.close();
});

test('bad files get a clear message and change nothing', async ({ page }) => {
	await review(page, 2);
	await page.goto('/settings');
	const before = await readDb(page);
	const good = JSON.parse(
		await (async () => {
			const download = page.waitForEvent('download');
			await page.getByRole('button', { name: 'Export everything' }).click();
			return readFileSync(await (await download).path(), 'utf8');
		})()
	);
	const cases: [string, string, RegExp][] = [
		['notes.json', 'this is not json', /not JSON/],
		['anki.json', JSON.stringify({ format: 'anki' }), /not a Kartu backup/],
		['future.json', JSON.stringify({ ...good, version: 9 }), /newer Kartu/],
		[
			'broken.json',
			JSON.stringify({ ...good, reviews: [{ ...good.reviews[0], time: 'yesterday' }] }),
			/reviews\[0\]\.time is missing or not a date/
		],
		[
			'orphan.json',
			JSON.stringify({
				...good,
				cards: good.cards.filter((c: { id: string }) => c.id !== good.reviews[0].cardId)
			}),
			/not in the backup/
		]
	];
	for (const [name, text, message] of cases) {
		await page
			.getByLabel('Import a backup')
			.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(name);
		await expect(alert).toContainText(message);
		await expect(alert).toContainText('Nothing was changed.');
	}
	expect(await readDb(page)).toEqual(before);
});

test('a daily snapshot can be restored after confirmation', async ({ page }) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await review(page, 2);
	await page.reload(); // the snapshot is taken when the app starts and there are reviews
	await page.goto('/settings');
	const snap = page.locator('[data-snapshot]');
	await expect(snap).toHaveCount(1);
	await expect(snap).toContainText('2 reviews');
	// Taken in a worker, as compressed parts: a chunk of reviews, the cards, and the rest.
	expect(workers.some((url) => url.includes('snapshot.worker'))).toBe(true);
	const kinds = await page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const req = open.result.transaction('snapshotData').objectStore('snapshotData').getAll();
					req.onsuccess = () =>
						resolve((req.result as { kind: string }[]).map((p) => p.kind).sort());
				};
			})
	);
	expect(kinds).toEqual(['cards', 'meta', 'reviews']);
	await review(page, 2);
	expect((await readDb(page)).reviews).toHaveLength(4);
	await page.goto('/settings');
	await page.getByRole('button', { name: /^Restore the snapshot of/ }).click();
	await page
		.getByRole('group', { name: 'Confirm the restore' })
		.getByRole('button', { name: 'Restore' })
		.click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored the snapshot' })).toBeVisible();
	expect((await readDb(page)).reviews).toHaveLength(2);
});

test('export to Anki downloads an .apkg with the collection inside', async ({ page }) => {
	await review(page, 2);
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export to Anki (.apkg)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^kartu-\d{4}-\d{2}-\d{2}\.apkg$/);
	const bytes = readFileSync(await file.path());
	expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip
	expect(bytes.includes(Buffer.from('collection.anki2'))).toBe(true);
	await expect(page.getByRole('status').filter({ hasText: 'open it with Anki' })).toBeVisible();
});

test('Replace says what in this browser is newer and will be lost, and a review open in another tab reloads', async ({
	page,
	context
}) => {
	await review(page, 2);
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything' }).click();
	const file = await (await download).path();
	// Two more answers after the backup: a Replace would lose them.
	await review(page, 2);

	const reviewing = await context.newPage();
	await reviewing.goto('/review');
	await expect(reviewing.locator('article.card[data-card-id]:visible')).toBeVisible();

	await page.goto('/settings');
	await page.getByLabel('Import a backup').setInputFiles(file);
	await page.getByRole('radio', { name: 'Replace everything here' }).check();
	await expect(page.getByTestId('import-loss')).toHaveText(
		'2 reviews and 2 cards in this browser are newer than the backup and will be lost.'
	);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
	await expect(reviewing.getByRole('alert')).toContainText('replaced in another tab');
	expect((await readDb(page)).reviews).toHaveLength(2);
});
