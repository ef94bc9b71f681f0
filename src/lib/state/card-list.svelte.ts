// The card table's rows, kept live, with search and a state filter.

import { allCards, setSuspended } from '../db/cards';
import type { KartuDB, StoredCard } from '../db/schema';
import { storageMessage } from './app';
import { liveFromDb } from './live.svelte';

export type StateFilter = 'all' | 'new' | 'learning' | 'review' | 'suspended' | 'retired';

/** A card's state as the table names it. */
export function stateName(c: StoredCard): string {
	if (c.retired) return 'Retired';
	if (c.suspended) return 'Suspended';
	return ['New', 'Learning', 'Review', 'Relearning'][c.fsrs.state];
}

/**
 * Whether a card matches a search in Indonesian (headword, root, the word as written) or English (gloss).
 * @example matches(card, 'press') → true for menekankan ("to emphasise; to press")
 */
export function matches(c: StoredCard, query: string): boolean {
	const q = query.trim().toLowerCase();
	if (!q) return true;
	const { headword, root, answer, gloss } = c.content;
	return [headword, root, answer, gloss].some((s) => s.toLowerCase().includes(q));
}

function inFilter(c: StoredCard, f: StateFilter): boolean {
	const name = stateName(c);
	if (f === 'all') return true;
	if (f === 'learning') return name === 'Learning' || name === 'Relearning';
	return name.toLowerCase() === f;
}

export class CardList {
	cards = $state.raw<StoredCard[]>([]);
	query = $state('');
	filter = $state<StateFilter>('all');
	loaded = $state(false);
	error = $state<string | undefined>();
	rows = $derived(this.cards.filter((c) => inFilter(c, this.filter) && matches(c, this.query)));
	#db: KartuDB | undefined;

	constructor() {
		liveFromDb(
			(db) => {
				this.#db = db;
				return () => allCards(db);
			},
			(c) => {
				this.cards = c;
				this.loaded = true;
			},
			(m) => (this.error = m)
		);
	}

	async setSuspended(card: StoredCard, suspended: boolean): Promise<void> {
		if (!this.#db) return;
		try {
			await setSuspended(this.#db, [card.id], suspended);
		} catch (e) {
			this.error = storageMessage(e);
		}
	}
}
