// Finds fixed multi-word expressions (timbal balik, tidak hanya … tetapi juga) among a sentence's words.

import type { Analysis } from './types';

/** A phrase of the lexicon: each part is a run of headwords; parts may be split by other words. */
export interface Phrase {
	/** Canonical form, parts joined by " … ": "tidak hanya … tetapi juga". */
	headword: string;
	pos: string;
	gloss: string;
	/** Each way of writing it: a list of parts, each a list of headwords. */
	forms: string[][][];
}

/** Words that may stand between two parts of a split phrase. */
const MAX_GAP = 12;

/**
 * Parses `phrases.tsv` rows (phrase, pos, gloss, other spellings).
 * @example parsePhrases('kerja sama\tnoun\tcooperation\tkerjasama')[0].forms → [[['kerja', 'sama']], [['kerjasama']]]
 */
export function parsePhrases(text: string): Phrase[] {
	const out: Phrase[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		const content = line.replace(/^#.*$/, '').trimEnd();
		if (!content.trim()) return;
		const [headword, pos, gloss, others = ''] = content.split('\t').map((c) => c.trim());
		if (!headword || !pos || !gloss)
			throw new Error(`phrases.tsv line ${i + 1}: expected phrase, pos and gloss`);
		const spellings = [
			headword,
			...others
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		];
		out.push({ headword, pos, gloss, forms: spellings.map(toForm) });
	});
	return out;
}

function toForm(spelling: string): string[][] {
	return spelling.split('…').map((part) => part.trim().toLowerCase().split(/\s+/).filter(Boolean));
}

/** One occurrence: for each part, the indexes of its words in the word list. */
export interface PhraseMatch {
	phrase: Phrase;
	parts: number[][];
}

/**
 * Finds phrases in a sentence's words (given by their analyses, in order), longest first, never
 * overlapping. A word matches a phrase word by its headword (kerja samanya → kerja sama).
 */
export function findPhrases(words: Analysis[], phrases: Phrase[]): PhraseMatch[] {
	const keys = words.map((w) => w.headword.toLowerCase());
	const candidates: PhraseMatch[] = [];
	for (const phrase of phrases) {
		for (const form of phrase.forms) {
			for (let start = 0; start < keys.length; start++) {
				const parts = matchForm(keys, form, start);
				if (parts) candidates.push({ phrase, parts });
			}
		}
	}
	// Longest first (by words covered), then earliest.
	candidates.sort((a, b) => size(b) - size(a) || a.parts[0][0] - b.parts[0][0]);
	const used = new Set<number>();
	const chosen: PhraseMatch[] = [];
	for (const c of candidates) {
		const idx = c.parts.flat();
		if (idx.some((i) => used.has(i))) continue;
		idx.forEach((i) => used.add(i));
		chosen.push(c);
	}
	return chosen.sort((a, b) => a.parts[0][0] - b.parts[0][0]);
}

function size(m: PhraseMatch): number {
	return m.parts.flat().length;
}

function matchForm(keys: string[], form: string[][], start: number): number[][] | undefined {
	const parts: number[][] = [];
	let at = start;
	for (let p = 0; p < form.length; p++) {
		const words = form[p];
		let found = -1;
		const last = p === 0 ? at : Math.min(keys.length - words.length, at + MAX_GAP);
		for (let s = at; s <= last; s++) {
			if (words.every((w, k) => keys[s + k] === w)) {
				found = s;
				break;
			}
		}
		if (found < 0) return undefined;
		parts.push(words.map((_, k) => found + k));
		at = found + words.length;
	}
	return parts;
}
