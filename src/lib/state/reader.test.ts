import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seed } from '../db/test-support';
import { ready } from './app';
import { ReaderState } from './reader.svelte';
import { serveDecks, until } from './test-app';

serveDecks();
const { deck } = seed;

describe('ReaderState', () => {
	it('marks a word known in every card of it, and Undo takes the mark back', async () => {
		const reader = new ReaderState(deck);
		const stop = reader.watch();
		await until(() => reader.loaded);
		expect(reader.status('menekankan').state).toBe('new');

		await reader.mark('menekankan', 'known');
		await until(() => reader.status('menekankan').state === 'known');
		expect(reader.cards.get('menekankan')!.every((c) => c.mark === 'known')).toBe(true);
		expect(reader.lastMark).toMatchObject({
			headword: 'menekankan',
			mark: 'known',
			previous: undefined
		});

		await reader.undoMark();
		await until(() => reader.status('menekankan').state === 'new');
		expect(reader.lastMark).toBeUndefined();
		stop();
	});

	it('remembers which translations are shown, per article', async () => {
		const first = new ReaderState(deck);
		let stop = first.watch();
		await until(() => first.loaded);
		const id = deck.sentences[1].id;
		expect(first.isShown(id)).toBe(false);
		await first.toggle(id);
		expect(first.isShown(id)).toBe(true);
		stop();

		const again = new ReaderState(deck);
		stop = again.watch();
		await until(() => again.loaded);
		expect(again.isShown(id)).toBe(true);
		await again.toggleAll();
		expect(again.isShown(deck.sentences[2].id)).toBe(true);
		expect(again.isShown(id)).toBe(true);
		stop();
	});

	it('brings a word forward for review: its vocabulary card is the next new card', async () => {
		const reader = new ReaderState(deck);
		const last = deck.cards.at(-1)!.headword;
		expect(await reader.reviewNow(last)).toBe(true);
		const db = await ready();
		const next = await db.cards
			.where('[queue+position]')
			.between([0, -Infinity], [0, Infinity])
			.first();
		expect(next?.content.headword).toBe(last);
	});
});
