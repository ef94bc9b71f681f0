// Acronym blends that news writes as words (Kapolres, Kemendag, Menpora): a head from the
// abbreviations table (kemen-, men-, pem-, ka-) joined to a part (-dag) or to a whole abbreviation
// (Polres), expanded and glossed from both.

import type { Lexicon } from './lemmatise';

export interface Blend {
	/** How the blend is written as a headword: Kapolres. */
	abbr: string;
	expansion: string;
	gloss: string;
}

interface Head {
	expansion: string;
	gloss: string;
	/** What the head goes before: parts (-dag), whole abbreviations (Polres), other blends (Kapolri). */
	takes: Set<string>;
}

interface Tables {
	/** Heads by lowercase form without the hyphen: kemen → Kementerian, "ministry of …". */
	heads: Map<string, Head>;
	longest: number;
}

const TABLES = new WeakMap<Lexicon, Tables>();

function tables(lex: Lexicon): Tables {
	let t = TABLES.get(lex);
	if (t) return t;
	const heads = new Map<string, Head>();
	for (const [key, row] of lex.abbreviations) {
		if (key.endsWith('-') && !key.startsWith('-'))
			heads.set(key.slice(0, -1), { ...row, takes: new Set(row.with ?? ['part']) });
	}
	t = { heads, longest: Math.max(0, ...[...heads.keys()].map((h) => h.length)) };
	TABLES.set(lex, t);
	return t;
}

/** What may follow `head`: a part that goes with it (-dag after kemen-), a whole abbreviation, or another blend. */
function part(
	head: string,
	takes: Set<string>,
	rest: string,
	lex: Lexicon,
	depth: number
): { expansion: string; gloss: string } | undefined {
	if (rest.length < 2) return undefined;
	const p = takes.has('part') ? lex.abbreviations.get(`-${rest}`) : undefined;
	if (p && (!p.with || p.with.includes(head))) return p;
	const whole = takes.has('abbr') && !rest.endsWith('-') ? lex.abbreviations.get(rest) : undefined;
	if (whole) return whole;
	return takes.has('blend') && depth < 2 ? blendOf(rest, lex, depth + 1) : undefined;
}

/**
 * The expansion of a blend built from the abbreviations table, or undefined.
 * @example blendOf('kemendag', lex) → { abbr: 'Kemendag', expansion: 'Kementerian Perdagangan', gloss: 'ministry of trade' }
 * @example blendOf('kapolres', lex) → { abbr: 'Kapolres', expansion: 'Kepala Kepolisian Resor', gloss: 'head of district police' }
 */
export function blendOf(word: string, lex: Lexicon, depth = 0): Blend | undefined {
	const { heads, longest } = tables(lex);
	const lower = word.toLowerCase();
	for (let n = Math.min(longest, lower.length - 2); n >= 1; n--) {
		const name = lower.slice(0, n);
		const head = heads.get(name);
		if (!head) continue;
		const p = part(name, head.takes, lower.slice(n), lex, depth);
		if (!p) continue;
		return {
			abbr: lower[0].toUpperCase() + lower.slice(1),
			expansion: `${head.expansion} ${p.expansion}`,
			gloss: head.gloss.includes('…')
				? head.gloss.replace('…', p.gloss)
				: `${head.gloss} ${p.gloss}`
		};
	}
	return undefined;
}
