import { expect, test, type Page } from '@playwright/test';
import { ageDb, readDb, writesSettled } from './idb';

const DAY = 86_400_000;
const card = (page: Page) => page.locator('article.card[data-card-id]:visible');
const id = (hw: string, kind: 'vocab' | 'cloze') => `${hw}/${kind}`;

async function tabTo(page: Page, name: string) {
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press('Tab');
		const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		if (text.startsWith(name)) return;
	}
	throw new Error(`could not reach "${name}" with Tab`);
}

/** Shows the answer with Space and grades with a number key; returns the id of the card graded. */
async function answer(page: Page, grade: 1 | 2 | 3 | 4): Promise<string> {
	const cardId = (await card(page).getAttribute('data-card-id'))!;
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await page.keyboard.press(String(grade));
	await expect(card(page)).not.toHaveAttribute('data-card-id', cardId);
	return cardId;
}

test('a learner reviews by keyboard alone, types a cloze answer, undoes, and finds every answer kept', async ({
	page
}) => {
	test.setTimeout(90_000); // a long journey over two days
	await page.goto('/');
	await expect(page.getByTestId('new')).toHaveText('20');
	await expect(page.getByTestId('due')).toHaveText('0');
	await expect(page.getByTestId('learned')).toHaveText('0');

	await tabTo(page, 'Start review');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/review$/);

	// Day 1: new vocabulary cards in the order their headwords first appear in the article.
	await expect(card(page).locator('.headword')).toHaveText('menekankan');
	await expect(card(page).locator('mark')).toHaveText('Menekankan');
	await page.keyboard.press('Space');
	await expect(card(page)).toContainText('meN- + tekan + -kan');
	await expect(card(page)).toContainText('penekanan');
	const good = page.getByRole('button', { name: /^Good, next in 10m$/ });
	await expect(good).toBeFocused();
	await page.keyboard.press('3');
	await expect(card(page)).toHaveAttribute('data-card-id', id('perluasan', 'vocab'));

	// Space at once after a grade shows the next card's answer (the grade buttons, hidden, keep no key).
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await page.keyboard.press('Enter');
	await expect(card(page)).toHaveAttribute('data-card-id', id('hubungan', 'vocab'));
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Good, next in/ })).toBeFocused();
	await page.keyboard.press('u');
	await expect(card(page)).toHaveAttribute('data-card-id', id('perluasan', 'vocab'));

	expect(await answer(page, 4)).toBe(id('perluasan', 'vocab'));
	expect(await answer(page, 1)).toBe(id('hubungan', 'vocab'));
	expect(await answer(page, 3)).toBe(id('menteri', 'vocab'));
	expect(await answer(page, 4)).toBe(id('intelijen', 'vocab'));
	expect((await readDb(page)).reviews).toHaveLength(5);

	// Undo takes back the Easy on "intelijen": its front again, its review row gone, its card new again.
	await page.keyboard.press('u');
	await expect(card(page)).toHaveAttribute('data-card-id', id('intelijen', 'vocab'));
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toHaveCount(0);
	let db = await readDb(page);
	expect(db.reviews).toHaveLength(4);
	expect(db.cards.find((c) => c.id === id('intelijen', 'vocab'))!.fsrs.reps).toBe(0);
	expect(await answer(page, 2)).toBe(id('intelijen', 'vocab'));

	await writesSettled(page);
	await page.reload();
	await page.goto('/');
	// Four cards are in learning steps due within 20 minutes; perluasan went to review days ahead.
	await expect(page.getByTestId('learned')).toHaveText('5');
	await expect(page.getByTestId('new')).toHaveText('15');
	await expect(page.getByTestId('due')).toHaveText('4');

	// Day 2: the learning cards come first, then the cloze card of perluasan, whose vocabulary card is not due.
	await ageDb(page, DAY);
	await page.goto('/review');
	for (let i = 0; i < 4; i++) {
		await expect(card(page)).toHaveAttribute('aria-label', 'Vocabulary card');
		await answer(page, 3);
	}
	await expect(card(page)).toHaveAttribute('data-card-id', id('perluasan', 'cloze'));
	const blank = page.getByRole('textbox', { name: 'Missing word' });
	await expect(blank).toBeFocused();
	await page.keyboard.type('perluasan');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Correct' })).toBeVisible();
	await expect(card(page)).toContainText('Expanding Tehran–Baku relations is not only');
	await page.keyboard.press('3');
	await expect(card(page)).not.toHaveAttribute('data-card-id', id('perluasan', 'cloze'));

	await writesSettled(page);
	await page.reload();
	db = await readDb(page);
	expect(db.reviews).toHaveLength(10);
	const graded = (cardId: string) =>
		db.reviews.filter((r) => r.cardId === cardId).map((r) => r.grade);
	expect(graded(id('intelijen', 'vocab'))).toEqual([2, 3]);
	expect(graded(id('perluasan', 'cloze'))).toEqual([3]);
	expect(db.reviews.every((r) => r.ms >= 0 && r.before && r.after)).toBe(true);
	const studied = db.cards
		.filter((c) => c.fsrs.reps > 0)
		.map((c) => c.id)
		.sort();
	expect(studied).toEqual(
		[
			id('menekankan', 'vocab'),
			id('perluasan', 'vocab'),
			id('hubungan', 'vocab'),
			id('menteri', 'vocab'),
			id('intelijen', 'vocab'),
			id('perluasan', 'cloze')
		].sort()
	);

	await page.goto('/');
	await expect(page.getByTestId('learned')).toHaveText('6');
	await expect(page.getByTestId('new')).toHaveText('19');

	await page.goto('/cards');
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(305);
	const stateOf = (cardId: string) =>
		page.locator(`tr[data-card-id="${cardId}"] [data-col="state"]`);
	for (const c of db.cards.filter((c) => c.fsrs.reps > 0)) {
		await expect(stateOf(c.id)).toHaveText(
			['New', 'Learning', 'Review', 'Relearning'][c.fsrs.state]
		);
	}
	await expect(page.locator('[data-col="state"]:text-is("New")')).toHaveCount(305 - 6);
});
