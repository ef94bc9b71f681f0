// What a learner does on the review page, shared by the end-to-end tests.
import { expect, type Page } from '@playwright/test';

/** Shows the answer and grades Good, as a learner does by keyboard; returns once the next card is on screen. */
export async function answerGood(page: Page): Promise<void> {
	const card = page.locator('article.card[data-card-id]:visible');
	const id = await card.getAttribute('data-card-id');
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
	await page.keyboard.press('3');
	await expect(card).not.toHaveAttribute('data-card-id', id!);
}
