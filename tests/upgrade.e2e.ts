// A learner's database from the previous release (schema 5: cards per article) opens in this one:
// one set of cards per headword, every review kept and following its card, the counts right.
import { expect, test } from '@playwright/test';
import { readFixture } from '../src/lib/db/fixtures/fixture';
import { readDb } from './idb';

// Dates revived here: Playwright passes them into the page as dates.
const v5 = readFixture('v5-database.json');

/** The schema-5 stores as Dexie made them: key path, then indexes (name → key path). */
const STORES: Record<string, [string, Record<string, string | string[]>]> = {
	cards: [
		'id',
		{
			article: 'article',
			sibling: 'sibling',
			'content.headword': 'content.headword',
			'content.root': 'content.root',
			'[queue+fsrs.due]': ['queue', 'fsrs.due'],
			'[queue+position]': ['queue', 'position']
		}
	],
	reviews: ['id', { cardId: 'cardId', time: 'time' }],
	settings: ['key', {}],
	words: ['headword', {}],
	snapshots: ['id', {}],
	snapshotData: ['id', {}],
	statdays: ['day', {}],
	firsts: ['key', {}],
	counts: ['key', {}],
	answerHours: ['h', {}]
};

test('a schema-5 database with two articles sharing words upgrades with every review kept', async ({
	page
}) => {
	// A page of the site that runs none of the app's code, to write the old database from.
	await page.goto('/decks.json');
	await page.evaluate(
		({ v5, stores }) =>
			new Promise<void>((resolve, reject) => {
				// Dexie's version 5 is IndexedDB's version 50.
				const open = indexedDB.open('kartu', 50);
				open.onerror = () => reject(open.error);
				open.onupgradeneeded = () => {
					for (const [name, [keyPath, indexes]] of Object.entries(stores)) {
						const store = open.result.createObjectStore(name, { keyPath });
						for (const [index, path] of Object.entries(indexes)) store.createIndex(index, path);
					}
				};
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(Object.keys(stores), 'readwrite');
					for (const name of Object.keys(stores))
						for (const row of v5[name] ?? []) tx.objectStore(name).add(row);
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ v5, stores: STORES }
	);

	await page.goto('/');
	await expect(page.locator('dl.counts')).toHaveAttribute('aria-busy', 'false');
	const version = await page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => (resolve(open.result.version), open.result.close());
			})
	);
	const stored = (await readDb(page)) as unknown as {
		cards: { id: string; articles: string[]; queue: number }[];
		reviews: { id: string; cardId: string }[];
	};
	expect(version).toBe(100);
	// Every review kept, under its card's new id.
	const ids = new Set(stored.cards.map((c) => c.id));
	expect(stored.reviews).toHaveLength(v5.reviews.length);
	for (const r of stored.reviews) {
		const old = v5.reviews.find((o: { id: string }) => o.id === r.id);
		expect(r.cardId).toBe(old.cardId.slice(old.cardId.indexOf('/') + 1));
		expect(ids.has(r.cardId)).toBe(true);
	}
	// hubungan was in both articles: one card of each kind, in both.
	expect(stored.cards.filter((c) => c.id.startsWith('hubungan/')).map((c) => c.id)).toEqual([
		'hubungan/cloze',
		'hubungan/vocab'
	]);
	expect(stored.cards.find((c) => c.id === 'hubungan/cloze')!.articles).toEqual([
		'azerbaijan-iran',
		'kunjungan-baku'
	]);
	// The home page's figures and the card table agree with the cards stored.
	const learned = stored.cards.filter((c) => [1, 2, 3].includes(c.queue)).length;
	expect(learned).toBeGreaterThan(0);
	await expect(page.getByTestId('learned')).toHaveText(String(learned));
	// The bundled article's readable share, counted by the upgrade to schema 9 and the deck stored
	// again at this start: some of its 275 words are readable (cards in review in the fixture).
	await expect(page.locator('[data-article="azerbaijan-iran"] .progress')).toContainText(
		/\([1-9]\d* of 275 words\)/
	);
	await page.goto('/cards');
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: `${stored.cards.length} of ${stored.cards.length} cards` })
	).toBeVisible();
	await page.goto('/review');
	await expect(page.locator('article.card[data-card-id]:visible')).toHaveAttribute(
		'data-card-id',
		/^[^/]+\/(vocab|cloze|drill)$/
	);
});
