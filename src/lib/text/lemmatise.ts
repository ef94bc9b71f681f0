// Finds a word's headword, root, affixes and class by generating every affix reading and letting the lexicon choose.

import {
	CONFIXES,
	ENCLITICS,
	INFORMAL_PREFIX_RULES,
	INFORMAL_SUFFIX,
	LOAN_PREFIXES,
	LOAN_SUFFIX_RULES,
	PREFIX_RULES,
	PREFIX_STACKS,
	PROCLITICS,
	SUFFIXES,
	type PrefixRule
} from './affixes';
import { blendOf } from './blends';
import {
	isForeignSpelling,
	isPlausibleRoot as soundsLikeRoot,
	startsWithPrefixNasal
} from './phonotactics';
import type { Phrase } from './phrases';
import { isReduplicationPair } from './segment';
import { spellingVariants } from './spelling';
import type { Analysis, LexiconEntry, WordClass } from './types';

/** Everything the analyser knows, read from `content/lexicon/`. */
export interface Lexicon {
	roots: Map<string, LexiconEntry>;
	functionWords: Set<string>;
	/** Words of other languages inside Indonesian text (the, of, de, bin): never cards (foreign-words.txt). */
	foreignWords?: Set<string>;
	numberWords: Set<string>;
	/** Proper names that could be mistaken for common words (Baku, Jumat, Islam). */
	names: Set<string>;
	/**
	 * Abbreviations and acronyms, keyed by lowercase form; also the heads (kemen-) and parts (-dag)
	 * of blends, `with` saying what each combines with (see abbreviations.tsv).
	 */
	abbreviations: Map<string, { abbr: string; expansion: string; gloss: string; with?: string[] }>;
	/** Fixed multi-word expressions. */
	phrases: Phrase[];
	/** Titles and kinds of place that stand before a name and stay words (Presiden, Republik). */
	nameHeads: Set<string>;
	/** Name heads that stand only before a personal name (Pak, Ibu, Haji): what follows is a name (Pak Budi). */
	personalTitles?: Set<string>;
	/** Policy choices: a word's analysis fixed by hand (pasukan stays pasukan); `informal` for spoken forms (tau → tahu). */
	exceptions: Map<string, { root: string; affixes: string[]; informal?: boolean }>;
}

interface Reading {
	root: string;
	prefixes: string[];
	suffix: string;
	/** meN-/peN- was written menge-/penge-, which only goes before one-syllable roots. */
	menge?: boolean;
	/** A loan suffix inside the suffix, on a prefixed loan: diprivatisasi = di- + privat + -isasi. */
	loan?: string;
	/** The first syllable repeated with e (rerumputan = runtuh, repeated, + -an). */
	redup?: boolean;
}

const CLITIC_END = /(nya|lah|kah|pun|ku|mu)$/;

/**
 * Receives one reading: root, outer and inner prefix ('' when absent), suffix, whether
 * menge-/penge- was used, and how the outer and inner prefixes are written (men, pe, be).
 */
type Visit = (
	root: string,
	outer: string,
	inner: string,
	suffix: string,
	menge: boolean,
	written: string,
	written2: string
) => void;

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
	if (isPossibleRoot(base)) visit(base, '', '', suffix, false, '', '');
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
		if (isPossibleRoot(root)) visit(root, rule.prefix, '', suffix, menge, rule.written, '');
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
				visit(
					root2,
					rule.prefix,
					rule2.prefix,
					suffix,
					menge || rule2.written.endsWith('nge'),
					rule.written,
					rule2.written
				);
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
	// an infix (-em-, -el-) is written with two hyphens: it stands with the prefixes
	const suffix = affixes.find((a) => a.startsWith('-') && !a.endsWith('-'))?.slice(1) ?? '';
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	return { root, prefixes, suffix };
}

