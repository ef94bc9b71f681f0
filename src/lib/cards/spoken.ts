// What a card says aloud: never the answer before it is shown.

import type { DeckCard } from './types';

/**
 * The front: the headword of a vocabulary card; the sentence without its blanked words otherwise.
 * @example frontSpeech(cloze 'Perluasan hubungan …' with 'Perluasan' blanked) → '… hubungan …'
 */
export function frontSpeech(card: DeckCard): string {
	if (card.kind === 'vocab') return card.headword;
	let out = '';
	let at = 0;
	for (const s of [...card.spans].sort((a, b) => a.start - b.start)) {
		out += card.sentence.slice(at, s.start) + '…';
		at = s.end;
	}
	return out + card.sentence.slice(at);
}

/** The back: the whole sentence. */
export function backSpeech(card: DeckCard): string {
	return card.sentence;
}
