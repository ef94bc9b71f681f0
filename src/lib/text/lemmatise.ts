// Finds a word's headword, root, affixes and class by generating every affix reading and letting the lexicon choose.

import {
	CONFIXES,
	ENCLITICS,
	PREFIX_RULES,
	PREFIX_STACKS,
	PROCLITICS,
	SUFFIXES,
	type PrefixRule
} from './affixes';
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
	/** meN-/peN- was written menge-/penge-, which only goes before one-syllable roots. */
	menge?: boolean;
}

const CLITIC_END = /(nya|lah|kah|pun|ku|mu)$/;

/** Receives one reading: root, outer and inner prefix ('' when absent), suffix, and whether menge-/penge- was used. */
type Visit = (root: string, outer: string, inner: string, suffix: string, menge: boolean) => void;

/**
 * Calls `visit` for every way of reading `word` as prefixes + root + suffix that the affix tables
 * allow, without building an object per reading: this runs for every word of every text.
 */
export function visitReadings(word: string, visit: Visit): void {
	visitBase(word, '', visit);
	for (const suffix of SUFFIXES) {
		if (word.length > suffix.length + 2 && word.endsWith(suffix))
			visitBase(word.slice(0, -suffix.length), suffix, visit);
	}
}

function visitBase(base: string, suffix: string, visit: Visit): void {
	if (isPossibleRoot(base)) visit(base, '', '', suffix, false);
	const rules = RULES_BY_START.get(base.charCodeAt(0));
	if (!rules) return;
	for (const rule of rules) {
		if (!base.startsWith(rule.written)) continue;
		// The outer prefix decides the suffix it takes: ke-…-an, never ke-…-i.
		if (!CONFIXES[rule.prefix]?.has(suffix)) continue;
		const after = base.slice(rule.written.length);
		if (!rule.before.test(after)) continue;
		const root = rule.restore ? rule.restore + after : after;
		const menge = rule.written.endsWith('nge');
		if (isPossibleRoot(root)) visit(root, rule.prefix, '', suffix, menge);
		// One more prefix inside, if this one stacks (memperkuat = meN- + per- + kuat).
		const inside = INNER.get(rule.prefix);
		const inner = inside?.size ? RULES_BY_START.get(root.charCodeAt(0)) : undefined;
		if (!inner) continue;
		for (const rule2 of inner) {
			if (!inside!.has(rule2.prefix) || !root.startsWith(rule2.written)) continue;
			const after2 = root.slice(rule2.written.length);
			if (!rule2.before.test(after2)) continue;
			const root2 = rule2.restore ? rule2.restore + after2 : after2;
			if (isPossibleRoot(root2))
				visit(root2, rule.prefix, rule2.prefix, suffix, menge || rule2.written.endsWith('nge'));
		}
	}
}

/** Every reading of `word`, as objects (for tests and for guessing unknown words). */
export function readings(word: string): Reading[] {
	const out: Reading[] = [];
	visitReadings(word, (root, outer, inner, suffix, menge) => {
		const prefixes = outer ? (inner ? [outer, inner] : [outer]) : [];
		out.push(menge ? { root, prefixes, suffix, menge } : { root, prefixes, suffix });
	});
	return out;
}

/** Prefix rules by the first letter of their written form, so each word tries only its own. */
const RULES_BY_START = new Map<number, typeof PREFIX_RULES>();
for (const rule of PREFIX_RULES) {
	const key = rule.written.charCodeAt(0);
	RULES_BY_START.set(key, [...(RULES_BY_START.get(key) ?? []), rule]);
}

/** For each outer prefix, the prefixes that may stand inside it (meN- → per-, ber-, ke-). */
const INNER = new Map<string, Set<string>>();
for (const stack of PREFIX_STACKS) {
	const [outer, inner] = stack.split(' ');
	if (!INNER.has(outer)) INNER.set(outer, new Set());
	if (inner) INNER.get(outer)!.add(inner);
}

const VOWEL = /[aeiou]/;
function isPossibleRoot(root: string): boolean {
	return root.length >= 2 && VOWEL.test(root);
}