/** Dictionary notation of a reading's affixes: ['meN-', '-kan']; meN- + per- is written memper-. */
function affixList(r: Reading): string[] {
	let prefixes = r.prefixes;
	if (prefixes[1] === 'per-' && (prefixes[0] === 'meN-' || prefixes[0] === 'di-')) {
		prefixes = [prefixes[0] === 'meN-' ? 'memper-' : 'diper-', ...prefixes.slice(2)];
	}
	const suffixes = r.loan ? [`-${r.loan}`] : [];
	if (r.suffix) suffixes.push(`-${r.suffix}`);
	if (r.redup) suffixes.push('R');
	return suffixes.length ? [...prefixes, ...suffixes] : prefixes;
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
	/** The word is informal, spoken Indonesian (nyetir, beliin). */
	informal?: boolean;
	/** The word is another spelling of one the lexicon knows (menzhalimi → kezaliman). */
	respelt?: boolean;
}

/** A word's analysis as the exceptions table fixes it. */
function fixedChoice(
	fixed: { root: string; affixes: string[]; informal?: boolean },
	base: string,
	clitics: string[]
): Choice {
	const c: Choice = { reading: fromAffixes(fixed.root, fixed.affixes), base, clitics, known: true };
	if (fixed.informal) c.informal = true;
	return c;
}

/** The best reading of a single (unhyphenated, lowercase) word. */
function analyseSimple(word: string, lex: Lexicon, respell = true): Choice {
	const fixed = lex.exceptions.get(word);
	if (fixed) return fixedChoice(fixed, word, []);
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
			if (fixed) return fixedChoice(fixed, base, clitics);
			searchBase(base, clitics, index, lex, state);
		}
	}
	// dibikin: a standard affix on an informal root (bikin) is informal too
	if (state.best)
		return lex.exceptions.get(state.best.reading.root)?.informal
			? { ...state.best, informal: true }
			: state.best;
	// No affix reading has a root the lexicon knows: loan suffixes (dermawan → derma), compounds
	// written as one word once affixed (ditandatangani → tanda tangan), then informal forms.
	const variants = cliticVariants(word);
	for (const { base, clitics } of variants) {
		const reading =
			loanReading(base, lex) ??
			loanPrefixReading(base, lex) ??
			prefixedLoanReading(base, lex) ??
			partialReduplication(base, lex) ??
			doubledKReading(base, lex) ??
			compoundReading(base, lex);
		if (reading) return { reading, base, clitics, known: true };
	}
	for (const { base, clitics } of variants) {
		const fixed = lex.exceptions.get(base);
		const reading = informalReading(base, lex);
		if (reading) return { reading, base, clitics, known: true, informal: true };
		if (fixed) return fixedChoice(fixed, base, clitics);
	}
	// menzhalimi, ramadhan, aktifitas: another spelling of a word the lexicon knows, read by the
	// affix rules alone (the fallbacks above would cost too much on every variant of every name)
	if (respell) {
		for (const { base, clitics } of variants) {
			for (const spelt of spellingVariants(base)) {
				const c = knownChoice(spelt, lex);
				if (c) return { ...c, base, clitics, respelt: true };
			}
		}
	}
	return guessUnknown(word, lex);
}

/**
 * A loan or Sanskrit-derived suffix on a root the lexicon knows.
 * @example loanReading('dermawan', lex) → { root: 'derma', suffix: 'wan' } when derma is known
 */
function loanReading(base: string, lex: Lexicon): Reading | undefined {
	if (!LOAN_END_ANY.test(base)) return undefined;
	for (const rule of LOAN_SUFFIX_RULES) {
		if (!base.endsWith(rule.written)) continue;
		const root = base.slice(0, -rule.written.length) + (rule.add ?? '');
		// tradisional → tradisi, but nasional is not nasi + -al
		if (rule.written === 'ional' && !(root.endsWith('si') && root.length >= 6)) continue;
		if (root.length >= 4 && lex.roots.has(root))
			return { root, prefixes: [], suffix: rule.suffix.slice(1) };
	}
	return undefined;
}

/** One test for every loan suffix and every loan prefix, so that most words skip the loops below. */
const LOAN_END_ANY = new RegExp(`(?:${LOAN_SUFFIX_RULES.map((r) => r.written).join('|')})$`);
const LOAN_START_ANY = new RegExp(`^(?:${LOAN_PREFIXES.join('|')})`);

