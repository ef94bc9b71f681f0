import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulateLearner } from '../src/lib/srs/simulate';
import { DEFAULT_WEIGHTS } from '../src/lib/srs/memory';

/**
 * A learner whose memory is far from FSRS's defaults: first answers are remembered for a shorter
 * time, and forgetting is steeper (decay 0.5 instead of 0.15).
 */
const LEARNER = [
	0.05, 0.3, 0.8, 2.5, 7, 0.8, 3, 0.001, 1.4, 0.2, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.54, 0.09,
	0.07, 0.5
];

/** The learner's settings row, read with the raw IndexedDB API. */
function storedSetting(page: Page, key: string): Promise<any> {
	return page.evaluate(
		(key) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('settings').objectStore('settings').get(key);
					get.onsuccess = () => {
						resolve(get.result?.value);
						open.result.close();
					};
				};
			}),
		key
	);
}

/**
 * Replaces the collection with 150 days of a simulated learner's answers on 300 of the real cards
 * (3,690 answers, 2,500 of them on a later day than the card's previous one), through Settings › Import a backup, as a learner moving from another
 * browser would.
 */
async function seedHistory(page: Page): Promise<number> {
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything' }).click();
	const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
	const start = new Date();
	start.setHours(0, 0, 0, 0);
	start.setDate(start.getDate() - 160);
	const answers = simulateLearner({
		seed: 8,
		weights: LEARNER,
		cards: 300,
		days: 150,
		newPerDay: 6,
		skipDay: 0.1,
		start
	});
	const ids: string[] = backup.cards.slice(0, 300).map((c: { id: string }) => c.id);
	const idOf = (simId: string) => ids[Number(simId.split('/')[1])];
	const last = new Map<string, (typeof answers)[number]['after']>();
	backup.reviews = answers.map((a, i) => {
		last.set(idOf(a.cardId), a.after);
		return {
			id: `${a.time.getTime().toString(36)}-${String(i).padStart(8, '0')}`,
			cardId: idOf(a.cardId),
			grade: a.grade,
			time: a.time,
			ms: 6000,
			before: a.before,
			after: a.after
		};
	});
	for (const c of backup.cards) if (last.has(c.id)) c.fsrs = last.get(c.id);
	await page.getByLabel('Import a backup').setInputFiles({
		name: 'history.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	await page.getByRole('radio', { name: 'Replace everything here' }).check();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
	return answers.length;
}

test('with too few reviews, Settings says how many there are and how many it needs', async ({
	page
}) => {
	await page.goto('/settings');
	await expect(page.getByTestId('optimiser-short')).toContainText(
		'needs at least 400 reviews over 7 days'
	);
	await expect(page.getByTestId('optimiser-short')).toContainText('You have 0 answers over 0 days');
	await expect(page.getByRole('button', { name: 'Optimise my parameters' })).toHaveCount(0);
});

test('optimise in a worker, see both fits, apply, reschedule and undo it, restore the previous parameters', async ({
	page
}) => {
	const answers = await seedHistory(page);
	await page.reload();
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	const wasm: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.wasm')) wasm.push(r.url());
	});
	await expect(page.getByText(`${answers.toLocaleString('en')} answers over`)).toBeVisible();
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	// Nothing of the optimiser is loaded until the learner asks.
	expect(workers.filter((u) => u.includes('optimiser'))).toEqual([]);
	expect(wasm.filter((u) => u.includes('fsrs'))).toEqual([]);

	await page.getByRole('button', { name: 'Optimise my parameters' }).click();
	const result = page.getByTestId('optimiser-result');
	await expect(result).toBeVisible({ timeout: 60_000 });
	expect(workers.some((u) => u.includes('optimiser.worker'))).toBe(true);
	expect(wasm.some((u) => u.includes('fsrs_browser'))).toBe(true);

	// Both sets side by side, measured on the held-out reviews.
	const cells = async (row: string) =>
		(await result.locator(`tr[data-row="${row}"] td`).allInnerTexts()).map((t) => t.trim());
	const [currentLoss, fittedLoss] = (await cells('log-loss')).map(Number);
	expect(currentLoss).toBeGreaterThan(0);
	expect(fittedLoss).toBeLessThan(currentLoss);
	expect((await cells('rmse')).every((t) => /^\d+\.\d\d%$/.test(t))).toBe(true);
	expect((await cells('per-day')).every((t) => /^\d+\.\d$/.test(t))).toBe(true);
	await expect(page.getByTestId('optimiser-workload')).toContainText('reviews a day');
	const [current, fitted] = (await cells('weights')).map((t) => t.split(', ').map(Number));
	expect(current).toEqual([...DEFAULT_WEIGHTS]);
	expect(fitted).toHaveLength(21);
	// Better on the held-out reviews, so fitted again on all of them: those are what Apply applies.
	await expect(page.getByRole('status').filter({ hasText: 'Fitted on' })).toContainText(
		/Then fitted again on all your [\d,]+ reviews in [\d.]+ s: Apply uses these\./
	);
	const refit = page.getByTestId('optimiser-refit');
	await expect(refit).toContainText('Fitted again on all your');
	const applied = (await refit.locator('code').innerText()).split(', ').map(Number);
	expect(applied).toHaveLength(21);
	expect(applied).not.toEqual(fitted);
	// Nothing changes before the learner says so.
	expect((await storedSetting(page, 'scheduler'))?.weights ?? [...DEFAULT_WEIGHTS]).toEqual(
		current
	);

	await page.getByRole('button', { name: 'Apply the fitted parameters' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
	expect((await storedSetting(page, 'scheduler')).weights).toEqual(applied);
	await expect(page.locator('textarea[name="weights"]')).toHaveValue(applied.join(', '));
	const history = await storedSetting(page, 'parameter-history');
	expect(history).toHaveLength(1);
	expect(history[0]).toMatchObject({ source: 'optimiser', weights: applied, previous: current });
	expect(history[0].fit.after[0]).toBeCloseTo(fittedLoss, 3);
	expect(history[0].fit.fittedOn).toBeGreaterThan(history[0].fit.reviews);

	// Rescheduling, confirmed, runs in its own worker after a snapshot; the snapshot undoes it.
	const dues = () =>
		page.evaluate(
			() =>
				new Promise<Record<string, number>>((resolve) => {
					const open = indexedDB.open('kartu');
					open.onsuccess = () => {
						const all = open.result.transaction('cards').objectStore('cards').getAll();
						all.onsuccess = () => {
							const out: Record<string, number> = {};
							for (const c of all.result)
								if (c.fsrs.state === 2) out[c.id] = new Date(c.fsrs.due).getTime();
							open.result.close();
							resolve(out);
						};
					};
				})
		);
	const before = await dues();
	expect(Object.keys(before).length).toBeGreaterThan(100);
	await page.getByRole('button', { name: 'Reschedule cards with the new parameters…' }).click();
	await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Rescheduled' })).toContainText(
		/Rescheduled [\d,]+ cards with the parameters in use.*undoes it/
	);
	expect(workers.some((u) => u.includes('reschedule.worker'))).toBe(true);
	const after = await dues();
	expect(Object.keys(after).filter((id) => after[id] !== before[id]).length).toBeGreaterThan(50);
	await page.getByRole('button', { name: 'Undo the rescheduling' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored the snapshot' })).toBeVisible();
	expect(await dues()).toEqual(before);

	await page.getByRole('button', { name: 'Restore the previous parameters' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'previous parameters are back' })
	).toBeVisible();
	expect((await storedSetting(page, 'scheduler')).weights).toEqual(current);
	await expect(page.locator('textarea[name="weights"]')).toHaveValue(current.join(', '));
	expect(await storedSetting(page, 'parameter-history')).toHaveLength(2);
	await page.reload();
	await expect(page.locator('textarea[name="weights"]')).toHaveValue(current.join(', '));

	// The statistics page marks both changes.
	await page.getByRole('link', { name: 'Stats' }).click();
	await expect(page.getByTestId('parameter-changes')).toContainText(
		/\(optimised\), .*\(previous ones restored\)/
	);
});

test.describe('without cross-origin isolation', () => {
	// The service worker would serve the pages past page.route, with the headers the build's host sent.
	test.use({ serviceWorkers: 'block' });

	test('on a host without cross-origin isolation, it says so and optimises on one thread', async ({
		page
	}) => {
		await seedHistory(page);
		// As a static host that does not send COOP and COEP serves the same files.
		await page.route('**/*', async (route) => {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['cross-origin-opener-policy'];
			delete headers['cross-origin-embedder-policy'];
			await route.fulfill({ response, headers });
		});
		await page.reload();
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
		await page.getByRole('button', { name: 'Optimise my parameters' }).click();
		await expect(page.getByText('This page is not cross-origin isolated')).toBeVisible();
		await expect(page.getByTestId('optimiser-result')).toBeVisible({ timeout: 60_000 });
		await expect(page.getByRole('status').filter({ hasText: 'Fitted on' })).toContainText(
			'on 1 thread,'
		);
		await expect(page.getByRole('button', { name: 'Apply the fitted parameters' })).toBeVisible();
	});
});
