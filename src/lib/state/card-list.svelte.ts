// The card table's rows, kept live, with search and a state filter.

import { cardPage, setSuspended, type StateFilter } from '../db/card-table';
import { setMeaning } from '../db/articles';
import type { KartuDB } from '../db/schema';
import type { StoredCard } from '../db/rows';
import { ready, storageMessage } from './app';
import { subscribeLive } from './live';

export type { StateFilter };

/** Rows the table shows at first, and adds each time the learner asks for more. */
export const PAGE_ROWS = 500;

/** A card's state as the table names it. */
export function stateName(c: StoredCard): string {
	if (c.retired) return 'Retired';
	if (c.mark) return c.mark === 'known' ? 'Known' : 'Ignored';
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

export class CardList {
	/** The rows shown: the first `limit` cards of the filter that match the search. */
	rows = $state.raw<StoredCard[]>([]);
	/** Cards in the filter, and whether more match than are shown. */
	total = $state(0);
	more = $state(false);
	query = $state('');
	filter = $state<StateFilter>('all');
	limit = $state(PAGE_ROWS);
	loaded = $state(false);
	error = $state<string | undefined>();
	#db: KartuDB | undefined;

	/** Call during component setup: the rows follow the database, the search, filter and limit. */
	constructor() {
		$effect(() => this.watch());
	}

	/** Keeps the rows live for the current search, filter and limit (read here, so the effect follows them); returns the cleanup. */
	watch(): () => void {
		const filter = this.filter;
		const query = this.query;
		const limit = this.limit;
		return subscribeLive(
			(db) => {
				this.#db = db;
				return () =>
					cardPage(db, filter, limit, query.trim() ? (c) => matches(c, query) : undefined);
			},
			(page) => {
				this.rows = page.cards;
				this.total = page.total;
				this.more = page.more;
				this.loaded = true;
			},
			(m) => (this.error = m)
		);
	}

	/** Shows another page of rows. */
	showMore(): void {
		this.limit += PAGE_ROWS;
	}

	async setSuspended(card: StoredCard, suspended: boolean): Promise<void> {
		const db = this.#db ?? (await ready());
		try {
			await setSuspended(db, [card.id], suspended);
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Gives the card's headword the learner's meaning, on all its cards; false when it failed. */
	async setMeaning(card: StoredCard, gloss: string): Promise<boolean> {
		if (!gloss.trim()) {
			this.error = 'Type a meaning first.';
			return false;
		}
		try {
			await setMeaning(this.#db ?? (await ready()), card.sibling, gloss);
			this.error = undefined;
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}
}
