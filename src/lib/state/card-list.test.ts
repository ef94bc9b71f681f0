import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seed } from '../db/test-support';
import { CardList, matches, stateName } from './card-list.svelte';
import { serveDecks, until } from './test-app';

serveDecks();

describe('CardList', () => {
	it('lists every card, searches in English and Indonesian, and suspends a card live', async () => {
		const list = new CardList();
		let stop = list.watch();
		await until(() => list.loaded);
		expect(list.total).toBe(seed.deck.cards.length);
		expect(list.rows.length).toBe(Math.min(seed.deck.cards.length, 500));

		const search = async (query: string, filter: typeof list.filter = 'all') => {
			stop();
			list.loaded = false;
			list.query = query;
			list.filter = filter;
			stop = list.watch();
			await until(() => list.loaded);
		};
		await search('emphasise');
		expect(list.rows.length).toBeGreaterThan(0);
		expect(list.rows.every((c) => matches(c, 'emphasise'))).toBe(true);
		expect(list.rows.some((c) => c.content.headword === 'menekankan')).toBe(true);

		await search('menekankan');
		const card = list.rows[0];
		await list.setSuspended(card, true);
		// The live query brings the change without being asked.
		await until(() => list.rows.find((c) => c.id === card.id)?.suspended === true);
		expect(stateName(list.rows.find((c) => c.id === card.id)!)).toBe('Suspended');

		await search('', 'suspended');
		expect(list.total).toBe(1);
		expect(list.rows.map((c) => c.id)).toEqual([card.id]);
		stop();
	});
});