/** loanReading as a choice: antiimperialisme's rest, imperialisme, is imperial + -isme. */
function loanReadingChoice(word: string, lex: Lexicon): Choice | undefined {
	const reading = loanReading(word, lex);
	return reading && { reading, base: word, clitics: [], known: true };
}

/**
 * A loan or Sanskrit prefix on a word the analyser reads with a root the lexicon knows, written
 * on or with a hyphen: the word's own affixes stay inside it.
 * @example loanPrefixReading('pascapanen', lex) → { root: 'panen', prefixes: ['pasca-'], suffix: '' }
 * @example loanPrefixReading('prakemerdekaan', lex) → { root: 'merdeka', prefixes: ['pra-', 'ke-'], suffix: 'an' }
 */
function loanPrefixReading(base: string, lex: Lexicon): Reading | undefined {
	if (!LOAN_START_ANY.test(base)) return undefined;
	for (const prefix of LOAN_PREFIXES) {
		if (!base.startsWith(prefix)) continue;
		const rest = base.slice(base[prefix.length] === '-' ? prefix.length + 1 : prefix.length);
		// at least four letters: non + ton is nonton (informal tonton), not non- + ton
		if (rest.length < 4 || rest.includes('-')) continue;
		const inner = knownChoice(rest, lex) ?? loanReadingChoice(rest, lex);
		if (!inner) continue;
		return { ...inner.reading, prefixes: [`${prefix}-`, ...inner.reading.prefixes] };
	}
	return undefined;
}

/**
 * A prefix (and suffix) on a loan whose own suffix or prefix is on a root the lexicon knows: the
 * verb or noun made from an -isasi or -itas word, or from non- or anti- + a root. The fewest
 * affixes win.
 * @example prefixedLoanReading('diprivatisasi', lex) → { root: 'privat', prefixes: ['di-'], suffix: '', loan: 'isasi' }
 * @example prefixedLoanReading('mensterilisasikan', lex) → { root: 'steril', prefixes: ['meN-'], suffix: 'kan', loan: 'isasi' }
 */
function prefixedLoanReading(base: string, lex: Lexicon): Reading | undefined {
	let best: Reading | undefined;
	let bestAffixes = Infinity;
	visitReadings(base, (root, outer, inner, suffix) => {
		if (!outer) return;
		const affixes = (inner ? 1 : 0) + (suffix ? 1 : 0);
		if (affixes >= bestAffixes) return;
		const prefixes = inner ? [outer, inner] : [outer];
		const loan = loanReading(root, lex);
		// dinonaktifkan = di- + non- + aktif + -kan: a loan prefix inside, on a bare root
		const pre = loan ? undefined : loanPrefixReading(root, lex);
		if (loan) best = { root: loan.root, prefixes, suffix, loan: loan.suffix };
		else if (pre && pre.prefixes.length === 1 && !pre.suffix)
			best = { root: pre.root, prefixes: [...prefixes, ...pre.prefixes], suffix };
		else return;
		bestAffixes = affixes;
	});
	return best;
}

/**
 * The first consonant of the root repeated with e (dwipurwa), alone or with -an: rerumputan
 * (runtuh), dedaunan (daun), tetumbuhan (tumbuh), lelangit (langit). Only when the word itself
 * is not in the lexicon (lelaki, tetangga, leluhur are).
 * @example partialReduplication('dedaunan', lex) → { root: 'daun', prefixes: [], suffix: 'an', redup: true }
 */
function partialReduplication(base: string, lex: Lexicon): Reading | undefined {
	const m = /^([bcdfghjklmnprstwy])e\1/.exec(base);
	if (!m || base.length < 7) return undefined;
	const inner = knownChoice(base.slice(2), lex);
	const r = inner?.reading;
	if (!r || r.prefixes.length) return undefined;
	if (r.suffix !== '' && r.suffix !== 'an') return undefined;
	return { root: r.root, prefixes: [], suffix: r.suffix, redup: true };
}

