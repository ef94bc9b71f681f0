// Other spellings of Indonesian words that texts still use: Arabic transliterations, the spelling
// before 1972, and common misspellings of loans. Each maps to the standard spelling the lexicon has.

/** One change from a nonstandard spelling towards the standard one, with an example. */
interface SpellingRule {
	from: RegExp;
	to: string;
}

/**
 * The changes, each applied to every place it matches. Only words whose written form the lexicon
 * cannot read are tried, so a standard word with these letters (khusus, tsunami) is never changed.
 */
const RULES: SpellingRule[] = [
	// Arabic transliterations: menzhalimi → menzalimi, ramadhan → ramadan, adzan → azan,
	// thaharah → taharah, shahih → sahih, syariah (shariah), qurban → kurban, khurma → kurma
	{ from: /zh/g, to: 'z' },
	{ from: /dh/g, to: 'd' },
	{ from: /dz/g, to: 'z' },
	{ from: /th/g, to: 't' },
	{ from: /sh/g, to: 's' },
	{ from: /sh/g, to: 'sy' },
	{ from: /q+/g, to: 'k' },
	{ from: /kh/g, to: 'k' },
	// a vowel, m or n written twice: sunnah → sunah, ummat → umat (grass and setter keep their double s and t)
	{ from: /([aiu])\1/g, to: '$1' },
	{ from: /([mn])\1/g, to: '$1' },
	// the spelling before 1972: soedah → sudah, djalan → jalan, tjinta → cinta, sjarat → syarat
	{ from: /oe/g, to: 'u' },
	{ from: /dj/g, to: 'j' },
	{ from: /tj/g, to: 'c' },
	{ from: /sj/g, to: 'sy' },
	{ from: /ch/g, to: 'kh' },
	// Malay and older spellings with an e the standard drops: sastera → sastra, putera → putra
	{ from: /(?<=[bdgkpst])e(?=r[aeiou])/g, to: '' },
	// -aan written with one a: kesetian → kesetiaan
	{ from: /an$/, to: 'aan' },
	// loans: aktifitas → aktivitas, enerji → energi, tehnik → teknik, apotik → apotek, respon → respons
	{ from: /f/g, to: 'v' },
	{ from: /j(?=[ei])/g, to: 'g' },
	{ from: /hn/g, to: 'kn' },
	{ from: /ik$/, to: 'ek' },
	{ from: /on$/, to: 'ons' }
];

/**
 * The spellings a nonstandard word could stand for, nearest first: each change alone, then each
 * pair of changes. The word itself is not among them.
 * @example spellingVariants('menzhalimi') → ['kezaliman']
 * @example spellingVariants('dhuhur')[0] → 'duhur'
 */
export function spellingVariants(word: string): string[] {
	const rules = RULES.filter((r) => {
		r.from.lastIndex = 0;
		return r.from.test(word);
	});
	const out = new Set<string>();
	const apply = (w: string, r: SpellingRule) => w.replace(r.from, r.to);
	for (const r of rules) out.add(apply(word, r));
	for (let i = 0; i < rules.length; i++)
		for (let j = i + 1; j < rules.length; j++) out.add(apply(apply(word, rules[i]), rules[j]));
	out.delete(word);
	// four letters or fewer are too short to tell a respelling from another word (dhal, qadi)
	return word.length < 5 ? [] : [...out].filter((w) => w.length >= 5);
}
