import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const article = readFileSync(
	new URL('../content/articles/azerbaijan-iran.md', import.meta.url),
	'utf8'
);
const body = article.slice(article.indexOf('\n---\n') + 5);

// The first analysis waits for the worker to load the lexicon and index it (about 0.3 s, longer on a busy machine).
const FIRST = { timeout: 20_000 };

const row = (page: Page, headword: string) => page.locator(`tbody tr[data-headword="${headword}"]`);
const status = (page: Page) => page.getByTestId('analysis-status');

/** Pastes `text` into the text box with the keyboard, through the real clipboard. */
async function paste(page: Page, text: string) {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.getByLabel('Indonesian text').focus();
	await page.keyboard.press('ControlOrMeta+V');
}

/**
 * A file on disk of about `bytes` bytes, the seed article's body repeated (or `fill`): Chromium opens a
 * path itself, where a buffer would be rebuilt inside the page from base64, slowly at megabytes.
 */
function textFile(info: TestInfo, name: string, bytes: number, fill?: string): string {
	const path = info.outputPath(name);
	writeFileSync(
		path,
		fill
			? Buffer.alloc(bytes, fill)
			: Array(Math.ceil(bytes / Buffer.byteLength(body)))
					.fill(body)
					.join('\n')
	);
	return path;
}

test('pasted text: the root and gloss of an affixed word, markup shown as text and never run', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Analyse' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analyse a text');

	const text = [
		'Kerja sama dua negara',
		'Dia <b>mengatakan</b> bahwa kata itu penting. <img src="x" onerror="window.__ran = 1"> Mereka mengatakan hal yang sama.',
		'<script>window.__ran = 2</script> Menteri menggorblokkan kerja sama itu.'
	].join('\n');
	await page.getByLabel('Indonesian text').fill(text);
	// By keyboard: from the text to the Analyse button.
	await page.getByLabel('Indonesian text').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Analyse' })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(status(page)).toHaveText(
		/^Analysed the pasted text: 3 sentences, \d+ headwords\.$/,
		FIRST
	);
	await expect(
		page.getByRole('heading', { name: 'What Kartu makes of the pasted text' })
	).toBeVisible();
	await expect(page.getByTestId('sentences')).toHaveText('3');
	// The share of the text's words whose root the lexicon knows (names left out).
	await expect(page.getByTestId('known-share')).toHaveText(/^\d+(\.\d)?%$/);

	const said = row(page, 'mengatakan');
	await expect(said.locator('[data-col="root"]')).toHaveText('kata');
	await expect(said.locator('[data-col="gloss"]')).toHaveText('word; say; said');
	await expect(said.locator('[data-col="pos"]')).toHaveText('noun');
	await expect(said.locator('[data-col="count"]')).toHaveText('2');
	await expect(said.locator('[data-col="built"]')).toHaveText('meN- + kata + -kan');
	// The markup is text: shown as written, never parsed or run.
	await expect(said.locator('[data-col="example"]')).toContainText(
		'Dia <b>mengatakan</b> bahwa kata itu penting. <img src="x" onerror="window.__ran = 1">'
	);
	await expect(row(page, 'kerja sama').locator('[data-col="gloss"]')).toHaveText('cooperation');
	await expect(row(page, 'kerja sama').locator('[data-col="count"]')).toHaveText('2');
	expect(
		await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)
	).toBeUndefined();
	await expect(page.locator('main img, main b, main script')).toHaveCount(0);

	// Words the lexicon does not know, flagged as guesses.
	await page.getByRole('radio', { name: /Not in the lexicon/ }).check();
	await expect(row(page, 'menggorblokkan').locator('[data-col="root"]')).toContainText(
		'not in the lexicon: a guess'
	);
	await expect(row(page, 'mengatakan')).toHaveCount(0);
	await expect(row(page, 'onerror')).toHaveCount(1);
});

test('bad input gets a clear message and changes nothing: empty, over 5 MB, not text', async ({
	page
}, info) => {
	await page.goto('/analyse');
	const analyse = page.getByRole('button', { name: 'Analyse' });
	await analyse.click();
	await expect(page.getByRole('alert')).toHaveText(
		'There is no text to analyse: paste some Indonesian text or open a .txt or .md file.'
	);
	await expect(page.getByTestId('summary')).toHaveCount(0);

	await page.getByLabel('Indonesian text').fill('Judul\nDia mengatakan bahwa kata itu penting.');
	await analyse.click();
	await expect(page.getByTestId('sentences')).toHaveText('2', FIRST);
	await expect(page.getByRole('alert')).toHaveCount(0);

	await page.getByLabel('Indonesian text').fill('   \n  ');
	await analyse.click();
	await expect(page.getByRole('alert')).toContainText('There is no text to analyse');
	await expect(page.getByTestId('sentences')).toHaveText('2');

	const file = page.getByLabel('Or open a file (.txt, .md)');
	await file.setInputFiles(textFile(info, 'big.txt', 5.5 * 1024 * 1024, 'kata '));
	await expect(page.getByRole('alert')).toHaveText(
		'big.txt is 5.5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
	);
	await expect(page.getByTestId('sentences')).toHaveText('2');

	await paste(
		page,
		'Dia mengatakan bahwa kata itu sangat penting bagi kedua negara.\n'.repeat(90_000)
	);
	await expect(page.getByRole('alert')).toHaveText(
		'This text is over 5 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.'
	);
	await expect(page.getByLabel('Indonesian text')).toHaveValue('   \n  ');

	const png = Buffer.from(
		'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
		'hex'
	);
	await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByRole('alert')).toHaveText(
		'photo.png is not a text file: open a .txt or .md file saved as UTF-8 (or UTF-16).'
	);
	await expect(page.getByTestId('sentences')).toHaveText('2');
	await expect(
		page.getByRole('heading', { name: 'What Kartu makes of the pasted text' })
	).toBeVisible();
});

