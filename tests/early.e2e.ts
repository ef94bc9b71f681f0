import { expect, test, type Page } from '@playwright/test';
import { readDb, readStore, writesSettled } from './idb';
import { answerGood } from './learner';

// page.route cannot hold back what a service worker answers: these pages run without Kartu's (the
// early script works the same with it; tests/offline.e2e.ts covers the service worker).
test.use({ serviceWorkers: 'block' });

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
	await expect(page.locator('article.card[data-card-id]:visible')).toBeVisible();
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
	const first = await page
		.locator('article.card[data-card-id]:visible')
		.getAttribute('data-card-id');
	await answerGood(page);
	await writesSettled(page);
	// A fresh page load (the early read) and a visit within the app (the app's own read) agree.
	await page.goto('/review');
	const early = await page
		.locator('article.card[data-card-id]:visible')
		.getAttribute('data-card-id');
	await page.getByRole('link', { name: 'Home' }).click();
	await page.getByRole('link', { name: 'Start review' }).click();
	await expect(page.locator('article.card[data-card-id]:visible')).toHaveAttribute(
		'data-card-id',
		early!
	);
	expect(early).not.toBe(first);
});

/**
 * Holds back the app's scripts until the returned function is called: the page shows what its
 * HTML and early script alone draw.
 */
async function holdApp(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

const appCard = (page: Page) => page.locator('article.card[data-card-id]:visible');

test('a first visit shows the first card before the app has loaded, and a Space pressed on it shows the answer once the app has', async ({
	page
}) => {
	const decks: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('/decks.json')) decks.push(r.url());
	});
	const release = await holdApp(page);
	await page.goto('/review', { waitUntil: 'commit' });
	const early = page.locator('article.card[data-early-card]');
	await expect(early).toBeVisible();
	await expect(early).toHaveAttribute('data-early-card', 'menekankan/vocab');
	// The decks are fetched by the early script, while the app's code is still held back.
	await expect.poll(() => decks.length).toBe(1);
	await expect(early.locator('.headword')).toHaveText('menekankan');
	await expect(early.locator('mark')).toHaveText('Menekankan');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.getByText('Loading today’s cards…')).toBeHidden();
	// The app has not run: no card of its own, and no database yet (the early script never creates one).
	await expect(page.locator('[data-card-id]')).toHaveCount(0);
	expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
	const box = await early.boundingBox();

	await page.keyboard.press('Space');
	release();
	// The app stored the decks and shows the same card, in the same place, with its answer.
	await expect(appCard(page)).toHaveAttribute('data-card-id', 'menekankan/vocab');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await expect(appCard(page)).toContainText('meN- + tekan + -kan');
	await expect(page.locator('[data-early-card]')).toHaveCount(0);
	expect((await appCard(page).boundingBox())?.y).toBe(box?.y);
	await page.keyboard.press('3');
	await expect(appCard(page)).not.toHaveAttribute('data-card-id', 'menekankan/vocab');
	const { reviews } = await readDb(page);
	expect(reviews.map((r) => [r.cardId, r.grade])).toEqual([['menekankan/vocab', 3]]);
	// The app stored the decks from that response: none fetched again.
	expect(decks).toHaveLength(1);
});

test("a returning learner's first card and counts are drawn before the app has loaded, as the app then shows them", async ({
	page
}) => {
	await page.goto('/review');
	for (let i = 0; i < 4; i++) await answerGood(page);
	await writesSettled(page);
	await page.goto('/review');
	const id = await appCard(page).getAttribute('data-card-id');
	const counts = await page.locator('.counts').textContent();
	// Answers still in the journal (a browser killed mid-write) are the app's to write first: the
	// early script then draws nothing. Here every answer is written.
	await expect.poll(async () => (await readStore(page, 'journal')).length).toBe(0);
	const label = await page.locator('.counts').getAttribute('aria-label');
	expect(counts?.replace(/\D/g, '')).not.toBe('000');

	const release = await holdApp(page);
	await page.goto('/review', { waitUntil: 'commit' });
	const early = page.locator('article.card[data-early-card]');
	await expect(early).toHaveAttribute('data-early-card', id!);
	await expect(page.locator('.counts')).toHaveText(counts!);
	await expect(page.locator('.counts')).toHaveAttribute('aria-label', label!);
	await expect(page.locator('[data-card-id]')).toHaveCount(0);
	const box = await early.boundingBox();
	release();
	await expect(appCard(page)).toHaveAttribute('data-card-id', id!);
	await expect(page.locator('[data-early-card]')).toHaveCount(0);
	// The app's card stands exactly where the early one stood, the same size.
	expect(await appCard(page).boundingBox()).toEqual(box);
	await expect(page.locator('.counts')).toHaveText(counts!);
});

test('a cloze card drawn before the app has loaded takes typing, and the app keeps what was typed', async ({
	page
}) => {
	// With the first vocabulary card suspended, the first card is its headword's cloze card.
	await page.goto('/cards');
	await page.getByRole('button', { name: 'Suspend menekankan (vocabulary)' }).click();
	await expect(
		page.getByRole('button', { name: 'Unsuspend menekankan (vocabulary)' })
	).toBeVisible();

	const release = await holdApp(page);
	await page.goto('/review', { waitUntil: 'commit' });
	const early = page.locator('article.card[data-early-card]');
	await expect(early).toHaveAttribute('data-early-card', 'menekankan/cloze');
	const box = early.getByRole('textbox', { name: 'Missing word' });
	await expect(box).toBeFocused();
	const width = (await box.boundingBox())?.width;
	await page.keyboard.type('menekan');
	release();
	await expect(appCard(page)).toHaveAttribute('data-card-id', 'menekankan/cloze');
	const appBox = appCard(page).getByRole('textbox', { name: 'Missing word' });
	await expect(appBox).toHaveValue('menekan');
	await expect(appBox).toBeFocused();
	expect((await appBox.boundingBox())?.width).toBe(width);
	await page.keyboard.type('kan');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await expect(page.getByText('Correct.')).toBeAttached();
});

test('an affix drill drawn before the app has loaded offers its forms, and the one chosen by its letter is checked once the app has', async ({
	page
}) => {
	// With its vocabulary and cloze cards suspended, the first card is menekankan's drill.
	await page.goto('/cards');
	for (const kind of ['vocabulary', 'cloze']) {
		await page.getByRole('button', { name: `Suspend menekankan (${kind})` }).click();
		await expect(
			page.getByRole('button', { name: `Unsuspend menekankan (${kind})` })
		).toBeVisible();
	}
	await page.goto('/review');
	await expect(appCard(page)).toHaveAttribute('data-card-id', 'menekankan/drill');
	const choices = await appCard(page)
		.getByRole('group', { name: 'Choose the form that fits' })
		.textContent();

	const release = await holdApp(page);
	await page.goto('/review', { waitUntil: 'commit' });
	const early = page.locator('article.card[data-early-card]');
	await expect(early).toHaveAttribute('data-early-card', 'menekankan/drill');
	const group = early.getByRole('group', { name: 'Choose the form that fits' });
	await expect(group).toHaveText(choices!);
	await expect(early.locator('.kind')).toHaveText('Which form of tekan fits?');
	const b = group.getByRole('button').nth(1);
	const form = (await b.textContent())!.replace(/^\s*B\s*/, '').trim();
	await page.keyboard.press('b');
	release();
	await expect(appCard(page)).toHaveAttribute('data-card-id', 'menekankan/drill');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await expect(appCard(page).getByRole('region', { name: 'Answer' })).toContainText(form);
});
