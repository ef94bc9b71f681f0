import { expect, test, type Page } from '@playwright/test';
import { onlyKind } from './idb';

const card = (page: Page) => page.locator('article.card[data-card-id]:visible');

test('an affix drill offers the family of tekan and explains why menekankan fits', async ({
	page
}) => {
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	await onlyKind(page, 'drill');
	await page.goto('/review');
	await expect(card(page)).toHaveAttribute('data-card-id', 'menekankan/drill');
	await expect(card(page)).toContainText('Which form of tekan fits?');
	const choices = page
		.getByRole('group', { name: 'Choose the form that fits' })
		.getByRole('button');
	await expect(choices).toHaveText(['A menekankan', 'B penekanan', 'C tekan']);
	await expect(card(page).locator('mark')).toHaveCount(0); // the word is blanked, not shown
	await page.keyboard.press('b');
	await expect(page.getByRole('status').filter({ hasText: 'Not this form' })).toBeVisible();
	await expect(card(page)).toContainText('The sentence needs menekankan, a verb.');
	await expect(card(page)).toContainText('meN- + tekan + -kan: a transitive or causative verb');
	await expect(card(page)).toContainText(
		'peN- + tekan + -an: a noun of the process or act of doing it'
	);
	await expect(page.getByRole('button', { name: /^Good/ })).toBeFocused();
	await page.keyboard.press('1');
	await expect(card(page)).not.toHaveAttribute('data-card-id', 'menekankan/drill');
	// The next drill has nothing to focus; Space still shows its answer (the hidden grade buttons take no key).
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
});

test('a vocabulary card links to its word family page', async ({ page }) => {
	await page.goto('/review');
	await expect(card(page)).toHaveAttribute('data-card-id', 'menekankan/vocab');
	await page.keyboard.press('Space');
	await page.getByRole('link', { name: 'All words from tekan' }).click();
	await expect(page).toHaveURL(/\/family\/tekan$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Word family: tekan');
	const members = page.locator('.members li');
	await expect(members).toHaveCount(2);
	await expect(members.nth(0)).toContainText('menekankan');
	await expect(members.nth(0)).toContainText('meN- + tekan + -kan: a transitive or causative verb');
	await expect(members.nth(1)).toContainText('penekanan');
	await expect(members.nth(1)).toContainText('a noun of the process or act');
	await expect(page.locator('.root')).toContainText('tekan: press');
});
