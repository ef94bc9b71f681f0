// How a card's sentence is cut for display, shared by the components that draw it
// (components/SentenceText.svelte, components/ClozeBlank.svelte) and the review page's early script,
// which draws the first card before they have loaded (db/early/early-face.ts): the same cut twice
// would drift apart.

import type { Span } from './types';

/** A stretch of a sentence: marked (the card's word) or not. */
export interface SentencePart {
	text: string;
	marked: boolean;
}

/** The sentence cut at its spans, in order; the text between them unmarked. */
export function sentenceParts(text: string, spans: readonly Span[] = []): SentencePart[] {
	const out: SentencePart[] = [];
	let at = 0;
	for (const s of [...spans].sort((a, b) => a.start - b.start)) {
		if (s.start > at) out.push({ text: text.slice(at, s.start), marked: false });
		out.push({ text: text.slice(s.start, s.end), marked: true });
		at = s.end;
	}
	if (at < text.length) out.push({ text: text.slice(at), marked: false });
	return out;
}

/** A piece of a cloze sentence: text, or the blank of its `blank`-th span. */
export interface ClozePiece {
	text: string;
	blank?: number;
}

/** A cloze card's sentence as ClozeBlank draws it: its pieces, and where the text boxes go. */
export interface ClozeLayout {
	pieces: ClozePiece[];
	/** Blanks that take typing (those numbered below it); the others are drawn as lines. */
	boxes: number;
	/** The answer of each part of a split expression (tidak hanya … tetapi juga), else the one answer. */
	answers: string[];
}

/**
 * Each part of a split expression gets a text box; when one word stands twice, the first place is a
 * text box and the others lines.
 */
export function clozeLayout(text: string, spans: readonly Span[], answer: string): ClozeLayout {
	const sorted = [...spans].sort((a, b) => a.start - b.start);
	const answers = answer.split(' … ');
	const pieces: ClozePiece[] = [];
	let at = 0;
	sorted.forEach((s, i) => {
		pieces.push({ text: text.slice(at, s.start) }, { text: '', blank: i });
		at = s.end;
	});
	pieces.push({ text: text.slice(at) });
	return { pieces, boxes: answers.length === sorted.length ? sorted.length : 1, answers };
}

/** A text box's width in `ch`: its answer's length and some room. */
export const blankWidth = (layout: ClozeLayout, blank: number, answer: string): number =>
	Math.max(4, (layout.answers[blank] ?? answer).length + 2);

/** A text box's name for screen readers. */
export const blankLabel = (blank: number, boxes: number): string =>
	boxes > 1 ? `Missing words, part ${blank + 1} of ${boxes}` : 'Missing word';
