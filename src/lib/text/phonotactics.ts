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
