import { expect, test } from '@playwright/test';
import { readDb } from './idb';

test('two tabs stay consistent: an answer in one shows in the other, and is stored once', async ({
	context
}) => {
	const home = await context.newPage();
	await home.goto('/');
	await expect(home.getByTestId('learned')).toHaveText('0');
	await expect(home.getByTestId('new')).toHaveText('20');

	const review = await context.newPage();
	await review.goto('/review');
	for (let i = 0; i < 2; i++) {
		const id = await review
			.locator('article.card[data-card-id]:visible')
			.getAttribute('data-card-id');
		await review.keyboard.press('Enter');
		await review.keyboard.press('3');
		await expect(review.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
			'data-card-id',
			id!
		);
	}
	// The home tab updates by itself: the review tab announces each committed write (state/shell.ts's channel).
	await expect(home.getByTestId('learned')).toHaveText('2');
	await expect(home.getByTestId('new')).toHaveText('18');
	await expect(home.getByTestId('due')).toHaveText('2');

	// A second review tab starts from the same state and does not repeat the answered cards' reviews.
	const second = await context.newPage();
	await second.goto('/review');
	await expect(second.locator('article.card[data-card-id]:visible')).toHaveAttribute(
		'data-card-id',
		'hubungan/vocab'
	);
	const db = await readDb(home);
	expect(db.reviews).toHaveLength(2);
	expect(new Set(db.reviews.map((r) => r.id)).size).toBe(2);
});
