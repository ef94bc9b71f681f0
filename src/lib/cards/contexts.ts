// A cloze card's sentences from every article that contains its headword, and which one a review
// shows: the one shown least recently, so a sentence the learner has not seen comes first.

import type { CardContext, DeckCard } from './types';

/** The sentence a card was built with, as one of its contexts. */
export function contextOf(card: DeckCard, from = 0): CardContext {
	return {
		article: card.article,
		sentenceId: card.sentenceId,
		sentence: card.sentence,
		translation: card.translation,
		spans: card.spans,
		answer: card.answer,
		...(card.alternatives ? { alternatives: card.alternatives } : {}),
		from
	};
}

/**
 * Which context the review numbered `reps` (the card's `fsrs.reps` before the answer) shows:
 * replaying the card's reviews from the first, each showed the context available then (`from` ≤
 * its number) that had been shown least recently, never-shown ones first and the earlier in the
 * list among equals. Deterministic, so it needs no write at answer time and an undo (which puts
 * `reps` back) shows the same sentence again; a context that joined later is shown at the next
 * review. Practice answers do not change `reps`, so a practice session shows the same one.
 * @example contextAt([{ from: 0 }, { from: 0 }], 0) → 0; … 1 → 1; … 2 → 0
 * @example contextAt([{ from: 0 }, { from: 5 }], 5) → 1 (the new sentence, not yet seen)
 */
export function contextAt(contexts: readonly Pick<CardContext, 'from'>[], reps: number): number {
	const last = contexts.map(() => -1);
	let pick = -1;
	for (let r = 0; r <= reps; r++) {
		let best = -1;
		for (let i = 0; i < contexts.length; i++) {
			if (contexts[i].from > r) continue;
			if (best < 0 || last[i] < last[best]) best = i;
		}
		if (best < 0) continue;
		last[best] = r;
		pick = best;
	}
	return Math.max(pick, 0);
}

/**
 * The content a review shows: for a cloze card with sentences from several articles, the one
 * `contextAt` picks in place of the first; any other card as it is.
 * @example shownContent(hubunganCloze, 1).article → 'kunjungan-baku' (its second article's sentence)
 */
export function shownContent(card: DeckCard, reps: number): DeckCard {
	const contexts = card.contexts;
	if (!contexts || contexts.length < 2) return card;
	return inContext(card, contexts[contextAt(contexts, reps)]);
}

/** The card with `c` as its sentence (the fields a context holds), everything else unchanged. */
export function inContext(card: DeckCard, c: CardContext): DeckCard {
	const out: DeckCard = {
		...card,
		article: c.article,
		sentenceId: c.sentenceId,
		sentence: c.sentence,
		translation: c.translation,
		spans: c.spans,
		answer: c.answer
	};
	if (c.alternatives) out.alternatives = c.alternatives;
	else delete out.alternatives;
	return out;
}