/**
 * -kan on a root ending in k written with one k, a common misspelling (dicocokan for
 * dicocokkan, dimasukan for dimasukkan): read as the standard form when no reading of the word
 * as written has a root the lexicon knows (mengatakan stays kata, never katak).
 * @example doubledKReading('dicocokan', lex) → { root: 'cocok', prefixes: ['di-'], suffix: 'kan' }
 */
function doubledKReading(base: string, lex: Lexicon): Reading | undefined {
	if (!/[aeiou]kan$/.test(base) || base.length < 7) return undefined;
	const standard = knownChoice(`${base.slice(0, -3)}kkan`, lex);
	return standard?.reading.suffix === 'kan' ? standard.reading : undefined;
}

/**
 * Two roots written as one word once affixed: ditandatangani = di- + tanda tangan + -i,
 * memberitahukan = meN- + beri tahu + -kan. The root is the compound, written apart.
 */
function compoundReading(base: string, lex: Lexicon): Reading | undefined {
	if (base.length < 8) return undefined;
	let best: Reading | undefined;
	let bestScore = -Infinity;
	visitReadings(base, (root, outer, inner, suffix) => {
		if (!outer && !suffix) return;
		for (let i = 3; i <= root.length - 3; i++) {
			const a = lex.roots.get(root.slice(0, i));
			const b = a && lex.roots.get(root.slice(i));
			// Both halves common words: rare ones split too many unknown roots by chance (tanggul + angan)
			if (!a || !b || a.band > 3 || b.band > 3 || a.band + b.band > 6) continue;
			const affixes = (outer ? 1 : 0) + (inner ? 1 : 0) + (suffix ? 1 : 0);
			const s = 10 * affixes - a.band - b.band;
			if (s <= bestScore) continue;
			bestScore = s;
			best = {
				root: `${a.root} ${b.root}`,
				prefixes: outer ? (inner ? [outer, inner] : [outer]) : [],
				suffix
			};
		}
	});
	return best;
}

/**
 * Informal, spoken forms of a root the lexicon knows: the bare nasal (nyetir → setir, mikir →
 * pikir), nge- (ngecat → cat), the suffix -in for -kan and -i (beliin → beli, dibacain → baca), and
 * the spoken vowels of their roots (nyimpen → simpan, ngeliat → lihat).
 */
function informalReading(base: string, lex: Lexicon): Reading | undefined {
	let best: Reading | undefined;
	let bestScore = -Infinity;
	const consider = (stem: string, prefix: string, suffix: string, pos: RegExp) => {
		spokenVariants(stem).forEach((root, changed) => {
			// a root the lexicon knows, or a word the exceptions keep whole (keluar: ngeluarin)
			const entry =
				lex.roots.get(root) ?? (lex.exceptions.get(root)?.root === root ? WHOLE_WORD : undefined);
			if (!entry || !pos.test(entry.pos)) return;
			// Written roots before spoken ones, verbs before other words (ngilangin: hilang, not kilang),
			// longer roots and commoner ones first.
			const s =
				-4 * Math.min(changed, 1) +
				(VERB.test(entry.pos) ? 3 : 0) +
				root.length * 0.5 -
				entry.band +
				(prefix && suffix ? 1 : 0);
			if (s <= bestScore) return;
			bestScore = s;
			best = { root, prefixes: prefix ? [prefix] : [], suffix };
		});
	};
	for (const suffix of ['', INFORMAL_SUFFIX]) {
		if (suffix && !(base.endsWith(suffix) && base.length > suffix.length + 2)) continue;
		const stem = suffix ? base.slice(0, -suffix.length) : base;
		if (suffix && stem.length >= 3) consider(stem, '', suffix, VERB);
		for (const rule of INFORMAL_PREFIX_RULES) {
			if (!stem.startsWith(rule.written)) continue;
			// di- is standard: only its informal suffix makes it informal (dibeliin)
			if (rule.prefix === 'di-' && !suffix) continue;
			const after = stem.slice(rule.written.length);
			if (!rule.before.test(after)) continue;
			const root = (rule.restore ?? '') + after;
			if (root.length >= 3) consider(root, rule.prefix, suffix, informalPos(rule, suffix));
		}
	}
	return best;
}