/** A reading from a dictionary-notation affix list (the exceptions table). */
function fromAffixes(root: string, affixes: string[]): Reading {
	const suffix = affixes.find((a) => a.startsWith('-'))?.slice(1) ?? '';
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	return { root, prefixes, suffix };
}

/** Dictionary notation of a reading's affixes: ['meN-', '-kan']; meN- + per- is written memper-. */
function affixList(r: Reading): string[] {
	let prefixes = r.prefixes;
	if (prefixes[1] === 'per-' && (prefixes[0] === 'meN-' || prefixes[0] === 'di-')) {
		prefixes = [prefixes[0] === 'meN-' ? 'memper-' : 'diper-', ...prefixes.slice(2)];
	}
	return r.suffix ? [...prefixes, `-${r.suffix}`] : prefixes;
}

/** Prefixes whose confix with -an (peN-…-an, per-…-an, ke-…-an) is far likelier than the prefix on an -an noun. */
const NOMINAL = new Set(['peN-', 'pe-', 'per-', 'ke-']);

/** What removing a clitic costs a reading: more than one affix, so a word read whole or with one affix keeps its clitic-looking ending (tanya, hanya). */
const CLITIC_COST = 25;

/**
 * Scores a reading: a root the lexicon knows beats any guess; then fewer affixes (a word that
 * only looks affixed, like `makan` or `perang`, stays whole); then a more frequent root
 * (memakan → makan, not pakan); then a longer root. menge- is the form meN- takes before
 * one-syllable roots only, so a known one-syllable root explains it better than a dropped k
 * (mengelas → las, not kelas). A peN-/per-/ke- reading whose root still ends in -an, when the
 * -an confix reading has a known root, explains less (pengawasan is peN- + awas + -an, not
 * peN- + kawasan).
 */
function score(
	root: string,
	outer: string,
	inner: string,
	suffix: string,
	menge: boolean,
	clitics: number,
	known: boolean,
	confixAn: boolean,
	lex: Lexicon
): number {
	if (!known) return -(outer ? 1 : 0) - (inner ? 1 : 0) - (suffix ? 1 : 0) - clitics;
	const affixes = (outer ? 1 : 0) + (inner ? 1 : 0) + (suffix ? 1 : 0);
	let s =
		1000 -
		10 * affixes -
		CLITIC_COST * clitics -
		(lex.roots.get(root)?.band ?? 4) +
		root.length * 0.1;
	if (menge) s += 6;
	if (confixAn && !suffix && NOMINAL.has(outer) && root.endsWith('an')) s -= 12;
	return s;
}

/** Readings with clitics removed, each with the clitics it lost. */
const NO_CLITICS: string[] = [];
function cliticVariants(word: string): { base: string; clitics: string[] }[] {
	const out = [{ base: word, clitics: NO_CLITICS }];
	if (!CLITIC_END.test(word) && !word.startsWith('ku') && !word.startsWith('kau')) return out;
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
	const fixed = lex.exceptions.get(word);
	if (fixed)
		return {
			reading: fromAffixes(fixed.root, fixed.affixes),
			base: word,
			clitics: [],
			known: true
		};
	// A word the lexicon lists as a root is that root: no affixed reading scores higher.
	if (lex.roots.has(word))
		return {
			reading: { root: word, prefixes: [], suffix: '' },
			base: word,
			clitics: [],
			known: true
		};
	// ke- + tidak + root + -an: the negated abstract noun (ketidakpastian → pasti)
	const negated = word.startsWith('ketidak') ? /^ketidak([a-z]{3,})an$/.exec(word) : null;
	if (negated) {
		const inner = analyseSimple(negated[1], lex);
		if (inner.known)
			return {
				...inner,
				base: word,
				reading: {
					...inner.reading,
					prefixes: ['ke-', 'tidak-', ...inner.reading.prefixes],
					suffix: 'an'
				}
			};
	}
	const state: Search = { best: undefined, score: -Infinity };
	const index = stemIndex(lex);
	searchBase(word, NO_CLITICS, index, lex, state);
	// Clitics: only when the word could carry one, and only while a reading without it could still win.
	if (CLITIC_END.test(word) || word.startsWith('ku') || word.startsWith('kau')) {
		for (const { base, clitics } of cliticVariants(word).slice(1)) {
			if (state.score >= 1000 - 10 - 4) break;
			const fixed = lex.exceptions.get(base);
			if (fixed)
				return { reading: fromAffixes(fixed.root, fixed.affixes), base, clitics, known: true };
			searchBase(base, clitics, index, lex, state);
		}
	}
	return state.best ?? { reading: guessUnknown(word), base: word, clitics: [], known: false };
}

