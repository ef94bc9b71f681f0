// The learner's own articles, end to end: paste, preview, untick, give a meaning, create, review,
// reload, a second article sharing words, delete; and every kind of bad input, which stores nothing.
import { expect, test, type Page } from '@playwright/test';
import { readStore as rows, writesSettled } from './idb';

/** Written for this test (not the seed): a rainy day in Bogor. */
const RAIN = `Musim Hujan di Kota Bogor

Hujan turun hampir setiap sore di kota Bogor.
Warga membawa payung ketika berangkat ke pasar.
Pedagang sayur menutup lapak mereka lebih awal karena jalan menjadi licin.
Pemerintah kota meminta warga membersihkan saluran air di depan rumah.`;

/** Shares hujan, warga and pasar with RAIN. */
const MARKET = `Pasar Pagi di Desa

Warga desa datang ke pasar sebelum matahari terbit.
Kalau hujan turun, pasar itu tetap ramai dan pedagang berteduh di bawah tenda.`;

interface Card {
	id: string;
	queue: number;
	articles: string[];
	retired: boolean;
	fsrs: { reps: number };
	content: { gloss: string; glossFrom?: string; contexts?: { sentence: string }[] };
}

async function paste(page: Page, text: string) {
	await page.goto('/add');
	await page.getByLabel('Indonesian text').fill(text);
	await page.getByRole('button', { name: 'Analyse' }).click();
}

async function addArticle(page: Page, text: string) {
	await paste(page, text);
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	return new URL(page.url()).searchParams.get('a')!;
}

test('a learner adds an article of their own, chooses its words, studies it, and finds it after a reload', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await page.getByRole('link', { name: 'Add an article' }).click();
	await expect(page).toHaveURL(/\/add$/);
	await page.getByLabel('Indonesian text').fill(RAIN);
	await page.getByRole('button', { name: 'Analyse' }).click();

	// The preview: figures, then a row per new word with its breakdown and gloss.
	await expect(page.getByRole('heading', { name: 'What this text holds for you' })).toBeVisible();
	await expect(page.getByTestId('preview-readable')).toHaveText('0%');
	const table = page.getByTestId('preview-words-table');
	await expect(table.locator('tr[data-headword="membersihkan"]')).toContainText(
		'meN- + bersih + -kan'
	);
	await expect(table.locator('tr[data-headword="pedagang"]')).toContainText('made by rule');
	const newWords = Number(await page.getByTestId('preview-new').textContent());
	expect(newWords).toBeGreaterThan(15);
	// The title is the first line; nothing is stored yet.
	await expect(page.getByLabel(/^Title/)).toHaveValue('Musim Hujan di Kota Bogor');
	expect(await rows(page, 'library')).toEqual([]);

	// Untick payung, correct the meaning of licin, then create.
	await page.getByRole('checkbox', { name: 'Learn payung' }).uncheck();
	await page.getByRole('textbox', { name: 'Meaning of licin' }).fill('slippery (of a road)');
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	const slug = new URL(page.url()).searchParams.get('a')!;
	await expect(page.getByTestId('article-title')).toContainText('Musim Hujan di Kota Bogor');
	await expect(page.locator('[data-headword="licin"]').first()).toBeVisible();

	const cards = await rows<Card>(page, 'cards');
	const mine = cards.filter((c) => c.articles.includes(slug));
	expect(mine.find((c) => c.id === 'payung/vocab')?.queue).toBe(-4);
	expect(mine.find((c) => c.id === 'licin/vocab')?.content).toMatchObject({
		gloss: 'slippery (of a road)',
		glossFrom: 'learner'
	});
	expect(await rows(page, 'meanings')).toEqual([
		expect.objectContaining({ headword: 'licin', gloss: 'slippery (of a road)' })
	]);
	const fresh = mine.filter((c) => c.queue === 0).length;

	// The word panel shows the meaning and lets the learner change it.
	await page.locator('[data-headword="licin"]').first().click();
	const panel = page.getByRole('dialog', { name: 'licin' });
	await expect(panel.getByTestId('panel-gloss')).toContainText('slippery (of a road)');
	await panel.getByRole('button', { name: 'Edit the meaning' }).click();
	await panel.getByLabel('Your meaning of licin').fill('slippery');
	await panel.getByRole('button', { name: 'Save meaning' }).click();
	await expect(panel.getByTestId('panel-gloss')).toContainText('slippery');
	await expect(panel.getByTestId('panel-gloss')).toContainText('(your meaning)');
	await expect(panel.getByTestId('panel-gloss')).not.toContainText('of a road');
	await panel.getByRole('button', { name: 'Close' }).click();

	// Study it next, and review one of its cards.
	await page.getByRole('button', { name: 'Study this article next' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'come next' })).toBeVisible();
	await page.goto('/review');
	const front = page.locator('article.card[data-card-id]:visible');
	const reviewed = (await front.getAttribute('data-card-id'))!;
	expect(mine.map((c) => c.id)).toContain(reviewed);
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(front).not.toHaveAttribute('data-card-id', reviewed);
	await writesSettled(page);

	// Home, after a reload: the library lists it with its counts.
	await page.goto('/');
	await page.reload();
	const item = page.locator(`[data-article="${slug}"]`);
	await expect(item.getByRole('link')).toHaveText('Musim Hujan di Kota Bogor');
	await expect(item.getByTestId('new-cards')).toHaveText(String(fresh - 1));
	await expect(item.getByTestId('due-cards')).toHaveText('1');
	await expect(
		page.locator('[data-article="azerbaijan-iran"]').getByTestId('new-cards')
	).toHaveText('305');
});