/** What the informal readings know of a word the exceptions table keeps whole. */
const WHOLE_WORD: LexiconEntry = { root: '', pos: 'verb', gloss: '', band: 2 };

const VERB = /verb/;

/**
 * Which roots an informal prefix goes with, by part of speech: a lone m- or n- only on verbs
 * (mikir, nulis), where a chance reading of a standard word (malu, nanti) is least likely; ng- and
 * ny- on verbs and nouns (ngopi), and with -in on adjectives too (ngilangin, nyenengin); nge- and
 * di- on any root.
 */
function informalPos(rule: PrefixRule, suffix: string): RegExp {
	if (rule.prefix !== 'N-') return /./;
	if (rule.written.length === 1) return VERB;
	return suffix ? /verb|noun|adjective/ : /verb|noun/;
}

/**
 * A root as written and as spoken: the spoken e of a last syllable (simpen → simpan), final e for
 * ai (pake → pakai), a dropped h between vowels (liat → lihat, tau → tahu) or at the start (abis →
 * habis). The written form first.
 */
function spokenVariants(root: string): string[] {
	const out = [root];
	const e = /^(.*[^aeiou])e([^aeiou]+)$/.exec(root);
	if (e) out.push(`${e[1]}a${e[2]}`);
	if (/[^aeiou]e$/.test(root)) out.push(`${root.slice(0, -1)}ai`);
	const h = /^([^aeiou]*[aeiou])([aeiou].*)$/.exec(root);
	if (h) out.push(`${h[1]}h${h[2]}`);
	if (/^[aeiou]/.test(root)) out.push(`h${root}`);
	return out;
}

/**
 * The reading of `word` with a root the lexicon knows by the exceptions, the roots and the affix
 * rules alone: no clitics, no fallbacks, no spoken forms. What the fallbacks ask of a part of a
 * word (the rest after pra-, the word after its repeated syllable), so that they stay cheap.
 */