interface Search {
	best: Choice | undefined;
	score: number;
}

/** Scores every reading of `base` (each suffix, then the stems of known roots it can be), keeping the best in `state`. */
function searchBase(
	base: string,
	clitics: string[],
	index: Map<string, Form[]>,
	lex: Lexicon,
	state: Search
): void {
	const anStems = base.length > 4 && base.endsWith('an') ? index.get(base.slice(0, -2)) : undefined;
	let confixAn = false;
	if (anStems) for (const f of anStems) if (NOMINAL.has(f.outer)) confixAn = true;
	for (const suffix of SUFFIX_READINGS) {
		if (suffix && !(base.length > suffix.length + 2 && base.endsWith(suffix))) continue;
		const stems =
			suffix === 'an' ? anStems : index.get(suffix ? base.slice(0, -suffix.length) : base);
		if (!stems) continue;
		for (const f of stems) {
			if (!f.confix.has(suffix)) continue;
			const s = score(
				f.root,
				f.outer,
				f.inner,
				suffix,
				f.menge,
				clitics.length,
				true,
				confixAn,
				lex
			);
			if (s <= state.score) continue;
			state.score = s;
			const prefixes = f.outer ? (f.inner ? [f.outer, f.inner] : [f.outer]) : [];
			state.best = { reading: { root: f.root, prefixes, suffix }, base, clitics, known: true };
		}
	}
}

/** One prefixed stem of a root the lexicon knows: which prefixes built it from which root. */
interface Form {
	root: string;
	/** Outer and inner prefix, '' when absent. */
	outer: string;
	inner: string;
	menge: boolean;
	/** The suffixes the outer prefix takes. */
	confix: ReadonlySet<string>;
}

/** The suffix readings tried on every word: none, then -kan, -i, -an. */
const SUFFIX_READINGS = ['', ...SUFFIXES];

const STEM_INDEXES = new WeakMap<Lexicon, Map<string, Form[]>>();

/**
 * Every prefixed stem of every root the lexicon knows, generated once per lexicon by running the
 * prefix rules forwards (tekan → tekan, menekan, ditekan, penekan, …); suffixes are stripped at
 * lookup. Analysing a word is then a few lookups instead of trying every rule backwards; words
 * whose root is not in the lexicon still get the backwards search (`guessUnknown`). The readings
 * and their scores are the same as `visitReadings` finds.
 */
export function stemIndex(lex: Lexicon): Map<string, Form[]> {
	const cached = STEM_INDEXES.get(lex);
	if (cached) return cached;
	const built = new Map<string, Form[]>();
	const add = (stem: string, form: Form) => {
		const list = built.get(stem);
		if (list) list.push(form);
		else built.set(stem, [form]);
	};
	for (const root of [...lex.roots.keys(), ...lex.numberWords]) {
		if (!isPossibleRoot(root)) continue;
		add(root, { root, outer: '', inner: '', menge: false, confix: CONFIXES[''] });
		for (const outer of PREFIX_RULES) {
			const menge = outer.written.endsWith('nge');
			const stem = applyRule(outer, root);
			const confix = CONFIXES[outer.prefix] ?? new Set<string>();
			if (stem !== undefined) add(stem, { root, outer: outer.prefix, inner: '', menge, confix });
			const inside = INNER.get(outer.prefix);
			if (!inside?.size) continue;
			for (const inner of PREFIX_RULES) {
				if (!inside.has(inner.prefix)) continue;
				const innerStem = applyRule(inner, root);
				const outerStem = innerStem === undefined ? undefined : applyRule(outer, innerStem);
				if (outerStem !== undefined)
					add(outerStem, {
						root,
						outer: outer.prefix,
						inner: inner.prefix,
						menge: menge || inner.written.endsWith('nge'),
						confix
					});
			}
		}
	}
	STEM_INDEXES.set(lex, built);
	return built;
}

