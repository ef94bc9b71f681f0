// Indonesian affix rules as data: each row says how a prefix is written before a root and how to undo it.

/**
 * A written form of a prefix. `before` tests the start of what follows the written prefix;
 * `restore` is the root's first letter that the prefix swallowed (nasal assimilation), if any.
 */
export interface PrefixRule {
	/** Dictionary name of the prefix: meN-, peN-, ber-, … */
	prefix: string;
	/** How it is written in the word. */
	written: string;
	/** What may follow the written form (tested on the rest of the word). */
	before: RegExp;
	/** Letter to put back at the start of the rest: menulis → (t)ulis. */
	restore?: string;
}

const V = /^[aeiou]/;

export const PREFIX_RULES: PrefixRule[] = [
	// meN- before s: the s drops and the nasal becomes ny, so menyapu → sapu (and sy: menyairkan → syair)
	{ prefix: 'meN-', written: 'meny', before: V, restore: 's' },
	{ prefix: 'meN-', written: 'meny', before: V, restore: 'sy' },
	// meN- before k: the k drops, so mengirim → kirim
	{ prefix: 'meN-', written: 'meng', before: V, restore: 'k' },
	// meN- before a vowel, g, h or kh keeps the root whole: mengacu → acu, menghormati → hormat
	{ prefix: 'meN-', written: 'meng', before: /^([aeiou]|g|h|kh)/ },
	// meN- keeps k in loanwords and some roots: mengkritik → kritik, mengkaji → kaji
	{ prefix: 'meN-', written: 'meng', before: /^k/ },
	// meN- before a one-syllable root becomes menge-: mengebom → bom, mengecat → cat
	{ prefix: 'meN-', written: 'menge', before: /^[^aeiou]+[aeiou][^aeiou]*$/ },
	// meN- before p: the p drops, so memukul → pukul, memerangi → perang
	{ prefix: 'meN-', written: 'mem', before: V, restore: 'p' },
	// meN- before b, f, v and loan p-clusters keeps the root: membawa → bawa, memproduksi → produksi
	{ prefix: 'meN-', written: 'mem', before: /^(b|f|v|p[lr])/ },
	// memper-: memperkuat → (meN- +) per- + kuat, mempelajari → per- (pel-) + ajar; the p of per- is kept
	{ prefix: 'meN-', written: 'mem', before: /^pe[lr]/ },
	// meN- before t: the t drops, so menulis → tulis, menekankan → tekan
	{ prefix: 'meN-', written: 'men', before: V, restore: 't' },
	// meN- before d, c, j, z and loan t- and s-clusters keeps the root: mendukung → dukung,
	// mencatat → catat, menstabilkan → stabil, mensyaratkan → syarat
	{ prefix: 'meN-', written: 'men', before: /^(d|c|j|z|tr|s[yktlmnpw])/ },
	// meN- before l, m, n, ng, ny, r, w, y is just me-: melawan → lawan, merusak → rusak
	{ prefix: 'meN-', written: 'me', before: /^(l|m|n|r|w|y)/ },

	// peN- follows the same nasal pattern: penyapu → sapu, pengembangan → kembang, penekanan → tekan
	{ prefix: 'peN-', written: 'peny', before: V, restore: 's' },
	{ prefix: 'peN-', written: 'peny', before: V, restore: 'sy' },
	{ prefix: 'peN-', written: 'peng', before: V, restore: 'k' },
	{ prefix: 'peN-', written: 'peng', before: /^k/ },
	{ prefix: 'peN-', written: 'peng', before: /^([aeiou]|g|h|kh)/ },
	{ prefix: 'peN-', written: 'penge', before: /^[^aeiou]+[aeiou][^aeiou]*$/ },
	{ prefix: 'peN-', written: 'pem', before: V, restore: 'p' },
	{ prefix: 'peN-', written: 'pem', before: /^(b|f|v|p[lr])/ },
	{ prefix: 'peN-', written: 'pen', before: V, restore: 't' },
	{ prefix: 'peN-', written: 'pen', before: /^(d|c|j|z|tr|s[yktlmnpw])/ },
	// pe- without a nasal: before l, m, n, r, w, y and in nouns of agent from ber- verbs:
	// pelaku → laku, pejabat → jabat, petani → tani
	{ prefix: 'pe-', written: 'pe', before: /^[a-z]/ },

	// ber- is be- before r and before roots whose first syllable ends in -er: berenang, bekerja
	{ prefix: 'ber-', written: 'ber', before: /^[a-z]/ },
	{ prefix: 'ber-', written: 'be', before: /^(r|[^aeiou]er)/ },
	// bel- only in belajar → ajar
	{ prefix: 'ber-', written: 'bel', before: /^ajar/ },
	// per- is pe- before r, pel- before ajar: perumahan → rumah, pelajaran → ajar
	{ prefix: 'per-', written: 'per', before: /^[a-z]/ },
	{ prefix: 'per-', written: 'pel', before: /^ajar/ },
	// inside meN- and di-, per- is pe- before r too: memperuncing, diperuncing → runcing
	{ prefix: 'per-', written: 'pe', before: /^r/ },
	{ prefix: 'ter-', written: 'ter', before: /^[a-z]/ },
	{ prefix: 'ter-', written: 'te', before: /^r/ },
	{ prefix: 'di-', written: 'di', before: /^[a-z]/ },
	{ prefix: 'ke-', written: 'ke', before: /^[a-z]/ },
	{ prefix: 'se-', written: 'se', before: /^[a-z]/ }
];

