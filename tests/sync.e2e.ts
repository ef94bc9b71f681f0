// Sync between devices through a CouchDB-protocol server (pouchdb-server in memory, tests/couch.ts):
// each browser context is a device with its own IndexedDB.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { readDb, readStore as rows, writesSettled } from './idb';
import { createDatabase, startCouch, startProxy, type TestCouch } from './couch';

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
		const id = await page
			.locator('article.card[data-card-id]:visible')
			.getAttribute('data-card-id');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.keyboard.press(key);
		await expect(page.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
			'data-card-id',
			id!
		);
	}
	await writesSettled(page);
}

async function setUp(page: Page, password = 'pw', url = couch.url, live = false) {
	await page.goto('/settings');
	await page.getByLabel('Database address').fill(url);
	await page.getByLabel('User name').fill('ana');
	await page.getByLabel('Password').fill(password);
	if (live) await page.getByLabel(/Live sync/).check();
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

/** Written for this test: an article of the learner's own, a rainy afternoon at a harbour. */
const HARBOUR = `Sore Hujan di Pelabuhan

Hujan turun deras di pelabuhan kecil itu sejak siang.
Para nelayan menambatkan perahu mereka dan berteduh di warung kopi.
Seorang pedagang menutup lapaknya lebih awal karena jalan menjadi licin.`;

test('with live sync on, an answer, its undo, a suspension, a setting, an article and a cleared mark reach the other device', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const url = await createDatabase(couch, 'kartu-live');
	const a = await device(browser);
	const b = await device(browser);
	await setUp(a, 'pw', url, true);
	await expect(status(a)).toContainText('0 answers sent');
	await setUp(b, 'pw', url, true);
	await expect(status(b)).toContainText('0 answers sent');
	const reviewsOf = async (p: Page) => (await rows<{ id: string }>(p, 'reviews')).length;

	// An answer on a is on b within 2 s (b stays on Settings, its live sync waiting on the server).
	await a.goto('/review');
	await a.keyboard.press('Enter');
	await expect(a.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	const answered = Date.now();
	await a.keyboard.press('3');
	await expect.poll(() => reviewsOf(b), { timeout: 2000, intervals: [50] }).toBe(1);
	expect(Date.now() - answered).toBeLessThan(2000);

	// A second answer, then undo: gone on b too.
	await a.keyboard.press('Enter');
	await a.keyboard.press('3');
	await expect.poll(() => reviewsOf(b), { timeout: 5000 }).toBe(2);
	await writesSettled(a);
	await a.keyboard.press('u');
	await expect.poll(() => reviewsOf(a), { timeout: 5000 }).toBe(1);
	await expect.poll(() => reviewsOf(b), { timeout: 5000 }).toBe(1);
	const cardsA = (await readDb(a)).cards.filter((c) => c.fsrs.reps > 0);
	const cardsB = (await readDb(b)).cards.filter((c) => c.fsrs.reps > 0);
	expect(cardsB.map((c) => [c.id, c.fsrs])).toEqual(cardsA.map((c) => [c.id, c.fsrs]));

	// A suspended card (the card table's first Suspend button).
	await a.goto('/cards');
	const suspend = a.getByRole('button', { name: /^Suspend / }).first();
	await expect(suspend).toBeVisible();
	await suspend.click();
	await expect.poll(async () => (await readDb(b)).cards.filter((c) => c.suspended).length).toBe(1);
	const suspendedA = (await readDb(a)).cards.filter((c) => c.suspended).map((c) => c.id);
	expect((await readDb(b)).cards.filter((c) => c.suspended).map((c) => c.id)).toEqual(suspendedA);

	// A changed setting.
	await a.goto('/settings');
	await a.getByLabel('New cards per day').fill('33');
	await a.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(a.getByText('Saved.')).toBeVisible();
	const newPerDay = async (p: Page) =>
		(await rows<{ key: string; value: { newPerDay?: number } }>(p, 'settings')).find(
			(r) => r.key === 'scheduler'
		)?.value.newPerDay;
	await expect.poll(() => newPerDay(b)).toBe(33);

	// An added article: the same library entry, deck and cards.
	await a.goto('/add');
	await a.getByLabel('Indonesian text').fill(HARBOUR);
	await a.getByRole('button', { name: 'Analyse' }).click();
	await a.getByRole('button', { name: 'Create cards' }).click();
	await expect(a).toHaveURL(/\/read\?a=mine-/);
	const slug = new URL(a.url()).searchParams.get('a')!;
	await expect
		.poll(async () => (await rows<{ slug: string }>(b, 'library')).map((e) => e.slug))
		.toEqual([slug]);
	const articleCards = async (p: Page) =>
		(await rows<{ id: string; articles: string[]; queue: number }>(p, 'cards'))
			.filter((c) => c.articles.includes(slug))
			.map((c) => [c.id, c.queue])
			.sort();
	await expect.poll(() => articleCards(b)).toEqual(await articleCards(a));
	expect((await articleCards(a)).length).toBeGreaterThan(3);
	const decks = async (p: Page) =>
		(await rows<{ slug: string; deck: unknown; text: string }>(p, 'articles')).map((r) => [
			r.slug,
			r.text,
			r.deck
		]);
	expect(await decks(b)).toEqual(await decks(a));

	// A word marked known in the reader, then the mark cleared (its Undo).
	await a.goto('/article/azerbaijan-iran');
	const word = a.locator('button[data-headword]').first();
	const headword = await word.getAttribute('data-headword');
	await word.click();
	await a.getByRole('button', { name: 'I know this' }).click();
	const marks = async (p: Page) =>
		(await rows<{ headword: string; mark: string }>(p, 'words')).map((w) => [w.headword, w.mark]);
	await expect.poll(() => marks(b)).toEqual([[headword, 'known']]);
	await a.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(() => marks(a)).toEqual([]);
	await expect.poll(() => marks(b)).toEqual([]);
});

test('a server that refuses a batch as too large (413) or fails (503) says so, and loses nothing', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const url = await createDatabase(couch, 'kartu-failing');
	let failing = false;
	const proxy = await startProxy(couch.root, (r) => {
		if (r.docs !== undefined && r.docs > 1) return 413;
		if (failing && r.path.includes('/_changes')) return 503;
		return undefined;
	});
	try {
		const d = await device(browser);
		await review(d, 3, '3');
		await setUp(d, 'pw', url.replace(couch.root, proxy.root));
		// 3 answers refused as one request, then sent in smaller ones.
		await expect(status(d)).toContainText('3 answers sent, 0 received');
		expect(proxy.seen.filter((s) => s.docs !== undefined).map((s) => s.docs)).toEqual(
			expect.arrayContaining([3, 1])
		);
		failing = true;
		await d.getByRole('button', { name: 'Sync now' }).click();
		// Retried after 1 s, 2 s and 4 s, then a plain message.
		await expect(status(d)).toContainText('The server is failing (503)', { timeout: 20_000 });
		expect((await readDb(d)).reviews).toHaveLength(3);
		failing = false;
		await syncNow(d, '0 answers sent, 0 received');
		const e = await device(browser);
		await setUp(e, 'pw', url);
		await expect(status(e)).toContainText('0 answers sent, 3 received');
	} finally {
		await proxy.stop();
	}
});