test('a second article that shares words adds no second card, only its sentence; deleting it keeps the first', async ({
	page
}) => {
	test.setTimeout(90_000);
	const rain = await addArticle(page, RAIN);
	await paste(page, MARKET);
	// hujan, warga, pasar are in the learner's cards already.
	await expect(page.getByTestId('preview-in-cards')).not.toHaveText('0');
	await expect(
		page.getByTestId('preview-words-table').locator('tr[data-headword="hujan"]')
	).toHaveCount(0);
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	const market = new URL(page.url()).searchParams.get('a')!;

	let cards = await rows<Card>(page, 'cards');
	expect(cards.filter((c) => c.id === 'hujan/cloze')).toHaveLength(1);
	const hujan = cards.find((c) => c.id === 'hujan/cloze')!;
	expect(hujan.articles).toEqual([rain, market]);
	expect(hujan.content.contexts!.map((c) => c.sentence)).toEqual([
		'Hujan turun hampir setiap sore di kota Bogor.',
		'Kalau hujan turun, pasar itu tetap ramai dan pedagang berteduh di bawah tenda.'
	]);

	// Delete the second article, after confirming.
	await page.getByRole('button', { name: 'Delete…' }).click();
	const confirm = page.getByRole('dialog', { name: /Delete/ });
	await expect(confirm).toBeVisible();
	await confirm.getByRole('button', { name: 'Delete the article' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator(`[data-article="${market}"]`)).toHaveCount(0);
	await expect(page.locator(`[data-article="${rain}"]`)).toBeVisible();
	cards = await rows<Card>(page, 'cards');
	expect(cards.find((c) => c.id === 'hujan/cloze')!.articles).toEqual([rain]);
	expect(cards.find((c) => c.id === 'tenda/cloze')).toMatchObject({ retired: true, queue: -2 });
	expect((await rows<{ slug: string }>(page, 'library')).map((e) => e.slug)).toEqual([rain]);
});

test('a pasted translation is paired with the sentences, a pair fixed by hand; a sentence translated in the reader; a meaning given in the card table', async ({
	page
}) => {
	test.setTimeout(90_000);
	await paste(page, RAIN);
	await page.getByText('Add an English translation (optional)').click();
	// The translator merged two sentences into one: the aligner pairs it, and the learner fixes the rest.
	await page
		.getByLabel('English translation of the article')
		.fill(
			'The Rainy Season in Bogor\n\nRain falls almost every afternoon in the city of Bogor. Residents carry umbrellas when they leave for the market. Vegetable sellers close their stalls early because the road becomes slippery. The city government asks residents to clean the drains in front of their houses.'
		);
	await page.getByRole('button', { name: 'Pair with the sentences' }).click();
	const pairs = page.getByTestId('alignment').locator('li');
	await expect(pairs).toHaveCount(5);
	await expect(pairs.nth(2)).toContainText('Residents carry umbrellas');
	// Sentence 2 takes the next English sentence, then passes it on again: back as it was.
	await page.getByRole('button', { name: 'Give sentence 2 the next English sentence' }).click();
	await expect(pairs.nth(1)).toContainText('Residents carry umbrellas');
	await page.getByRole('button', { name: "Pass sentence 2's last English sentence on" }).click();
	await expect(pairs.nth(2)).toContainText('Residents carry umbrellas');
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	const payung = (await rows<Card & { content: { translation: string } }>(page, 'cards')).find(
		(c) => c.id === 'payung/cloze'
	)!;
	expect(payung.content.translation).toBe(
		'Residents carry umbrellas when they leave for the market.'
	);

	// Type a translation in the reader: the sentence had one; change it.
	await page.getByRole('button', { name: 'Show all translations' }).click();
	const sentence = page.locator('[data-sentence-id]').nth(1);
	await expect(sentence.locator('.translation')).toContainText('Rain falls almost');
	await sentence.getByRole('button', { name: 'Edit' }).click();
	await sentence
		.getByLabel('Your translation of this sentence')
		.fill('It rains nearly every afternoon in Bogor.');
	await sentence.getByRole('button', { name: 'Save' }).click();
	await expect(sentence.locator('.translation')).toContainText('It rains nearly every afternoon');
	const stored = await rows<{ deck: { sentences: { text: string; translation: string }[] } }>(
		page,
		'articles'
	);
	expect(stored[0].deck.sentences[1].translation).toBe('It rains nearly every afternoon in Bogor.');

	// The card table: give a word another meaning.
	await page.goto('/cards');
	await page.getByRole('searchbox').fill('saluran');
	await page.getByRole('button', { name: 'Edit the meaning of saluran' }).first().click();
	await page.getByRole('textbox', { name: 'Meaning of saluran' }).fill('drain, gutter');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('tr[data-card-id="saluran/vocab"]')).toContainText('drain, gutter');
	expect(await rows(page, 'meanings')).toEqual([
		expect.objectContaining({ headword: 'saluran', gloss: 'drain, gutter' })
	]);
});

