// Finds a word's headword, root, affixes and class by generating every affix reading and letting the lexicon choose.

import { CONFIXES, ENCLITICS, PREFIX_RULES, PREFIX_STACKS, PROCLITICS, SUFFIXES } from './affixes';
import type { Phrase } from './phrases';
import { isReduplicationPair } from './segment';
import type { Analysis, LexiconEntry, WordClass } from './types';

/** Everything the analyser knows, read from `content/lexicon/`. */
export interface Lexicon {
	roots: Map<string, LexiconEntry>;
	functionWords: Set<string>;
	numberWords: Set<string>;
	/** Proper names that could be mistaken for common words (Baku, Jumat, Islam). */
	names: Set<string>;
	/** Abbreviations and acronyms, keyed by lowercase form. */
	abbreviations: Map<string, { abbr: string; expansion: string; gloss: string }>;
	/** Fixed multi-word expressions. */
	phrases: Phrase[];
	/** Titles and kinds of place that stand before a name and stay words (Presiden, Republik). */
	nameHeads: Set<string>;
	/** Policy choices: a word's analysis fixed by hand (pasukan stays pasukan). */
	exceptions: Map<string, { root: string; affixes: string[] }>;
}

interface Reading {
	root: string;
	prefixes: string[];
	suffix: string;
}

const MAX_PREFIXES = 2;

/** Every way of reading `word` as prefixes + root + suffix that the affix tables allow. */
export function readings(word: string): Reading[] {
	const out: Reading[] = [{ root: word, prefixes: [], suffix: '' }];
	for (const suffix of SUFFIXES) {
		if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
			out.push({ root: word.slice(0, -suffix.length), prefixes: [], suffix });
		}
	}
	// Strip up to MAX_PREFIXES prefixes from each suffix reading.
	const bare = [...out];
	for (const base of bare) stripPrefixes(base.root, [], base.suffix, out);
	return out.filter((r) => isPossibleRoot(r.root) && allowed(r));
}

function stripPrefixes(rest: string, prefixes: string[], suffix: string, out: Reading[]): void {
	if (prefixes.length >= MAX_PREFIXES) return;
	for (const rule of PREFIX_RULES) {
		if (!rest.startsWith(rule.written)) continue;
		const after = rest.slice(rule.written.length);
		if (!rule.before.test(after)) continue;
		const root = (rule.restore ?? '') + after;
		const stack = [...prefixes, rule.prefix];
		out.push({ root, prefixes: stack, suffix });
		stripPrefixes(root, stack, suffix, out);
	}
}

function allowed(r: Reading): boolean {
	if (r.prefixes.length && !PREFIX_STACKS.has(r.prefixes.join(' '))) return false;
	return CONFIXES[r.prefixes[0] ?? '']?.has(r.suffix) ?? false;
}

function isPossibleRoot(root: string): boolean {
	return root.length >= 2 && /[aeiou]/.test(root);
}

/** A reading from a dictionary-notation affix list (the exceptions table). */
function fromAffixes(root: string, affixes: string[]): Reading {
	const suffix = affixes.find((a) => a.startsWith('-'))?.slice(1) ?? '';
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	return { root, prefixes, suffix };
}

/** Dictionary notation of a reading's affixes: ['meN-', '-kan']; meN- + per- is written memper-. */
function affixList(r: Reading): string[] {
	const prefixes = r.prefixes.join(' ').replace(/^meN- per-/, 'memper-').replace(/^di- per-/, 'diper-');
	return [...(prefixes ? prefixes.split(' ') : []), ...(r.suffix ? [`-${r.suffix}`] : [])];
}

/**
 * Scores a reading: a root the lexicon knows beats any guess; then fewer affixes (a word that
 * only looks affixed, like `makan` or `perang`, stays whole); then a more frequent root
 * (memakan → makan, not pakan); then a longer root.
 */
function score(r: Reading, lex: Lexicon, clitics: number): number {
	const known = isKnown(r.root, lex) ? 1000 : 0;
	const band = lex.roots.get(r.root)?.band ?? 4;
	return known - 10 * (r.prefixes.length + (r.suffix ? 1 : 0)) - 15 * clitics - band + r.root.length * 0.1;
}

/** Readings with clitics removed, each with the clitics it lost. */
function cliticVariants(word: string): { base: string; clitics: string[] }[] {
	const out = [{ base: word, clitics: [] as string[] }];
	for (const e of ENCLITICS) {
		if (word.length > e.length + 2 && word.endsWith(e)) {
			out.push({ base: word.slice(0, -e.length), clitics: [`-${e}`] });
		}
	}
	for (const p of PROCLITICS) {
		if (word.length > p.length + 2 && word.startsWith(p)) {
			out.push({ base: word.slice(p.length), clitics: [`${p}-`] });
		}
	}
	return out;
}

interface Choice {
	reading: Reading;
	base: string;
	clitics: string[];
	known: boolean;
}

/** The best reading of a single (unhyphenated, lowercase) word. */
function analyseSimple(word: string, lex: Lexicon): Choice {
	let best: Choice | undefined;
	let bestScore = -Infinity;
	for (const { base, clitics } of cliticVariants(word)) {
		const fixed = lex.exceptions.get(base);
		if (fixed) return { reading: fromAffixes(fixed.root, fixed.affixes), base, clitics, known: true };
		for (const reading of readings(base)) {
			const s = score(reading, lex, clitics.length);
			if (s > bestScore) {
				bestScore = s;
				best = { reading, base, clitics, known: isKnown(reading.root, lex) };
			}
		}
	}
	if (best && best.known) return best;
	return { reading: guessUnknown(word), base: word, clitics: [], known: false };
}

