import { expect, test, type Page } from '@playwright/test';
import { readDb, writesSettled } from './idb';

/** A stand-in for speechSynthesis (headless Chromium has no voices) that records what is spoken. */
async function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
	await page.addInitScript((voices) => {
		const spoken: { text: string; lang: string }[] = [];
		Object.assign(window, { __spoken: spoken });
		Object.defineProperty(window, 'speechSynthesis', {
			value: {
				getVoices: () => voices,
				speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
				cancel: () => {},
				addEventListener: () => {}
			}
		});
	}, voices);
}
const spoken = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken
	);
const word = (page: Page, headword: string) =>
	page.locator(`[data-headword="${headword}"]`).first();

test('reading: a word panel by keyboard, marking a word known and undoing it, translations remembered, audio in Indonesian', async ({
	page
}) => {
	await stubSpeech(page, [
		{ lang: 'en-US', name: 'English' },
		{ lang: 'id-ID', name: 'Indonesian' }
	]);
	await page.goto('/');
	await expect(page.getByTestId('readable-share')).toHaveText('0% readable');
	await expect(page.getByTestId('new-cards')).toHaveText('305');
	await page.getByRole('link', { name: /Ketika Ilham Aliyev/ }).click();
	await expect(word(page, 'menekankan')).toHaveAttribute('data-state', 'new');

	// Tab reaches the first word; the arrow key moves to the next; Enter opens its panel.
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement?.getAttribute('data-headword'))) break;
	}
	await expect(word(page, 'menekankan')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(word(page, 'perluasan')).toBeFocused();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('dialog', { name: 'perluasan' });
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('expansion');
	await expect(panel).toContainText('per- + luas + -an');
	await expect(panel).toContainText('New — not reviewed yet');

	await panel.getByRole('button', { name: 'Say perluasan (Indonesian audio)' }).click();
	expect(await spoken(page)).toEqual([{ text: 'perluasan', lang: 'id-ID' }]);

	await panel.getByRole('button', { name: 'I know this' }).click();
	await expect(panel).toContainText('Known — you marked it as known');
	let db = await readDb(page);
	expect(db.cards.filter((c) => c.id.startsWith('perluasan/')).map((c) => c.queue)).toEqual([
		-3, -3
	]);
	await panel.getByRole('button', { name: 'Undo' }).click();
	await expect(panel).toContainText('New — not reviewed yet');
	db = await readDb(page);
	expect(db.cards.filter((c) => c.id.startsWith('perluasan/')).map((c) => c.queue)).toEqual([0, 0]);
	await panel.getByRole('button', { name: 'I know this' }).click();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(word(page, 'perluasan')).toBeFocused();
	await expect(word(page, 'perluasan')).toHaveAttribute('data-state', 'known');
	await expect(word(page, 'perluasan')).toHaveAccessibleName('Perluasan, known');

	// One sentence's translation, shown and kept across a reload.
	const sentence = page.locator('[data-sentence-id]').nth(2);
	await sentence
		.getByRole('button', { name: 'Show the English translation of this sentence' })
		.click();
	await expect(sentence.locator('.translation')).toContainText(
		'Relations between the Republic of Azerbaijan'
	);
	await sentence.getByRole('button', { name: 'Read this sentence (Indonesian audio)' }).click();
	expect((await spoken(page)).at(-1)).toMatchObject({ lang: 'id-ID' });
	await page.reload();
	await expect(page.locator('[data-sentence-id]').nth(2).locator('.translation')).toBeVisible();
	await expect(page.locator('[data-sentence-id]').nth(3).locator('.translation')).toHaveCount(0);

	// Home: perluasan's two cards now count as learned, and are no longer new; its two occurrences
	// (of the 275 of words with cards) are readable.
	await page.goto('/');
	await expect(page.getByTestId('new-cards')).toHaveText('303');
	await expect(page.locator('[data-article="azerbaijan-iran"] .progress')).toContainText(
		'2 of 305 cards learned'
	);
	await expect(page.locator('[data-article="azerbaijan-iran"] .progress')).toContainText(
		'(2 of 275 words)'
	);
	await expect(page.getByTestId('readable-share')).toHaveText('1% readable');
});

test('a card reviewed shows in the reader; practice records answers without changing any schedule', async ({
	page
}) => {
	await stubSpeech(page, [{ lang: 'id-ID', name: 'Indonesian' }]);
	await page.goto('/review');
	await expect(page.locator('article.card[data-card-id]:visible')).toHaveAttribute(
		'data-card-id',
		'menekankan/vocab'
	);
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(page.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
		'data-card-id',
		'menekankan/vocab'
	);
	await writesSettled(page);
	await page.goto('/article/azerbaijan-iran');
	await expect(word(page, 'menekankan')).toHaveAttribute('data-state', 'learning');

	const before = await readDb(page);
	await page.getByRole('link', { name: 'Practise this article' }).click();
	await expect(page.getByRole('note')).toContainText('do not change when cards are due');
	// The studied card comes first in practice, then new cards in article order.
	await expect(page.locator('article.card[data-card-id]:visible')).toHaveAttribute(
		'data-card-id',
		'menekankan/vocab'
	);
	for (const grade of ['3', '1', '4']) {
		const id = await page
			.locator('article.card[data-card-id]:visible')
			.getAttribute('data-card-id');
		// Enter shows the answer on every kind of card, also from a cloze card's text box.
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.keyboard.press(grade);
		await expect(page.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
			'data-card-id',
			id!
		);
	}
	await expect(page.getByRole('button', { name: /^Again, next in/ })).toHaveCount(0);
	const after = await readDb(page);
	const practice = after.reviews.filter((r) => (r as { practice?: boolean }).practice);
	expect(practice.map((r) => r.grade)).toEqual([3, 1, 4]);
	expect(after.cards).toEqual(before.cards);
});

test('without an Indonesian voice the audio controls say so and speak nothing', async ({
	page
}) => {
	await stubSpeech(page, [{ lang: 'en-US', name: 'English' }]);
	await page.goto('/article/azerbaijan-iran');
	const play = page
		.getByRole('button', { name: 'Read this sentence: no Indonesian voice in this browser' })
		.first();
	await expect(play).toBeDisabled();
	await word(page, 'menekankan').click();
	await expect(
		page.getByRole('button', { name: 'Say menekankan: no Indonesian voice in this browser' })
	).toBeDisabled();
	expect(await spoken(page)).toEqual([]);
});
