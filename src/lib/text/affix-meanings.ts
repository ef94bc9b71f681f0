// What each affix pattern does to a root, as a teacher explains it, with an example from news Indonesian.

export interface AffixMeaning {
	/** The pattern as written in grammars: meN-…-kan. */
	pattern: string;
	/** What the pattern makes of a root. */
	meaning: string;
	/** A word built this way, and its gloss. */
	example: string;
}

const TABLE: AffixMeaning[] = [
	{ pattern: '', meaning: 'the bare root', example: 'tekan: press' },
	{
		pattern: 'meN-',
		meaning: 'an active verb: the subject does the action, with or without an object',
		example: 'membawa: to carry, bring'
	},
	{
		pattern: 'meN-…-kan',
		meaning:
			'a transitive or causative verb: to make something so, or to do the action to or for something',
		example: 'menguatkan: to strengthen'
	},
	{
		pattern: 'meN-…-i',
		meaning: 'a transitive verb whose action is aimed at its object or place, often repeatedly',
		example: 'memerangi: to fight (against)'
	},
	{
		pattern: 'memper-',
		meaning: 'a causative verb: to make more so',
		example: 'memperkuat: to make stronger'
	},
	{
		pattern: 'memper-…-kan',
		meaning: 'a causative verb: to make something the object of the action',
		example: 'mempertanyakan: to call into question'
	},
	{
		pattern: 'memper-…-i',
		meaning: 'a transitive verb: to do the action to something again or more',
		example: 'memperbaiki: to repair'
	},
	{
		pattern: 'di-',
		meaning: 'a passive verb: is done (by someone)',
		example: 'dibawa: is carried'
	},
	{
		pattern: 'di-…-kan',
		meaning: 'the passive of meN-…-kan: is made so, is done for something',
		example: 'diselenggarakan: is held, organised'
	},
	{ pattern: 'di-…-i', meaning: 'the passive of meN-…-i', example: 'dihadiri: is attended' },
	{ pattern: 'diper-', meaning: 'the passive of memper-', example: 'diperkuat: is strengthened' },
	{
		pattern: 'ber-',
		meaning: 'an intransitive verb, or having or using what the root names',
		example: 'bertekad: to be determined; berkembang: to develop'
	},
	{
		pattern: 'ber-…-an',
		meaning: 'a verb of many or mutual doers',
		example: 'berdatangan: to arrive one after another'
	},
	{
		pattern: 'ber-…-kan',
		meaning: 'a verb: to have something as what the root names',
		example: 'berdasarkan: based on'
	},
	{
		pattern: 'ter-',
		meaning: 'a state that results, an accidental action, or with adjectives the most',
		example: 'terakhir: last; termasuk: included'
	},
	{
		pattern: 'peN-',
		meaning: 'a noun of the doer or the tool: one who does it',
		example: 'penjaga: guard'
	},
	{
		pattern: 'pe-',
		meaning: 'a noun of the doer, from a ber- verb or before l, m, n, r, w, y',
		example: 'pejabat: official'
	},
	{
		pattern: 'peN-…-an',
		meaning: 'a noun of the process or act of doing it',
		example: 'pengembangan: development'
	},
	{
		pattern: 'pe-…-an',
		meaning: 'a noun of the process or act, from a ber- verb',
		example: 'pelatihan: training'
	},
	{
		pattern: 'per-',
		meaning: 'a causative verb stem (mostly inside memper- and diper-)',
		example: 'perkuat: strengthen'
	},
	{
		pattern: 'per-…-an',
		meaning: 'a noun of the result, the matter or the domain',
		example: 'perdagangan: trade; perbatasan: border'
	},
	{
		pattern: 'ke-…-an',
		meaning: 'an abstract noun: the state or quality of being so',
		example: 'keamanan: security'
	},
	{
		pattern: 'ke-',
		meaning: 'an ordinal number, or the group of so many',
		example: 'kedua: second; both'
	},
	{ pattern: 'se-', meaning: 'one, the same, or as … as', example: 'sesuai: in keeping with' },
	{
		pattern: '-an',
		meaning: 'a noun of the result, the thing or the means',
		example: 'hubungan: relation; ancaman: threat'
	},
	{
		pattern: '-kan',
		meaning: 'a transitive verb stem (imperative or inside meN-/di-)',
		example: 'tunjukkan: show!'
	},
	{
		pattern: '-i',
		meaning: 'a transitive verb stem aimed at its object',
		example: 'datangi: visit!'
	},
	{
		pattern: '-wan',
		meaning: 'a person who has, does or is expert in what the root names',
		example: 'wartawan: journalist'
	},
	{
		pattern: '-wati',
		meaning: 'a woman who has or does what the root names',
		example: 'karyawati: (female) employee'
	},
	{ pattern: '-man', meaning: 'a person of what the root names', example: 'seniman: artist' },
	{
		pattern: '-wi',
		meaning: 'an adjective: of or like what the root names',
		example: 'duniawi: worldly'
	},
	{
		pattern: '-isasi',
		meaning: 'a noun of the process of making it so (a loan suffix)',
		example: 'modernisasi: modernisation'
	},
	{
		pattern: '-isme',
		meaning: 'a noun of the doctrine or movement (a loan suffix)',
		example: 'terorisme: terrorism'
	},
	{
		pattern: '-is',
		meaning: 'an adjective or an adherent (a loan suffix)',
		example: 'ekonomis: economical'
	},
	{ pattern: '-if', meaning: 'an adjective (a loan suffix)', example: 'informatif: informative' },
	{ pattern: '-al', meaning: 'an adjective (a loan suffix)', example: 'tradisional: traditional' },
	{ pattern: '-er', meaning: 'a noun of the doer (a loan suffix)', example: 'desainer: designer' },
	{
		pattern: '-itas',
		meaning: 'a noun of the quality (a loan suffix)',
		example: 'aktivitas: activity'
	},
	{ pattern: 'pra-', meaning: 'before (a loan prefix)', example: 'prasekolah: preschool' },
	{ pattern: 'pasca-', meaning: 'after (a loan prefix)', example: 'pascaperang: post-war' },
	{ pattern: 'non-', meaning: 'not (a loan prefix)', example: 'nonformal: non-formal' },
	{ pattern: 'anti-', meaning: 'against (a loan prefix)', example: 'antikorupsi: anti-corruption' },
	{
		pattern: 'antar-',
		meaning: 'between (a prefix)',
		example: 'antarwarga: between residents'
	},
	{ pattern: 'eks-', meaning: 'former (a loan prefix)', example: 'eksnapi: ex-convict' },
	{ pattern: 'sub-', meaning: 'below, a part of (a loan prefix)', example: 'subbidang: sub-field' },
	{ pattern: 'multi-', meaning: 'many (a loan prefix)', example: 'multietnis: multi-ethnic' },
	{
		pattern: 'dwi-',
		meaning: 'two (a Sanskrit prefix)',
		example: 'dwibulanan: every two months'
	},
	{
		pattern: 'N-',
		meaning: 'informal: the active verb of meN- without its me-',
		example: 'nulis: to write (menulis)'
	},
	{
		pattern: 'nge-',
		meaning: 'informal: an active verb, or doing what the root names',
		example: 'ngopi: to have coffee'
	},
	{
		pattern: '-in',
		meaning: 'informal: the suffix -kan or -i',
		example: 'beliin: buy for (belikan)'
	},
	{
		pattern: 'N-…-in',
		meaning: 'informal: meN-…-kan or meN-…-i',
		example: 'nyariin: look for (someone)'
	},
	{
		pattern: 'nge-…-in',
		meaning: 'informal: meN-…-kan or meN-…-i',
		example: 'ngebeliin: buy for (someone)'
	},
	{
		pattern: 'di-…-in',
		meaning: 'informal: di-…-kan or di-…-i',
		example: 'dibeliin: is bought for (someone)'
	}
];

const BY_PATTERN = new Map(TABLE.map((m) => [m.pattern, m]));

/**
 * The grammar-book pattern of an affix list; reduplication (R) is left out.
 * @example affixPattern(['meN-', '-kan']) → 'meN-…-kan'
 * @example affixPattern(['ke-', '-an']) → 'ke-…-an'
 */
export function affixPattern(affixes: string[]): string {
	const prefixes = affixes.filter((a) => a.endsWith('-'));
	const suffixes = affixes.filter((a) => a.startsWith('-'));
	if (prefixes.length && suffixes.length)
		return `${prefixes.join('')}…${suffixes.join('')}`.replace(/-…-/, '-…-');
	return [...prefixes, ...suffixes].join('');
}

/** What a word's affixes do to its root, when the pattern is known. */
export function affixMeaning(affixes: string[]): AffixMeaning | undefined {
	return BY_PATTERN.get(affixPattern(affixes));
}

export const AFFIX_MEANINGS: readonly AffixMeaning[] = TABLE;
