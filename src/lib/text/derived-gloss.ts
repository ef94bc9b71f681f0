// Composes an English gloss for a derived word from its root's gloss and its affixes, labelled as derived from the root.

import { affixPattern } from './affix-meanings';
import {
	adjectiveNoun,
	comparative,
	ordinal,
	pastParticiple,
	plural,
	presentParticiple,
	superlative,
	thirdPerson,
	withArticle
} from './english';
import type { Analysis, LexiconEntry } from './types';

/** A gloss made by rule rather than written by hand: the app shows it as such. */
export interface DerivedGloss {
	/** 'to press; to pressure (made from tekan, press)', or '(a noun made from laut, sea)' when no rule fits. */
	gloss: string;
	derived: true;
	/** The root it was made from. */
	from: string;
	/** The part of speech of the derived word, when the pattern tells it. */
	pos?: string;
}

/** The root's part of speech as the rules see it. */
type RootClass = 'verb' | 'noun' | 'adjective' | 'numeral';

/** Turns one sense of the root's gloss into one sense of the derived word, or undefined when it cannot. */
type Compose = (sense: string) => string | undefined;

/** A way of glossing a pattern on roots of one class, with a worked example. */
interface GlossRule {
	/** The pattern as `affixPattern` writes it, with '+R' for reduplication: 'meN-…-kan', 'ber-+R'. */
	pattern: string;
	root: RootClass;
	/** Part of speech of the derived word. */
	pos: string;
	compose: Compose;
	/** A word built this way, its root's sense and what the rule makes of it. */
	example: string;
}

/** English verbs that take no object, so that meN-…-kan on them is causative: datang "come" → mendatangkan "cause to come". */
const INTRANSITIVE = new Set(
	'come go arrive sit stand sleep fall rise die live run walk return enter exit appear disappear happen exist cry laugh smile fly swim wait stay lie float sink move stop start end begin grow rest settle land descend ascend climb jump bow kneel travel escape flee wander agree'.split(
		' '
	)
);

/** Units of time, which -an makes into "every …": harian (hari "day") → "every day". */
const TIME_UNITS = new Set(['day', 'week', 'month', 'year', 'hour', 'minute', 'night', 'century']);

/** The first word of a verb sense: 'press', 'pick' in 'pick up'. */
const firstWord = (sense: string) => /^\S+/.exec(sense)?.[0] ?? '';
/** A verb sense that is a verb at all: not 'there is', not a 'be' phrase where a passive is wanted. */
const isVerbSense = (sense: string) => !/^(?:there|it)\b/.test(sense);
const canBePassive = (sense: string) =>
	isVerbSense(sense) && !/^(?:be|become|seem|exist|happen|arrive)\b/.test(sense);
const causes = (sense: string) => INTRANSITIVE.has(firstWord(sense));
/** What a 'be' sense says the subject is: 'be lost' → 'lost'. */
const beState = (sense: string) => /^be (.+)$/.exec(sense)?.[1];

const toVerb: Compose = (s) => (isVerbSense(s) ? `to ${s}` : undefined);
const passive: Compose = (s) => (canBePassive(s) ? `to be ${pastParticiple(s)}` : undefined);
const makeAdjective: Compose = (s) => `to make (something) ${s}`;
const beMadeAdjective: Compose = (s) => `to be made ${s}`;