export const SUFFIXES = ['kan', 'i', 'an'] as const;
export type Suffix = (typeof SUFFIXES)[number];

/**
 * Which prefixes may stack, outermost first: memperkuat = meN- + per- + kuat,
 * keberhasilan = ke- + ber- + hasil + -an, pemberdayaan = peN- + ber- + daya + -an.
 */
export const PREFIX_STACKS = new Set([
	'meN-',
	'peN-',
	'ber-',
	'per-',
	'ter-',
	'di-',
	'ke-',
	'se-',
	'pe-',
	'meN- per-',
	'di- per-',
	'ter- per-',
	'ke- ber-',
	'peN- ber-',
	'pe- ber-',
	'ber- ke-',
	'se- peN-',
	'ke- ter-',
	// memberlakukan = meN- + ber- + laku + -kan; mengetahui = meN- + ke- + tahu + -i;
	// kepemimpinan = ke- + peN- + pimpin + -an; berpendapat = ber- + peN- + dapat
	'meN- ber-',
	'di- ber-',
	'meN- ke-',
	'di- ke-',
	'peN- ke-',
	'ke- peN-',
	'ke- pe-',
	'ber- peN-'
]);

/**
 * Which suffix each (outer) prefix may combine with: ke-…-an but never ke-…-i, meN-…-kan/-i
 * but never meN-…-an. The empty string means "no prefix" (hubungan = hubung + -an).
 */
export const CONFIXES: Record<string, ReadonlySet<string>> = {
	'': new Set(['', 'kan', 'i', 'an']),
	'meN-': new Set(['', 'kan', 'i']),
	'di-': new Set(['', 'kan', 'i']),
	'ter-': new Set(['', 'kan', 'i']),
	'ber-': new Set(['', 'an', 'kan']),
	'peN-': new Set(['', 'an']),
	'pe-': new Set(['', 'an']),
	'per-': new Set(['', 'an', 'kan', 'i']),
	'ke-': new Set(['', 'an']),
	// se- + a noun in -an: sebagian, seharian, serangkaian
	'se-': new Set(['', 'an'])
};

/** Clitics written onto a word: pronouns and particles that are not part of its dictionary form. */
export const ENCLITICS = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'] as const;
export const PROCLITICS = ['ku', 'kau'] as const;

/**
 * A suffix that loans and Sanskrit-derived words bring: it follows a root the lexicon knows, and
 * the root may change its end before it (`add` is put back after `written` is removed).
 */
export interface LoanSuffixRule {
	/** Dictionary name: -wan, -isasi, … */
	suffix: string;
	/** How the word ends. */
	written: string;
	/** What the root ends with that the suffix replaced: ekonom(is) → ekonom + i. */
	add?: string;
}

export const LOAN_SUFFIX_RULES: LoanSuffixRule[] = [
	// a person who has or does what the root names: dermawan → derma, sejarawan → sejarah
	{ suffix: '-wan', written: 'wan' },
	{ suffix: '-wan', written: 'wan', add: 'h' },
	{ suffix: '-wati', written: 'wati' },
	// seniman → seni
	{ suffix: '-man', written: 'man' },
	// of the kind of the root: duniawi → dunia
	{ suffix: '-wi', written: 'wi' },
	// making it so: urbanisasi → urban, modernisasi → modern, harmonisasi → harmoni.
	// Policy: -isasi is a suffix when its base is a root the lexicon knows and the word means making
	// (something) what the root names (digitalisasi → digital). A word whose base is no root of ours,
	// or whose meaning has left it, is a root of its own in roots.tsv and so stays whole:
	// organisasi, sosialisasi ("public outreach"), lokalisasi ("red-light district"), mobilisasi
	// (mobil is "car"), realisasi ("implementation"). See exceptions.tsv.
	{ suffix: '-isasi', written: 'isasi' },
	{ suffix: '-isasi', written: 'isasi', add: 'i' },
	// the doctrine of the root: terorisme → teror
	{ suffix: '-isme', written: 'isme' },
	// an adherent or a quality: realis → real, ekonomis → ekonomi, politis → politik, dinamis → dinamika
	// The roots in -i, -ik, -ika first: ekonomis is ekonomi + -is, though ekonom is a word too.
	{ suffix: '-is', written: 'is', add: 'i' },
	{ suffix: '-is', written: 'is', add: 'ik' },
	{ suffix: '-is', written: 'is', add: 'ika' },
	{ suffix: '-is', written: 'is' },
	// adjectives: sportif → sport, agresif → agresi, informatif → informasi, objektif → objek
	{ suffix: '-if', written: 'if' },
	{ suffix: '-if', written: 'if', add: 'i' },
	{ suffix: '-if', written: 'tif', add: 'si' },
	{ suffix: '-if', written: 'tif' },
	// adjectives: kultural → kultur, tradisional → tradisi
	{ suffix: '-al', written: 'al' },
	{ suffix: '-al', written: 'ional', add: 'i' },
	// on a Latin noun in -um: medial → medium, serebral → serebrum
	{ suffix: '-al', written: 'al', add: 'um' },
	// one who does it: desainer → desain
	{ suffix: '-er', written: 'er' },
	// the quality: realitas → real, aktivitas → aktif, popularitas → populer
	{ suffix: '-itas', written: 'itas' },
	{ suffix: '-itas', written: 'vitas', add: 'f' },
	{ suffix: '-itas', written: 'aritas', add: 'er' },
	// on a root in -ik: publisitas → publik, periodisitas → periodik
	{ suffix: '-itas', written: 'isitas', add: 'ik' }
];

