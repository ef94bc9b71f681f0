import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { homeCounts } from '../db/cards';
import { answerNext, seed } from '../db/test-support';
import { ready } from './app';
import { Home } from './home.svelte';
import { serveDecks } from './test-app';

serveDecks();

describe('Home', () => {
	it('on a first visit shows the decks as they will be stored, and creates no database', async () => {
		const home = new Home();
		await home.read();
		expect(home.error).toBeUndefined();
		expect(home.counts).toMatchObject({ due: 0, learned: 0 });
		expect(home.counts!.fresh).toBeGreaterThan(0);
		expect(home.library.find((r) => r.slug === seed.deck.article.slug)?.fresh).toBe(
			seed.deck.cards.length
		);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('kartu');
	});

	it('once studied, shows the counts the review page works from, read without Dexie', async () => {
		const db = await ready();
		const now = new Date();
		for (let i = 0; i < 3; i++) await answerNext(db, new Date(now.getTime() - 60_000 + i));
		const home = new Home();
		await home.read();
		expect(home.error).toBeUndefined();
		expect(home.counts).toEqual(await homeCounts(db, new Date()));
		expect(home.counts!.learned).toBe(3);
		expect(home.library.find((r) => r.slug === seed.deck.article.slug)?.fresh).toBe(
			seed.deck.cards.length - 3
		);
	});
});

describe('Home when IndexedDB fails', () => {
	it('says the database cannot be used instead of showing an empty collection', async () => {
		const open = indexedDB.open.bind(indexedDB);
		// An IndexedDB whose open fails, as a corrupted or refused store does.
		indexedDB.open = (() => {
			const r = { error: new DOMException('The database is broken.', 'UnknownError') } as {
				error: DOMException;
				onerror?: (e: { preventDefault(): void }) => void;
			};
			setTimeout(() => r.onerror?.({ preventDefault() {} }));
			return r;
		}) as unknown as typeof indexedDB.open;
		try {
			const home = new Home();
			await home.read();
			expect(home.error).toMatch(/could not use its database: The database is broken/);
			expect(home.counts).toBeUndefined();
		} finally {
			indexedDB.open = open;
		}
	});
});