test('a 2 MB file is analysed in a worker, with progress, pages of rows and cancel', async ({
	page
}, info) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/analyse');
	const file = page.getByLabel('Or open a file (.txt, .md)');
	await file.setInputFiles(textFile(info, 'two-megabytes.md', 2.1 * 1024 * 1024));
	await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toBeVisible();
	await expect(status(page)).toHaveText(
		/^Analysed two-megabytes\.md: [\d,]+ sentences, [\d,]+ headwords\.$/,
		{ timeout: 30_000 }
	);
	expect(workers.some((url) => url.includes('survey.worker'))).toBe(true);
	await expect(
		page.getByRole('heading', { name: 'What Kartu makes of two-megabytes.md' })
	).toBeVisible();
	const headwords = Number((await page.getByTestId('headwords').textContent())!.replace(/,/g, ''));
	expect(headwords).toBeGreaterThan(100);
	await expect(page.locator('tbody tr')).toHaveCount(50);
	await expect(page.locator('caption')).toContainText(`Rows 1–50 of ${headwords}`);
	await expect(row(page, 'hubungan').locator('[data-col="built"]')).toHaveText('hubung + -an');
	await page.getByRole('button', { name: 'Next 50' }).click();
	await expect(page.locator('caption')).toContainText(`Rows 51–100 of ${headwords}`);
	await expect(page.locator('tbody tr')).toHaveCount(50);
	await page.getByRole('button', { name: 'Previous 50' }).click();
	await expect(page.locator('caption')).toContainText(`Rows 1–50 of ${headwords}`);

	// Cancelling a long analysis keeps the result that was shown.
	const sentences = await page.getByTestId('sentences').textContent();
	await file.setInputFiles(textFile(info, 'long.txt', 4.9 * 1024 * 1024));
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(status(page)).toHaveText('Analysis cancelled; the result below is unchanged.');
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	await expect(page.getByTestId('sentences')).toHaveText(sentences!);
	await expect(
		page.getByRole('heading', { name: 'What Kartu makes of two-megabytes.md' })
	).toBeVisible();
});

test('a long paste is kept aside instead of laid out in the text box, and analysed as pasted', async ({
	page
}) => {
	await page.goto('/analyse');
	await paste(page, Array(50).fill(body).join('\n'));
	await expect(page.getByTestId('held')).toContainText(
		/^Pasted text, \d+ kB: too long to show here/
	);
	await expect(page.getByLabel('Indonesian text')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Analyse' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(status(page)).toHaveText(/^Analysed the pasted text: [\d,]+ sentences/, FIRST);
	// 15 times in the article, 50 copies.
	await expect(row(page, 'hubungan').locator('[data-col="count"]')).toHaveText('750');
	await page.getByRole('button', { name: 'Clear it and type instead' }).click();
	await expect(page.getByLabel('Indonesian text')).toHaveValue('');
	// A short paste goes into the box as usual.
	await paste(page, 'Dia mengatakan itu.');
	await expect(page.getByLabel('Indonesian text')).toHaveValue('Dia mengatakan itu.');
});

test('the home page loads neither the analysis worker nor the lexicon', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', async (res) => {
		if (res.request().resourceType() === 'script') scripts.push(await res.text());
	});
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/', { waitUntil: 'networkidle' });
	expect(scripts.length).toBeGreaterThan(0);
	expect(scripts.filter((s) => s.includes('Root lexicon:') || s.includes('survey.worker'))).toEqual(
		[]
	);
	expect(workers).toEqual([]);
});

test('at phone width the table fits the screen', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/analyse');
	await page.getByLabel('Indonesian text').fill(body);
	await page.getByRole('button', { name: 'Analyse' }).click();
	await expect(row(page, 'hubungan')).toBeVisible(FIRST);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the main-thread comparison (?thread=main) that bench:analysis measures gives the same result, without a worker', async ({
	page
}) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	const summary = async (path: string) => {
		await page.goto(path);
		await page.getByLabel('Indonesian text').fill(body);
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByTestId('summary')).toBeVisible(FIRST);
		return page.getByTestId('summary').textContent();
	};
	const inWorker = await summary('/analyse');
	expect(workers).toHaveLength(1);
	expect(await summary('/analyse?thread=main')).toBe(inWorker);
	expect(workers).toHaveLength(1);
	await expect(row(page, 'hubungan').locator('[data-col="count"]')).toHaveText('15');
});