function knownChoice(word: string, lex: Lexicon): Choice | undefined {
	const fixed = lex.exceptions.get(word);
	if (fixed) return fixed.informal ? undefined : fixedChoice(fixed, word, []);
	if (lex.roots.has(word))
		return {
			reading: { root: word, prefixes: [], suffix: '' },
			base: word,
			clitics: [],
			known: true
		};
	const state: Search = { best: undefined, score: -Infinity };
	searchBase(word, NO_CLITICS, stemIndex(lex), lex, state);
	return state.best?.known && !state.best.informal ? state.best : undefined;
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
			// A bare -i (the imperative: atasi, jauhi) on a root of three letters reads too many
			// roots in -i as affixed (peri is not per + -i)
			if (suffix === 'i' && !f.outer && f.root.length < 4) continue;
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

/** Endings of loans, which keep a word whole when no prefix explains it (organisasi, filosofi, relevan). */
const LOAN_END = /(si|isme|is|tas|al|if|ik|ika|er|or|ur|us|um|logi|fi|gi|tri|ri|on|en|ant|an)$/;

/** Loan endings in -i, where the -i is no suffix (disertasi, teritori). */
const LOAN_I_END = /(si|sti|logi|fi|gi|tri|ori)$/;

/** Endings of loans that di- does not make passive (diagonal, dimensional): keep such words whole. */
const LOAN_DI_END = /(al|ion|on|si|tas|if|isme|or|er)$/;

/** Prefix stacks plausible enough to strip from a word whose root is unknown. */
const GUESS_STACKS = new Set([
	'meN- per-',
	'di- per-',
	'ter- per-',
	'ke- ber-',
	'ke- ter-',
	'ke- peN-'
]);

/**
 * Whether a prefix reading is clear enough to strip when the root is unknown. meN-, peN- and di-
 * are; ber- and ter- before a consonant are; pe-, per-, ke- and ber-/ter- before a vowel only with a
 * suffix that completes them (pelita, kemarau, terumbu stay whole; keterangan does not); se- never
 * (selimut).
 */
function clearPrefix(outer: string, written: string, root: string, suffix: string): boolean {
	switch (outer) {
		case '':
		case 'meN-':
		case 'peN-':
		case 'di-':
			return true;
		case 'ber-':
		case 'ter-':
			return ((written === 'ber' || written === 'ter') && !/^[aeiou]/.test(root)) || suffix !== '';
		case 'pe-':
		case 'per-':
		case 'ke-':
			return suffix !== '';
		default:
			return false;
	}
}

/** Suffixes of loans and Sanskrit-derived words clear enough to strip from an unknown root: urbanisasi → urban. */
const GUESS_LOAN_SUFFIXES = /^(.{4,}?)(isasi|isme|wan|wati)$/;

/**
 * With no root in the lexicon: strip clitics (gerutunya → gerutu), then the clearest affixes
 * whose remainder Indonesian sounds allow as a root; otherwise keep the word whole.
 */
function guessUnknown(word: string, lex: Lexicon): Choice {
	for (const e of ENCLITICS) {
		const base = word.slice(0, -e.length);
		// -lah after l is Arabic (…llah), not the particle
		if (
			word.endsWith(e) &&
			base.length >= (e.length === 2 ? 4 : 3) &&
			/[aeiou]/.test(base.slice(-2)) &&
			!(e === 'lah' && base.endsWith('l'))
		) {
			return { reading: guessReading(base, lex), base, clitics: [`-${e}`], known: false };
		}
	}
	return { reading: guessReading(word, lex), base: word, clitics: [], known: false };
}

function guessReading(base: string, lex: Lexicon): Reading {
	const loan = GUESS_LOAN_SUFFIXES.exec(base);
	if (loan && soundsLikeRoot(loan[1]) && (!loan[2].startsWith('w') || /[aeiou]$/.test(loan[1]))) {
		return { root: loan[1], prefixes: [], suffix: loan[2] };
	}
	const loanLike = LOAN_END.test(base);
	const prior = initialPrior(lex);
	let best: Reading | undefined;
	let bestScore = -Infinity;
	visitReadings(base, (root, outer, inner, suffix, menge, written, written2) => {
		if (!outer && !suffix) return;
		if (root.length < (menge ? 3 : 4) || !soundsLikeRoot(root)) return;
		// meng-/meny- would have taken the nasal: mengintai is never me- + ngintai
		if (outer && startsWithPrefixNasal(root)) return;
		// menyusuri: s, not sy, unless the lexicon knows the sy- root
		if (root.startsWith('sy') && (written2 || written).endsWith('ny')) return;
		if (inner && !GUESS_STACKS.has(`${outer} ${inner}`)) return;
		// A bare -i or -an on a loan is part of it (filosofi, relevan); so is -i after a, as often
		// the end of a root (intai, pantai) as a suffix.
		if (suffix && !outer && (loanLike || suffix === 'i')) return;
		if (suffix === 'i' && (root.endsWith('a') || LOAN_I_END.test(`${root}i`))) return;
		// ber-…-an is rare beside a root in -an (berfirman is ber- + firman)
		if (outer === 'ber-' && suffix === 'an') return;
		// dis- and dipl- begin loans (distrik, diploma) more often than di- begins their passives
		if (
			outer === 'di-' &&
			!inner &&
			(/^(s[^aeiouy]|pl)/.test(root) || (!suffix && LOAN_DI_END.test(root)))
		)
			return;
		if (!clearPrefix(outer, written, root, suffix)) return;
		if (inner && !clearPrefix(inner, written2, root, suffix)) return;
		const affixes = (outer ? 1 : 0) + (inner ? 1 : 0) + (suffix ? 1 : 0);
		const s = 100 * affixes + prior(root) + root.length * 0.01;
		if (s <= bestScore) return;
		bestScore = s;
		best = { root, prefixes: outer ? (inner ? [outer, inner] : [outer]) : [], suffix };
	});
	return best ?? { root: base, prefixes: [], suffix: '' };
}

const PRIORS = new WeakMap<Lexicon, (root: string) => number>();

/**
 * How common a root's first sound is among the roots the lexicon knows, from 0 to 1: decides
 * between the readings of a nasal (mengintai: intai, not kintai; menyusur: susur).
 */
function initialPrior(lex: Lexicon): (root: string) => number {
	let prior = PRIORS.get(lex);
	if (prior) return prior;
	const key = (root: string) =>
		/^[aeiou]/.test(root)
			? 'V'
			: root.startsWith('sy') || root.startsWith('kh')
				? root.slice(0, 2)
				: root[0];
	const counts = new Map<string, number>();
	for (const root of lex.roots.keys()) counts.set(key(root), (counts.get(key(root)) ?? 0) + 1);
	const total = Math.max(1, lex.roots.size);
	prior = (root: string) => (counts.get(key(root)) ?? 0) / total;
	PRIORS.set(lex, prior);
	return prior;
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
	// KPK-nya: a clitic written after an abbreviation
	const hyphen =
		surface.length > 4 && surface.includes('-')
			? /^(.+)-(nya|ku|mu|lah|kah|pun)$/.exec(surface)
			: null;
	const abbrBase = hyphen ? lex.abbreviations.get(hyphen[1]) : undefined;
	if (hyphen && abbrBase)
		return {
			...wholeWord(hyphen[1], abbrBase.abbr, 'abbr'),
			surface,
			expansion: abbrBase.expansion,
			clitics: [`-${hyphen[2]}`]
		};
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
		// meskipun → meski: -pun on a conjunction still shows its root
		if (
			m.known &&
			(!m.clitics.length || m.clitics.join() === '-pun') &&
			m.reading.root !== surface
		) {
			a.root = m.reading.root;
			a.affixes = affixList(m.reading);
		}
		return a;
	}
	if (capitalised && lex.names.has(surface)) return wholeWord(surface, written, 'name');
	// A word of another language (the, of, de), or a lone letter (x, m, y): no Indonesian word is one letter.
	if (lex.foreignWords?.has(surface) || (surface.length === 1 && /\p{L}/u.test(surface)))
		return wholeWord(surface, written, 'foreign');

	// A capitalised word that only another spelling explains is a name (below): no need to look.
	const morph = analyseMorphology(surface, lex, !capitalised) as Analysis;
	morph.surface = surface;
	// Kapolres, Kemendag: a blend of a head and a part from the abbreviations table
	const blend = morph.verified ? undefined : blendOf(surface, lex);
	if (blend) return { ...wholeWord(surface, blend.abbr, 'abbr'), expansion: blend.expansion };
	// A capitalised word the lexicon does not know is a name, wherever it stands: at the start of
	// a sentence or in a title-case headline a known word (Menekankan, Perluasan) is not.
	if (capitalised && !morph.verified) return wholeWord(surface, written, 'name');
	// Ngabang, Djalan: only a spoken form or another spelling explains the capitalised word,
	// which is what names look like (at a sentence's start, document.ts weighs the evidence again).
	if (capitalised && (morph.informal || morph.respelt)) return wholeWord(surface, written, 'name');
	// surabaya, sunda: a name the names table lists, written in lowercase, that is no word we know.
	if (!morph.verified && lex.names.has(surface)) return wholeWord(surface, written, 'name');
	// A word without a vowel is an abbreviation the table lacks (sbb, pkl), never a word.
	if (!morph.verified && /^[a-z]+$/.test(surface) && !/[aeiouy]/.test(surface))
		return { ...wholeWord(surface, written, 'abbr'), verified: false };
	// An unknown word spelt as no Indonesian word is (cheeseburger, happiness, 東京) is of another language.
	if (!morph.verified && isForeignSpelling(surface)) return wholeWord(surface, written, 'foreign');
	// udah, nggak: the spoken form of a function word is a function word too
	morph.cls =
		lex.functionWords.has(morph.headword) || (morph.informal && lex.functionWords.has(morph.root))
			? 'function'
			: 'word';
	return morph;
}

