import { expect, test } from '@playwright/test';

test('statistics show today’s reviews, the streak, card states and a table for every chart', async ({
	page
}) => {
	await page.goto('/review');
	for (const grade of ['4', '3', '1']) {
		const id = await page
			.locator('article.card[data-card-id]:visible')
			.getAttribute('data-card-id');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.keyboard.press(grade);
		await expect(page.locator('article.card[data-card-id]:visible')).not.toHaveAttribute(
			'data-card-id',
			id!
		);
	}
	await page.getByRole('link', { name: 'Stats' }).click();
	await expect(page.getByTestId('reviews-year')).toHaveText('3');
	await expect(page.getByTestId('streak')).toHaveText('1');
	await expect(page.locator('tr[data-state="New"] td')).toHaveText(String(305 - 3));
	await expect(page.locator('tr[data-state="Review"] td')).toHaveText('1');
	await expect(page.locator('tr[data-state="Learning"] td')).toHaveText('2');
	// Every chart is an image with a name, and has its numbers as a table.
	const charts = page.locator('figure');
	const count = await charts.count();
	expect(count).toBeGreaterThanOrEqual(8);
	for (let i = 0; i < count; i++) {
		await expect(charts.nth(i).getByRole('img')).toHaveAccessibleName(/.+/);
		await expect(charts.nth(i).locator('details table')).toHaveCount(1);
	}
	const perDay = charts.filter({ hasText: 'Reviews per day, last 30 days' });
	await perDay.getByText('Show as a table').click();
	await expect(perDay.locator('tbody tr').last()).toContainText('3');
});
