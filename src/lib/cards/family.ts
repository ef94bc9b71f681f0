// Word families: every headword of the content built on one root, with what its affixes do.

import { affixMeaning } from '../text';
import type { Deck } from './types';

export interface FamilyMember {
	headword: string;
	gloss: string;
	pos: string;
	affixes: string[];
	/** What the affixes make of the root; empty for the root itself or an unknown pattern. */
	meaning: string;
	article: string;
}

export interface Family {
	root: string;
	rootGloss: string;
	members: FamilyMember[];
}

/** Roots that get a page: plain lowercase words (not abbreviations or expressions without a root). */
export function hasFamilyPage(root: string): boolean {
	return /^[a-z]+(-[a-z]+)*$/.test(root);
}

/**
 * The family of `root` across all decks, in order of first appearance.
 * @example family(decks, 'tekan').members.map((m) => m.headword) → ['menekankan', 'penekanan']
 */
export function family(decks: Deck[], root: string): Family {
	const members = new Map<string, FamilyMember>();
	let rootGloss = '';
	for (const deck of decks) {
		for (const c of deck.cards) {
			if (c.root !== root || c.kind !== 'vocab') continue;
			if (c.rootGloss) rootGloss ||= c.rootGloss;
			if (c.headword === root) rootGloss ||= c.gloss;
			if (members.has(c.headword)) continue;
			members.set(c.headword, {
				headword: c.headword,
				gloss: c.gloss,
				pos: c.pos,
				affixes: c.affixes,
				meaning: c.headword === root ? '' : (affixMeaning(c.affixes)?.meaning ?? ''),
				article: c.article
			});
		}
	}
	return { root, rootGloss, members: [...members.values()] };
}