function wholeWord(surface: string, headword: string, cls: WordClass): Analysis {
	return { surface, headword, root: headword, affixes: [], clitics: [], cls, verified: true };
}

/** Headword, root and affixes of a lowercase word, including reduplicated ones; `respell` tries other spellings (djalan). */
export function analyseMorphology(
	surface: string,
	lex: Lexicon,
	respell = true
): Pick<
	Analysis,
	'headword' | 'root' | 'affixes' | 'clitics' | 'verified' | 'informal' | 'respelt'
> {
	const parts = surface.includes('-') ? surface.split('-') : [];
	// hamba-Ku, KTP-nya: a clitic written after a hyphen
	const hyphenClitic =
		parts.length === 2 && parts[0].length >= 2 ? ENCLITICS.find((e) => parts[1] === e) : undefined;
	if (hyphenClitic) {
		const first = fromChoice(analyseSimple(parts[0], lex));
		return { ...first, clitics: [...first.clitics, `-${hyphenClitic}`] };
	}
	if (parts.length === 2 && isReduplicationPair(parts[0], parts[1])) {
		const [a, b] = parts;
		// A reduplicated form that is a word of its own is its own headword: built from its half when
		// the lexicon knows that half (tiba-tiba "suddenly" from tiba), whole when it does not (kupu-kupu).
		if (lex.roots.has(surface)) {
			if (a !== b || !lex.roots.has(a)) return whole(surface, true);
			return { headword: surface, root: a, affixes: ['R'], clitics: [], verified: true };
		}
		// mata-matanya, kupu-kupunya: a clitic on a reduplicated word of its own
		const onWhole = ENCLITICS.find(
			(e) => b.length > e.length && b.endsWith(e) && lex.roots.has(`${a}-${b.slice(0, -e.length)}`)
		);
		if (onWhole) {
			const headword = `${a}-${b.slice(0, -onWhole.length)}`;
			const reduplicated = lex.roots.has(a) && `${a}-${a}` === headword;
			return {
				headword,
				root: reduplicated ? a : headword,
				affixes: reduplicated ? ['R'] : [],
				clitics: [`-${onWhole}`],
				verified: true
			};
		}
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
	return fromChoice(analyseSimple(surface, lex, respell));
}

function fromChoice(
	choice: Choice
): Pick<
	Analysis,
	'headword' | 'root' | 'affixes' | 'clitics' | 'verified' | 'informal' | 'respelt'
> {
	const out: Pick<
		Analysis,
		'headword' | 'root' | 'affixes' | 'clitics' | 'verified' | 'informal' | 'respelt'
	> = {
		headword: choice.base,
		root: choice.reading.root,
		affixes: affixList(choice.reading),
		clitics: choice.clitics,
		verified: choice.known
	};
	if (choice.informal) out.informal = true;
	if (choice.respelt) out.respelt = true;
	return out;
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
	// The repeated half carries the nasal of meN- (menyebut-nyebutkan = menyebutkan, repeated) or
	// the other half adds a prefix (tembak-menembak, bahu-membahu): analyse the affixed whole.
	for (const suffix of ['', 'kan', 'i', 'an', 'nya']) {
		const stem = suffix ? (b.endsWith(suffix) ? b.slice(0, -suffix.length) : '') : b;
		const word = stem.length >= 3 && a.endsWith(stem) && a !== stem ? a + suffix : '';
		if (!word) continue;
		const c = analyseSimple(word, lex);
		if (!c.known) continue;
		const affixes = affixList(c.reading);
		// se-R-nya: -nya belongs to the pattern (sebaik-baiknya), not a pronoun
		if (c.clitics[0] === '-nya' && affixes[0] === 'se-')
			return {
				headword: `${a}-${b}`,
				root: c.reading.root,
				affixes: [...affixes, '-nya', 'R'],
				clitics: [],
				verified: true
			};
		return {
			headword: `${a}-${b}`,
			root: c.reading.root,
			affixes: [...affixes, 'R'],
			clitics: c.clitics,
			verified: true
		};
	}
	const second = analyseSimple(b, lex);
	if (second.known && second.reading.root === a) {
		return {
			headword: `${a}-${b}`,
			root: a,
			affixes: [...affixList(second.reading), 'R'],
			clitics: second.clitics,
			verified: true
		};
	}
	return undefined;
}