/**
 * With no root in the lexicon, keep loanword-looking words whole (organisasi, terorisme) and
 * otherwise strip the clearest prefix and suffix, so the answer is a plausible guess.
 */
function guessUnknown(word: string): Reading {
	if (/(si|isme|is|tas|al|if|ik|er|or)$/.test(word)) return { root: word, prefixes: [], suffix: '' };
	const candidates = readings(word).filter((r) => r.root.length >= 4);
	candidates.sort((a, b) => affixList(b).length - affixList(a).length || b.root.length - a.root.length);
	return candidates[0] ?? { root: word, prefixes: [], suffix: '' };
}

/**
 * Builds the analyser over a lexicon. The returned function is pure and caches per written form.
 *
 * @example analyse('menekankan') → { headword: 'menekankan', root: 'tekan', affixes: ['meN-', '-kan'], cls: 'word' }
 * @example analyse('kegunaannya') → { headword: 'kegunaan', root: 'guna', affixes: ['ke-', '-an'], clitics: ['-nya'] }
 * @example analyse('negara-negara') → { headword: 'negara', root: 'negara', affixes: [] }
 */
export function createAnalyser(lex: Lexicon) {
	const cache = new Map<string, Analysis>();
	return function analyse(written: string): Analysis {
		const hit = cache.get(written);
		if (hit) return hit;
		const result = analyseWord(written, lex);
		cache.set(written, result);
		return result;
	};
}

function analyseWord(written: string, lex: Lexicon): Analysis {
	const surface = written.toLowerCase();
	const capitalised = /^\p{Lu}/u.test(written);
	const plain = { surface, headword: surface, root: surface, affixes: [], clitics: [], verified: true };

	if (/^\d|^ke-\d/.test(surface)) return { ...plain, cls: 'number' };
	const abbr = lex.abbreviations.get(surface);
	if (abbr) return { ...plain, headword: abbr.abbr, root: abbr.abbr, cls: 'abbr', expansion: abbr.expansion };
	if (lex.functionWords.has(surface)) return { ...plain, cls: 'function' };
	if (lex.numberWords.has(surface)) return { ...plain, cls: 'number' };
	if (capitalised && lex.names.has(surface)) return { ...plain, headword: written, root: written, cls: 'name' };

	const morph = analyseMorphology(surface, lex);
	if (lex.functionWords.has(morph.headword)) return { ...plain, ...morph, root: morph.headword, affixes: [], cls: 'function' };
	// A capital letter where capitals are not expected, on a word the lexicon does not know, marks a name.
	// A capitalised word the lexicon does not know is a name, wherever it stands: at the start of
	// a sentence or in a title-case headline a known word (Menekankan, Perluasan) is not.
	if (capitalised && !morph.verified) return { ...plain, headword: written, root: written, cls: 'name' };
	return { surface, ...morph, cls: 'word' as WordClass };
}

/** Headword, root and affixes of a lowercase word, including reduplicated ones. */
export function analyseMorphology(
	surface: string,
	lex: Lexicon
): Pick<Analysis, 'headword' | 'root' | 'affixes' | 'clitics' | 'verified'> {
	const parts = surface.split('-');
	if (parts.length === 2 && isReduplicationPair(parts[0], parts[1])) {
		const [a, b] = parts;
		// kupu-kupu, laba-laba: a reduplicated form that is a word of its own stays whole
		if (lex.roots.has(surface)) return whole(surface, true);
		const clitic = ENCLITICS.find((e) => b === a + e);
		if (a === b || clitic) {
			// negara-negara → negara; tetangga-tetangganya → tetangga (-nya)
			const first = analyseSimple(a, lex);
			return {
				headword: first.base,
				root: first.reading.root,
				affixes: affixList(first.reading),
				clitics: clitic ? [`-${clitic}`] : first.clitics,
				verified: first.known
			};
		}
		const affixed = affixedReduplication(a, b, lex);
		if (affixed) return affixed;
		// sayur-mayur: a rhyming pair, filed under the half the lexicon knows
		const first = analyseSimple(a, lex);
		const second = analyseSimple(b, lex);
		const pick = first.known || !second.known ? first : second;
		return {
			headword: surface,
			root: pick.reading.root,
			affixes: [...affixList(pick.reading), 'R'],
			clitics: [],
			verified: pick.known
		};
	}
	const choice = analyseSimple(surface, lex);
	return {
		headword: choice.base,
		root: choice.reading.root,
		affixes: affixList(choice.reading),
		clitics: choice.clitics,
		verified: choice.known
	};
}

function whole(word: string, verified: boolean) {
	return { headword: word, root: word, affixes: [], clitics: [], verified };
}

/**
 * ber-R (berlari-lari), ke-R-an (kemerah-merahan), se-R-nya: find the root that both halves repeat.
 */
function affixedReduplication(a: string, b: string, lex: Lexicon) {
	for (const root of [b, b.replace(/(an|kan|i|nya)$/, '')]) {
		if (!lex.roots.has(root) || !a.endsWith(root)) continue;
		const prefix = a.slice(0, -root.length);
		const suffix = b.slice(root.length);
		const reading = readings(prefix + root + suffix).find((r) => r.root === root);
		const affixes = reading ? affixList(reading) : [prefix ? `${prefix}-` : '', suffix ? `-${suffix}` : ''].filter(Boolean);
		return { headword: `${a}-${b}`, root, affixes: [...affixes, 'R'], clitics: [], verified: true };
	}
	return undefined;
}

/** A root is known when the lexicon lists it as a root or as a number word (kedua → dua). */
function isKnown(root: string, lex: Lexicon): boolean {
	return lex.roots.has(root) || lex.numberWords.has(root);
}
