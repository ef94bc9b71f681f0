// The review screen's two card faces: the card on screen, and hidden, the front of the card most
// likely next, drawn while the learner reads this one, so that a grade usually only swaps the two
// (see ReviewSession.prepareNext). A face's `n` changes whenever it is given a card (the same card
// again included): what was typed into it starts afresh.

import { shownContent, type ClozeCheck, type DeckCard } from '../cards';
import type { StoredCard } from '../db/rows';

/** A card as one of the two faces draws it. */
export interface Face {
	card: StoredCard;
	/** What the face shows of the card: a cloze card's sentence for this review (cards/contexts.ts). */
	content: DeckCard;
	n: number;
	/** Once off screen: what it showed then, kept as it was until it is given the next card. */
	revealed?: boolean;
	check?: ClozeCheck;
}

export class FaceBuffer {
	faces = $state.raw<[Face | undefined, Face | undefined]>([undefined, undefined]);
	/** Which face is on screen. */
	front = $state<0 | 1>(0);
	#serial = 0;

	/** The face that is not on screen. */
	get back(): 0 | 1 {
		return this.front === 0 ? 1 : 0;
	}

	/** Whether the hidden face holds `card` already. */
	holds(card: StoredCard): boolean {
		return this.faces[this.back]?.card === card;
	}

	/** Draws `card` in the hidden face, ahead of time. */
	prepare(card: StoredCard): void {
		this.#set(this.back, card);
	}

	/**
	 * Puts `card` on screen: when the hidden face holds it, the faces swap and the one going off
	 * screen keeps what it showed (`revealed`, `check`); otherwise the face on screen draws it.
	 */
	show(card: StoredCard, leaving: { revealed: boolean; check?: ClozeCheck }): void {
		if (this.holds(card)) {
			const out = this.faces[this.front];
			const kept = out && { ...out, revealed: leaving.revealed, check: leaving.check };
			this.faces = this.front === 0 ? [kept, this.faces[1]] : [this.faces[0], kept];
			this.front = this.back;
		} else this.#set(this.front, card);
	}

	#set(i: 0 | 1, card: StoredCard): void {
		const face = { card, content: shownContent(card.content, card.fsrs.reps), n: ++this.#serial };
		this.faces = i === 0 ? [face, this.faces[1]] : [this.faces[0], face];
	}
}