/**
 * Prefixes of informal, spoken Indonesian (chat, social media): the bare nasal of meN- without
 * its me-, and nge-. Used only when no standard reading has a root the lexicon knows.
 */
export const INFORMAL_PREFIX_RULES: PrefixRule[] = [
	// nge- before a root of any length: ngecat → cat, ngebantu → bantu
	{ prefix: 'nge-', written: 'nge', before: /^[^aeiou]/ },
	// N- before s or c: nyetir → setir, nyari → cari
	{ prefix: 'N-', written: 'ny', before: V, restore: 's' },
	{ prefix: 'N-', written: 'ny', before: V, restore: 'c' },
	// N- before k or a vowel: ngasih → kasih, ngambil → ambil
	{ prefix: 'N-', written: 'ng', before: V, restore: 'k' },
	{ prefix: 'N-', written: 'ng', before: V },
	// N- before p or t: mikir → pikir, nulis → tulis
	{ prefix: 'N-', written: 'm', before: V, restore: 'p' },
	{ prefix: 'N-', written: 'n', before: V, restore: 't' },
	// di- takes the informal suffix too: dibeliin → beli
	{ prefix: 'di-', written: 'di', before: /^[a-z]/ }
];

/** The informal suffix that stands for -kan and -i: beliin → beli, bacain → baca. */
export const INFORMAL_SUFFIX = 'in';

/**
 * Prefixes that loans and Sanskrit bring, written onto a root (prasejarah, nonaktif, antarnegara)
 * or before it with a hyphen (pra-nikah, non-subsidi). A word the lexicon lists whole keeps its
 * entry; otherwise one of these on a root the lexicon knows is read as prefix + root:
 * pascapanen → pasca- + panen, dinonaktifkan → di- + non- + aktif + -kan. Longer forms first, so
 * that antar- is tried before anti-. De- and re- are left out: too many roots begin so.
 */
export const LOAN_PREFIXES = [
	// before, after: prapenuntutan, pascapanen
	'pra',
	'pasca',
	// not, against, between: nonaktif, antikorupsi, antarwarga
	'non',
	'anti',
	'antar',
	'kontra',
	'pro',
	// former: ekspejabat
	'eks',
	// below, above, beyond, across, inside: subbidang, super-, ultra-, ekstra-, trans-, intra-
	'sub',
	'super',
	'ultra',
	'ekstra',
	'infra',
	'trans',
	'inter',
	'intra',
	'hiper',
	// size: mikro-, makro-, mini-, mega-, nano-
	'mikro',
	'makro',
	'mini',
	'mega',
	'nano',
	// number: multi-, semi-, mono-, poli-, and the Sanskrit eka-, dwi-, tri-, catur-, panca-
	'multi',
	'semi',
	'mono',
	'poli',
	'eka',
	'dwi',
	'tri',
	'catur',
	'panca',
	// Sanskrit: swa- (self), tuna- (lacking), nir- (without), adi- (great), maha- (most),
	// purna- (after, retired), serba- (all kinds of)
	'swa',
	'tuna',
	'nir',
	'adi',
	'maha',
	'purna',
	'serba',
	// chemistry: tetra-, penta-, heksa- (pentaklorida, heksaklorida)
	'tetra',
	'penta',
	'heksa',
	// sciences: bio-, geo-, neo-, elektro-, hidro-, tele-
	'bio',
	'geo',
	'neo',
	'elektro',
	'hidro',
	'tele'
].sort((a, b) => b.length - a.length);