/** A prefix rule run forwards: tulis with meN-/men-/restore t → menulis; undefined where it does not apply. */
function applyRule(rule: PrefixRule, stem: string): string | undefined {
	if (rule.restore && !stem.startsWith(rule.restore)) return undefined;
	const after = rule.restore ? stem.slice(rule.restore.length) : stem;
	return rule.before.test(after) ? rule.written + after : undefined;
}

/**
 * With no root in the lexicon, keep loanword-looking words whole (organisasi, terorisme) and
 * otherwise strip the clearest prefix and suffix, so the answer is a plausible guess.
 */
function guessUnknown(word: string): Reading {
	if (/(si|isme|is|tas|al|if|ik|er|or)$/.test(word))
		return { root: word, prefixes: [], suffix: '' };
	const candidates = readings(word).filter((r) => r.root.length >= 4);
	candidates.sort(
		(a, b) => affixList(b).length - affixList(a).length || b.root.length - a.root.length
	);
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

/** The full analysis of one written word, without the cache of `createAnalyser`. */
export function analyseWord(written: string, lex: Lexicon): Analysis {
	const surface = written.toLowerCase();
	const capitalised = written[0] !== surface[0];

	const first = surface.charCodeAt(0);
	if ((first >= 48 && first <= 57) || (surface.startsWith('ke-') && /^ke-\d/.test(surface)))
		return wholeWord(surface, surface, 'number');
	const abbr = lex.abbreviations.get(surface);
	if (abbr) return { ...wholeWord(surface, abbr.abbr, 'abbr'), expansion: abbr.expansion };
	// Function and number words keep their whole form as headword; their root is still shown
	// when the lexicon knows it (sebagai: se- + bagai; sepuluh: se- + puluh).
	const closed = lex.functionWords.has(surface)
		? 'function'
		: lex.numberWords.has(surface)
			? 'number'
			: undefined;
	if (closed) {
		const a = wholeWord(surface, surface, closed);
		const m = analyseSimple(surface, lex);
		if (m.known && !m.clitics.length && m.reading.root !== surface) {
			a.root = m.reading.root;
			a.affixes = affixList(m.reading);
		}
		return a;
	}
	if (capitalised && lex.names.has(surface)) return wholeWord(surface, written, 'name');

	const morph = analyseMorphology(surface, lex) as Analysis;
	morph.surface = surface;
	// A capitalised word the lexicon does not know is a name, wherever it stands: at the start of
	// a sentence or in a title-case headline a known word (Menekankan, Perluasan) is not.
	if (capitalised && !morph.verified) return wholeWord(surface, written, 'name');
	morph.cls = lex.functionWords.has(morph.headword) ? 'function' : 'word';
	return morph;
}

function wholeWord(surface: string, headword: string, cls: WordClass): Analysis {
	return { surface, headword, root: headword, affixes: [], clitics: [], cls, verified: true };
}

/** Headword, root and affixes of a lowercase word, including reduplicated ones. */
export function analyseMorphology(
	surface: string,
	lex: Lexicon
): Pick<Analysis, 'headword' | 'root' | 'affixes' | 'clitics' | 'verified'> {
	const parts = surface.includes('-') ? surface.split('-') : [];
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
		const affixes = reading
			? affixList(reading)
			: [prefix ? `${prefix}-` : '', suffix ? `-${suffix}` : ''].filter(Boolean);
		return { headword: `${a}-${b}`, root, affixes: [...affixes, 'R'], clitics: [], verified: true };
	}
	return undefined;
}