/** Each pattern on each class of root, with an example of the English it gives. */
const RULES: GlossRule[] = [
	{
		pattern: 'meN-',
		root: 'verb',
		pos: 'verb',
		compose: toVerb,
		example: 'menulis: tulis "write" → to write'
	},
	{
		pattern: 'meN-',
		root: 'adjective',
		pos: 'verb',
		compose: (s) => `to become ${s}`,
		example: 'meninggi: tinggi "high" → to become high'
	},
	{
		pattern: 'meN-…-kan',
		root: 'verb',
		pos: 'verb',
		compose: (s) =>
			isVerbSense(s)
				? causes(s)
					? `to cause to ${s}`
					: beState(s)
						? `to make (something) ${beState(s)}`
						: `to ${s}`
				: undefined,
		example:
			'menekankan: tekan "press" → to press; mendatangkan: datang "come" → to cause to come; menghilangkan: hilang "be lost" → to make (something) lost'
	},
	{
		pattern: 'meN-…-kan',
		root: 'adjective',
		pos: 'verb',
		compose: makeAdjective,
		example: 'menguatkan: kuat "strong" → to make (something) strong'
	},
	{
		pattern: 'meN-…-i',
		root: 'verb',
		pos: 'verb',
		compose: (s) =>
			isVerbSense(s)
				? causes(s)
					? `to ${s} to or on (something)`
					: `to ${s} (something)`
				: undefined,
		example:
			'mengikuti: ikut "follow" → to follow (something); mendatangi: datang "come" → to come to or on (something)'
	},
	{
		pattern: 'meN-…-i',
		root: 'adjective',
		pos: 'verb',
		compose: makeAdjective,
		example: 'membasahi: basah "wet" → to make (something) wet'
	},
	{
		pattern: 'meN-…-i',
		root: 'noun',
		pos: 'verb',
		compose: (s) => `to put ${withArticle(s)} on (something)`,
		example: 'membatasi: batas "limit" → to put a limit on (something)'
	},
	{
		pattern: 'di-',
		root: 'verb',
		pos: 'verb',
		compose: passive,
		example: 'ditulis: tulis "write" → to be written'
	},
	{
		pattern: 'di-…-kan',
		root: 'verb',
		pos: 'verb',
		compose: (s) =>
			causes(s) ? `to be caused to ${s}` : beState(s) ? `to be made ${beState(s)}` : passive(s),
		example:
			'ditekankan: tekan "press" → to be pressed; dihilangkan: hilang "be lost" → to be made lost'
	},
	{
		pattern: 'di-…-kan',
		root: 'adjective',
		pos: 'verb',
		compose: beMadeAdjective,
		example: 'dikuatkan: kuat "strong" → to be made strong'
	},
	{
		pattern: 'di-…-i',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (causes(s) ? undefined : passive(s)),
		example: 'diikuti: ikut "follow" → to be followed'
	},
	{
		pattern: 'di-…-i',
		root: 'adjective',
		pos: 'verb',
		compose: beMadeAdjective,
		example: 'dibasahi: basah "wet" → to be made wet'
	},
	{
		pattern: 'di-…-i',
		root: 'noun',
		pos: 'verb',
		compose: (s) => `to have ${withArticle(s)} put on (it)`,
		example: 'dibatasi: batas "limit" → to have a limit put on (it)'
	},
	{
		pattern: 'ber-',
		root: 'noun',
		pos: 'verb',
		compose: (s) => `having or using ${withArticle(s)}`,
		example: 'bersepeda: sepeda "bicycle" → having or using a bicycle'
	},
	{
		pattern: 'ber-',
		root: 'verb',
		pos: 'verb',
		compose: toVerb,
		example: 'berjalan: jalan "walk" → to walk'
	},
	{
		pattern: 'ber-',
		root: 'adjective',
		pos: 'verb',
		compose: (s) => `to be ${s}`,
		example: 'bergembira: gembira "happy" → to be happy'
	},
	{
		pattern: 'ber-',
		root: 'numeral',
		pos: 'verb',
		compose: (s) => (/^[a-z]+$/.test(s) ? `in a group of ${s}` : undefined),
		example: 'berdua: dua "two" → in a group of two'
	},
	{
		pattern: 'ber-…-an',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to ${s} together or in numbers` : undefined),
		example: 'berdatangan: datang "come" → to come together or in numbers'
	},
	{
		pattern: 'ber-…-an',
		root: 'adjective',
		pos: 'verb',
		compose: (s) => `to be ${s} to each other`,
		example: 'berdekatan: dekat "near" → to be near to each other'
	},
	{
		pattern: 'ter-',
		root: 'verb',
		pos: 'adjective',
		compose: (s) => (canBePassive(s) ? pastParticiple(s) : undefined),
		example: 'tertulis: tulis "write" → written'
	},
	{
		pattern: 'ter-',
		root: 'adjective',
		pos: 'adjective',
		compose: (s) => `the ${superlative(s)}`,
		example: 'terbesar: besar "big" → the biggest'
	},
	{
		pattern: 'peN-',
		root: 'verb',
		pos: 'noun',
		compose: (s) => (isVerbSense(s) ? `one who ${thirdPerson(s)}` : undefined),
		example: 'penulis: tulis "write" → one who writes'
	},
	{
		pattern: 'pe-',
		root: 'verb',
		pos: 'noun',
		compose: (s) => (isVerbSense(s) ? `one who ${thirdPerson(s)}` : undefined),
		example: 'pelaku: laku "do" → one who does'
	},
	{
		pattern: 'peN-',
		root: 'adjective',
		pos: 'noun',
		compose: (s) => `someone who is ${s}; something that makes things ${s}`,
		example: 'pemalu: malu "shy" → someone who is shy; …'
	},
	{
		pattern: 'peN-…-an',
		root: 'verb',
		pos: 'noun',
		compose: (s) => (isVerbSense(s) ? `the act of ${presentParticiple(s)}` : undefined),
		example: 'penulisan: tulis "write" → the act of writing'
	},
	{
		pattern: 'pe-…-an',
		root: 'verb',
		pos: 'noun',
		compose: (s) => (isVerbSense(s) ? `the act of ${presentParticiple(s)}` : undefined),
		example: 'pelatihan: latih "train" → the act of training'
	},
	{
		pattern: 'peN-…-an',
		root: 'adjective',
		pos: 'noun',
		compose: (s) => `the act of making (something) ${s}`,
		example: 'pembersihan: bersih "clean" → the act of making (something) clean'
	},
	{
		pattern: 'per-…-an',
		root: 'verb',
		pos: 'noun',
		compose: (s) =>
			isVerbSense(s) ? `the matter or result of ${presentParticiple(s)}` : undefined,
		example: 'pertemuan: temu "meet" → the matter or result of meeting'
	},
	{
		pattern: 'per-…-an',
		root: 'noun',
		pos: 'noun',
		compose: (s) => `matters of ${plural(s)}; an area of ${plural(s)}`,
		example: 'perumahan: rumah "house" → matters of houses; an area of houses'
	},
	{
		pattern: 'per-…-an',
		root: 'adjective',
		pos: 'noun',
		compose: (s) => `the act of making (something) ${s}`,
		example: 'perbaikan: baik "good" → the act of making (something) good'
	},
	{
		pattern: 'ke-…-an',
		root: 'adjective',
		pos: 'noun',
		compose: (s) => [adjectiveNoun(s), `the state of being ${s}`].filter(Boolean).join('; '),
		example:
			'keamanan: aman "safe" → safety; the state of being safe; kebersihan: bersih "clean" → cleanness; …'
	},
	{
		pattern: 'ke-…-an',
		root: 'verb',
		pos: 'noun',
		compose: (s) => (isVerbSense(s) ? `the fact of ${presentParticiple(s)}` : undefined),
		example: 'kedatangan: datang "come" → the fact of coming'
	},
	{
		pattern: 'ke-…-an',
		root: 'noun',
		pos: 'noun',
		compose: (s) => `matters of ${plural(s)}`,
		example: 'keuangan: uang "money" → matters of money'
	},
	{
		pattern: 'ke-',
		root: 'numeral',
		pos: 'numeral',
		compose: (s) => {
			const o = ordinal(s);
			return o ? `the ${o}; ${s === 'two' ? 'both' : `all ${s}`}` : undefined;
		},
		example: 'ketiga: tiga "three" → the third; all three'
	},
	{
		pattern: '-an',
		root: 'verb',
		pos: 'noun',
		compose: (s) =>
			canBePassive(s)
				? `something ${pastParticiple(s)}; the result of ${presentParticiple(s)}`
				: undefined,
		example: 'tulisan: tulis "write" → something written; the result of writing'
	},
	{
		pattern: '-an',
		root: 'noun',
		pos: 'adjective',
		compose: (s) => (TIME_UNITS.has(s) ? `every ${s}; by the ${s}` : undefined),
		example: 'harian: hari "day" → every day; by the day'
	},
	{
		pattern: '-isasi',
		root: 'adjective',
		pos: 'noun',
		compose: (s) => `making (something) ${s}`,
		example: 'privatisasi: privat "private" → making (something) private'
	},
	{
		pattern: '-isasi',
		root: 'noun',
		pos: 'noun',
		compose: (s) => `turning (something) into ${withArticle(s)}`,
		example: 'kristalisasi: kristal "crystal" → turning (something) into a crystal'
	},
	{
		pattern: 'se-',
		root: 'noun',
		pos: 'noun',
		compose: (s) => `one ${s}; the same ${s}`,
		example: 'serumah: rumah "house" → one house; the same house'
	},
	{
		pattern: 'se-',
		root: 'adjective',
		pos: 'adverb',
		compose: (s) => `as ${s} as`,
		example: 'sebesar: besar "big" → as big as'
	},
	{
		pattern: 'memper-',
		root: 'adjective',
		pos: 'verb',
		compose: (s) => `to make (something) ${comparative(s)}`,
		example: 'memperkuat: kuat "strong" → to make (something) stronger'
	},
	{
		pattern: 'memper-',
		root: 'noun',
		pos: 'verb',
		compose: (s) => `to take as ${withArticle(s)}; to treat as ${withArticle(s)}`,
		example: 'memperistri: istri "wife" → to take as a wife; …'
	},
	{
		pattern: 'memper-…-kan',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to ${s} (something)` : undefined),
		example: 'mempertanyakan: tanya "ask" → to ask (something)'
	},
	{
		pattern: 'memper-…-kan',
		root: 'adjective',
		pos: 'verb',
		compose: makeAdjective,
		example: 'memperjelaskan: jelas "clear" → to make (something) clear'
	},
	{
		pattern: 'memper-…-i',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to ${s} (something)` : undefined),
		example: 'mempelajari: ajar "learn" → to learn (something)'
	},
	{
		pattern: 'memper-…-i',
		root: 'adjective',
		pos: 'verb',
		compose: makeAdjective,
		example: 'memperbaiki: baik "good" → to make (something) good'
	},
	{
		pattern: 'diper-',
		root: 'adjective',
		pos: 'verb',
		compose: (s) => `to be made ${comparative(s)}`,
		example: 'diperkuat: kuat "strong" → to be made stronger'
	},
	{
		pattern: 'diper-',
		root: 'verb',
		pos: 'verb',
		compose: passive,
		example: 'dipermainkan: main "play" → to be played'
	},
	{
		pattern: 'diper-…-kan',
		root: 'verb',
		pos: 'verb',
		compose: passive,
		example: 'dipertanyakan: tanya "ask" → to be asked'
	},
	{
		pattern: 'diper-…-i',
		root: 'verb',
		pos: 'verb',
		compose: passive,
		example: 'dipelajari: ajar "learn" → to be learned'
	},
	{
		pattern: 'diper-…-i',
		root: 'adjective',
		pos: 'verb',
		compose: beMadeAdjective,
		example: 'diperbaiki: baik "good" → to be made good'
	},

	// Reduplication, alone and with affixes.
	{
		pattern: '+R',
		root: 'noun',
		pos: 'noun',
		compose: (s) => `various ${plural(s)}`,
		example: 'sayur-mayur: sayur "vegetable" → various vegetables'
	},
	{
		pattern: '+R',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to ${s} repeatedly` : undefined),
		example: 'pukul-pukul: pukul "hit" → to hit repeatedly'
	},
	{
		pattern: '+R',
		root: 'adjective',
		pos: 'adjective',
		compose: (s) => `very ${s}, or all ${s}`,
		example: 'besar-besar: besar "big" → very big, or all big'
	},
	{
		pattern: 'ber-+R',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to ${s} about; to keep ${presentParticiple(s)}` : undefined),
		example: 'berlari-lari: lari "run" → to run about; to keep running'
	},
	{
		pattern: 'meN-+R',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (isVerbSense(s) ? `to keep ${presentParticiple(s)}` : undefined),
		example: 'menari-nari: tari "dance" → to keep dancing'
	},
	{
		pattern: 'di-+R',
		root: 'verb',
		pos: 'verb',
		compose: (s) => (canBePassive(s) ? `to be ${pastParticiple(s)} repeatedly` : undefined),
		example: 'dipukul-pukul: pukul "hit" → to be hit repeatedly'
	},
	{
		pattern: 'ke-…-an+R',
		root: 'adjective',
		pos: 'adjective',
		compose: (s) => `rather ${s}; somewhat ${s}`,
		example: 'kemerah-merahan: merah "red" → rather red; somewhat red'
	},
	{
		pattern: 'se-+R',
		root: 'adjective',
		pos: 'adverb',
		compose: (s) => `as ${s} as possible`,
		example: 'setinggi-tingginya: tinggi "high" → as high as possible'
	}
];

const BY_KEY = new Map(RULES.map((r) => [`${r.pattern}|${r.root}`, r]));

/** What the derived word is, by pattern alone, for the fallback: peN-…-an makes nouns whatever the root. */
const POS_OF_PATTERN: Record<string, string> = {
	'meN-': 'verb',
	'meN-…-kan': 'verb',
	'meN-…-i': 'verb',
	'di-': 'verb',
	'di-…-kan': 'verb',
	'di-…-i': 'verb',
	'memper-': 'verb',
	'memper-…-kan': 'verb',
	'memper-…-i': 'verb',
	'diper-': 'verb',
	'diper-…-kan': 'verb',
	'diper-…-i': 'verb',
	'ber-': 'verb',
	'ber-…-an': 'verb',
	'ber-…-kan': 'verb',
	'peN-': 'noun',
	'pe-': 'noun',
	'peN-…-an': 'noun',
	'pe-…-an': 'noun',
	'per-…-an': 'noun',
	'ke-…-an': 'noun',
	'-an': 'noun'
};

/** How many parts ('; '-separated) a composed gloss has at most: senses of the root are used until it has them. */
const MAX_PARTS = 2;

/**
 * An English gloss for a derived headword, composed from its root's gloss by the rule for its
 * affix pattern and the root's part of speech, and labelled with the root. When no rule fits
 * (or none gives grammatical English for the root's senses), the gloss only says what it was
 * made from. Undefined when the word is not derived (no affixes) or its root is not in the lexicon.
 *
 * @example derivedGloss({ headword: 'menekankan', root: 'tekan', affixes: ['meN-', '-kan'] }, { root: 'tekan', pos: 'verb', gloss: 'press; emphasise', band: 1 })
 *   → { gloss: 'to press; to emphasise (made from tekan, press)', derived: true, from: 'tekan', pos: 'verb' }
 * @example derivedGloss({ headword: 'pelaut', root: 'laut', affixes: ['pe-'] }, { root: 'laut', pos: 'noun', gloss: 'sea', band: 1 })
 *   → { gloss: '(a noun made from laut, sea)', derived: true, from: 'laut', pos: 'noun' }
 */
export function derivedGloss(
	word: Pick<Analysis, 'headword' | 'root' | 'affixes'>,
	root: LexiconEntry | undefined
): DerivedGloss | undefined {
	if (!root || !word.affixes.length) return undefined;
	const reduplicated = word.affixes.includes('R');
	const pattern = affixPattern(word.affixes.filter((a) => a !== 'R'));
	const key = reduplicated ? `${pattern}+R` : pattern;
	const senses = root.gloss
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);
	const label = `made from ${root.root}, ${senses[0] ?? root.gloss}`;
	const cls = rootClass(root.pos);
	const rule = cls ? BY_KEY.get(`${key}|${cls}`) : undefined;
	if (rule) {
		const composed: string[] = [];
		for (const sense of senses) {
			if (composed.length >= MAX_PARTS) break;
			for (const part of rule.compose(sense)?.split('; ') ?? [])
				if (!composed.includes(part)) composed.push(part);
		}
		if (composed.length)
			return {
				gloss: `${composed.join('; ')} (${label})`,
				derived: true,
				from: root.root,
				pos: rule.pos
			};
	}
	const pos = POS_OF_PATTERN[pattern] ?? (reduplicated && !pattern ? root.pos : undefined);
	const kind = pos ? `${pos === 'adjective' || pos === 'adverb' ? 'an' : 'a'} ${pos} ` : '';
	return { gloss: `(${kind}${label})`, derived: true, from: root.root, ...(pos ? { pos } : {}) };
}

function rootClass(pos: string): RootClass | undefined {
	return pos === 'verb' || pos === 'noun' || pos === 'adjective' || pos === 'numeral'
		? pos
		: undefined;
}

/** The rules, for the word panel or a test to list: pattern, class of root, part of speech made, example. */
export const DERIVED_GLOSS_RULES: readonly Pick<
	GlossRule,
	'pattern' | 'root' | 'pos' | 'example'
>[] = RULES.map(({ pattern, root, pos, example }) => ({ pattern, root, pos, example }));
