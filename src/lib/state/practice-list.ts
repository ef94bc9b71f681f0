// A practice session's cards (one article, ahead of schedule): the order they come in, Again sending
// a card to the end as in Anki's filtered decks, and undo putting a card back where it stood. Plain
// data: the answers are recorded by ReviewSession, and no card's schedule changes.

import type { StoredCard } from '../db/rows';

export class PracticeList {
	#cards: StoredCard[];

	constructor(cards: StoredCard[]) {
		this.#cards = [...cards];
	}

	/** The card to show now, if any is left. */
	get current(): StoredCard | undefined {
		return this.#cards[0];
	}

	get left(): number {
		return this.#cards.length;
	}

	/** Takes `card` off the list after a grade (Again, 1: to the end); returns where it stood, for `undo`. */
	answer(card: StoredCard, grade: number): number {
		const index = this.#cards.indexOf(card);
		this.#cards.splice(index, 1);
		if (grade === 1) this.#cards.push(card);
		return index;
	}

	/** Puts `card` back at `index`, where it stood before its answer. */
	undo(card: StoredCard, index: number): void {
		const at = this.#cards.lastIndexOf(card);
		if (at >= 0) this.#cards.splice(at, 1);
		this.#cards.splice(index, 0, card);
	}
}