test.describe('bad input gets a clear message and stores nothing', () => {
	async function nothingStored(page: Page) {
		expect(await rows(page, 'library')).toEqual([]);
		expect(await rows(page, 'articles')).toEqual([]);
	}

	test('empty and whitespace-only text', async ({ page }) => {
		await paste(page, '   \n\t  ');
		await expect(page.getByTestId('add-error')).toContainText(/empty|no text/i);
		await expect(page.getByRole('button', { name: 'Create cards' })).toHaveCount(0);
		await page.goto('/');
		await nothingStored(page);
	});

	test('a file that is not text, a file over 5 MB, and a file name with markup', async ({
		page
	}) => {
		await page.goto('/add');
		const input = page.locator('input[type=file]');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		await input.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByTestId('add-error')).toContainText('PNG image');

		const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n', 'latin1');
		await input.setInputFiles({ name: 'artikel.pdf', mimeType: 'application/pdf', buffer: pdf });
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByTestId('add-error')).toContainText('PDF');

		const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a kata ');
		await input.setInputFiles({ name: 'besar.txt', mimeType: 'text/plain', buffer: big });
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByTestId('add-error')).toContainText('up to 5 MB');

		const name = '<img src=x onerror="window.__ran=1">.txt';
		await input.setInputFiles({
			name,
			mimeType: 'text/plain',
			buffer: Buffer.from('Hujan turun di kota.\nWarga membawa payung ke pasar.')
		});
		await expect(page.getByTestId('chosen-file')).toContainText(name);
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByRole('button', { name: 'Create cards' })).toBeVisible();
		expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
		await expect(page.locator('img[src=x]')).toHaveCount(0);
		await nothingStored(page);
	});

	test('an English text is named as such, and can be added anyway', async ({ page }) => {
		await paste(
			page,
			'The Rainy Season\n\nIt rains almost every afternoon in the city. People carry umbrellas when they go to the market, and the traders close their stalls early because the roads are slippery.'
		);
		await expect(page.getByTestId('language-warning')).toContainText('looks like English');
		const create = page.getByRole('button', { name: 'Create cards' });
		await expect(create).toBeDisabled();
		await nothingStored(page);
		await page.getByLabel('Make cards from it anyway').check();
		await expect(create).toBeEnabled();
	});

	test('the same text twice offers the article already in the library', async ({ page }) => {
		const slug = await addArticle(page, RAIN);
		await paste(page, `${RAIN}\n`);
		const notice = page.getByTestId('duplicate');
		await expect(notice).toContainText('in your library already');
		await expect(page.getByRole('button', { name: 'Create cards' })).toBeDisabled();
		await notice.getByRole('link', { name: 'Musim Hujan di Kota Bogor' }).click();
		await expect(page).toHaveURL(new RegExp(`a=${slug}`));
		expect(await rows(page, 'library')).toHaveLength(1);
	});

	test('one enormous line without punctuation is cut into lines, not refused', async ({ page }) => {
		const words = 'warga membawa payung ke pasar ketika hujan turun di kota ';
		await paste(page, words.repeat(200));
		await expect(page.getByRole('heading', { name: 'What this text holds for you' })).toBeVisible();
		await expect(page.getByTestId('preview-words')).toHaveText('2,000');
	});

	test('HTML full of scripts, styles and handlers is reduced to its text and never run', async ({
		page
	}) => {
		let fetched = false;
		await page.route('**/evil/**', (route) => {
			fetched = true;
			return route.abort();
		});
		await page.goto('/add');
		const html = `<!doctype html><html><head><title>Berita Hujan - Situs</title>
<style>body{background:url(/evil/bg.png)}</style><script>window.__ran=1</script>
<script src="/evil/x.js"></script></head><body onload="window.__ran=2">
<nav><a href="/">Beranda</a> <a href="/x">Politik</a></nav>
<article><h1>Hujan Deras di Bogor</h1>
<p onclick="window.__ran=3">Hujan turun hampir setiap sore di kota Bogor.</p>
<img src="/evil/photo.jpg" onerror="window.__ran=4">
<p>Warga membawa payung ketika berangkat ke pasar.</p></article>
<footer>Hak cipta</footer></body></html>`;
		await page.locator('input[type=file]').setInputFiles({
			name: 'berita.html',
			mimeType: 'text/html',
			buffer: Buffer.from(html)
		});
		await page.getByRole('button', { name: 'Analyse' }).click();
		await expect(page.getByLabel(/^Title/)).toHaveValue('Hujan Deras di Bogor');
		await expect(page.getByTestId('preview-words')).toHaveText('19');
		await page.getByRole('button', { name: 'Create cards' }).click();
		await expect(page).toHaveURL(/\/read\?a=mine-/);
		await expect(page.locator('article.reader')).toContainText('Warga membawa payung');
		await expect(page.locator('article.reader')).not.toContainText('Beranda');
		expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
		expect(fetched).toBe(false);
	});
});
