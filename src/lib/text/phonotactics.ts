// Which strings could be an Indonesian root: the sounds a root may begin and end with. Used to keep
// guesses about unknown words from returning prefix material (nggerutu, mpertanggung, rjalan).

/**
 * How a root may begin: a vowel; one consonant; the digraphs ng, ny, sy, kh; or a consonant
 * cluster that loans bring (praktik, struktur, skala, klinik). Each is followed by a vowel.
 */
const ONSET =
	/^(?:[aeiou]|(?:ng|ny|sy|kh|str|spr|skr|[bcdfghjklmnpqrstvwxyz])(?:[aeiou])|(?:bl|br|dr|dw|fl|fr|gl|gr|kl|kr|kw|pl|pr|ps|sf|sk|sl|sm|sn|sp|st|sw|tr|ts|tw)[aeiou])/;

/**
 * How a root may end: a vowel, or one consonant that ends Indonesian syllables, or ng, or one of
 * the few final clusters of loans (teks, pers, film).
 */
const CODA = /(?:[aeiou]|ng|ks|ns|rs|lm|rm|[bdfghklmnprstwy])$/;
/** The only two consonants a root may end with (buddh, relev could not be roots). */
const FINAL_CLUSTER = /(?:ng|ks|ns|rs|lm|rm|kh|sy)$/;

/**
 * Whether `root` could be an Indonesian root by its sounds alone.
 * @example isPlausibleRoot('gerutu') → true
 * @example isPlausibleRoot('nggerutu') → false (meng- took the nasal: the root starts with g)
 * @example isPlausibleRoot('rjalan') → false (ber- was read as be- before r)
 */
export function isPlausibleRoot(root: string): boolean {
	return (
		root.length >= 3 &&
		ONSET.test(root) &&
		CODA.test(root) &&
		/[aeiou]/.test(root.slice(1)) &&
		(!/[^aeiou]{2}$/.test(root) || FINAL_CLUSTER.test(root))
	);
}

/**
 * Whether a root starts with a nasal that meN-/peN- would have written as part of the prefix
 * (ngintai after me-, nyanyi is a root the lexicon knows). Such a root is never a guess.
 * @example startsWithPrefixNasal('ngintai') → true
 */
export function startsWithPrefixNasal(root: string): boolean {
	return /^(ng|ny|mp|mb|nd|nt|nc|nj)/.test(root);
}

/** Letters Indonesian writes: a word with any other (é, ü, Arabic, Chinese, Korean script) is of another language. */
const NOT_INDONESIAN_LETTER = /[^a-z'’-]/;

/**
 * Spellings Indonesian never uses, which English and other European languages do: ck, ph, wh,
 * ch (Indonesian writes c or kh), ee, oo, ou, x; c before a consonant or at the end (Indonesian c
 * is always followed by a vowel); y that no vowel follows; endings such as -tion, -ment, -ness,
 * -ed and Latin -ae, -ensis, -eus; a double consonant after a vowel (staff, cutter, jogging);
 * final clusters English allows and Indonesian does not (lamp, word, contract). The Arabic
 * spellings of Indonesian words (th, sh, dh, q: thaharah, shalat, taqwa) are not among them.
 */
const FOREIGN_SPELLING = new RegExp(
	[
		'ck|ph|wh|ch|ee|oo|ou|x|c(?![aeiouh])|y(?![aeiou])',
		'(?:tion|sion|ment|ness|ship|ity|[^aeiou]ed|ae|ensis|eus|ii)$',
		'[aeiou](?:ff|tt|pp|dd|cc|zz|bb|gg)',
		'(?:mp|nd|ld|ft|lt|pt|ct|rd|rn|wn|ll|ss|nt|st|sk|lk|rb|rl|rp|sp|mb|gs|ts|ds|ps|bs)$'
	].join('|')
);

/**
 * Whether a word the lexicon does not know is spelt as no Indonesian word is: a word of another
 * language inside the text (open, cheeseburger, happiness, café). Only for unknown words:
 * the lexicon's own loans (backup, bypass, jazz) are Indonesian words whatever their spelling.
 * @example isForeignSpelling('cheeseburger') → true
 * @example isForeignSpelling('gerutu') → false
 * @example isForeignSpelling('thaharah') → false (an Arabic spelling of an Indonesian word)
 */
export function isForeignSpelling(word: string): boolean {
	return NOT_INDONESIAN_LETTER.test(word) || FOREIGN_SPELLING.test(word);
}
