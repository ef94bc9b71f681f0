// Guesses whether a text is mostly Indonesian, from its function words and affixes, so the app can warn before analysing English.

/** What a text looks like. `unsure`: too few telling words to say. `other`: neither Indonesian nor English. */
export type LanguageVerdict = 'indonesian' | 'malay' | 'english' | 'mixed' | 'other' | 'unsure';

export interface LanguageGuess {
	verdict: LanguageVerdict;
	/** Share of the evidence that points to Indonesian (or Malay) rather than English, 0-1; 0.5 with no evidence. */
	indonesianShare: number;
	/** Word tokens read. */
	words: number;
	/** Share of the words that told something (a function word or a telling affix), 0-1. */
	coverage: number;
}

/**
 * Very common Indonesian function and everyday words that are not English words: one point each.
 * Words English shares (a, dan as a name, per, data) are left out.
 */
const INDONESIAN = new Set(
	`yang dan di ke dari ini itu dengan untuk tidak tak akan pada juga dalam ada adalah ialah oleh karena bahwa atau
	sudah telah saya aku kami kita mereka dia ia anda kamu beliau belum bisa dapat harus lebih sangat masih hanya para
	sebagai secara antara setelah sesudah sebelum ketika jika kalau namun tetapi tapi agar supaya saat seperti hingga
	sampai tersebut yaitu yakni bagi tentang terhadap sejak tanpa pun apa siapa mengapa kenapa bagaimana kapan mana sini
	sana situ begitu begini sekarang kemarin besok banyak semua setiap beberapa sebuah seorang satu dua tiga baru lagi
	sedang mau ingin boleh perlu bukan jangan ya nggak gak enggak kok dong sih saja juga lalu kemudian maka sehingga
	walaupun meskipun bila apabila dimana kepada daripada sendiri selalu pernah sering tahun orang hari kata ujar
	menurut sekitar serta hal cara sama masih tentu mungkin bahkan yakni ataupun maupun paling tiap kali demi atas
	bawah depan belakang luar sudah nya adapun yaitu sebab oleh-oleh`.split(/\s+/)
);

/** Very common English function words that are not Indonesian words: one point each. */
const ENGLISH = new Set(
	`the of and to in is that for it was on with as be at by this are from or have an they which you were not but his
	her had he she we has their been will would there can all more one about what when who if also its than into only
	other new some could them these may said after over such our most should how because been being do does did just
	those then so very where while why your my me him us any each both between through during before under against
	same own again further once here few off out up down yet nor whether though although until upon within without
	isn't don't it's i'm we're they're can't won't didn't doesn't shall might must go goes went gone come came get got
	make made know knew like time people year years day way man men woman women good well now still even much many says
	see saw want take took back home because around next last never always often`.split(/\s+/)
);

/**
 * Words of Malaysian Malay that Indonesian writes otherwise (kerana for karena, wang for uang,
 * kerajaan for pemerintah): they tell Malay from Indonesian.
 */
const MALAY = new Set(
	`kerana iaitu sahaja mahu wang kerajaan polis baharu selepas semasa percuma kereta hospital bilangan peratus bilion
	syarikat kakitangan kenderaan teksi universiti memandangkan menerusi sejurus encik puan datuk dato bandar
	hendaklah`.split(/\s+/)
);

/** Their Indonesian counterparts, which tell Indonesian from Malay. */
const INDONESIAN_NOT_MALAY = new Set(
	`karena yaitu mau uang pemerintah polisi sesudah gratis mobil persen miliar perusahaan karyawan kendaraan taksi
	universitas bisa nggak enggak gak banget kok dong sih bilang kantor`.split(/\s+/)
);

/** Indonesian affixes on longer words: meN-…-kan, di-…-kan, ber-, ke-…-an, peN-…-an, -nya. Half a point. */
const INDONESIAN_AFFIXED =
	/^(?:(?:me[mn]?g?|pe[mn]g?|di|ber|ter|ke|per)\p{L}{3,}(?:kan|an|i|nya)|\p{L}{3,}(?:kan|nya)|(?:meng|meny|mem[bp]|men[cdjt]|ber[a-z]|ter[a-z])\p{L}{4,})$/u;

/** English endings and letter pairs Indonesian spelling does not use: -tion, -ness, -ly, -ed, th, sh, wh. Half a point. */
const ENGLISH_SHAPED = /(?:tions?|ness|ments?|ly|ed)$|th|sh|wh|ck|ee|ph/;

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** Texts with fewer telling points than this are `unsure`. */
const MIN_EVIDENCE = 3;

/**
 * Whether a text is mostly Indonesian: each word that is a common Indonesian or English function
 * word counts one point for that language, and a word built with Indonesian affixes (or shaped
 * like English: -tion, th) half a point. The share of Indonesian points decides: at least 0.75 is
 * Indonesian (or Malay, when Malay-only words outnumber their Indonesian counterparts), at most
 * 0.25 English, and between them mixed. When under a tenth of 8 or more words tell anything, the
 * text is in some other language; otherwise, with fewer than 3 points, the guess is `unsure`. Only the first 20,000
 * words are read: that is plenty to tell.
 *
 * @example guessLanguage('Warga desa itu sudah menanam padi di sawah mereka.') → { verdict: 'indonesian', indonesianShare: 1, … }
 * @example guessLanguage('The villagers have already planted rice in their fields.') → { verdict: 'english', indonesianShare: 0, … }
 */
export function guessLanguage(text: string): LanguageGuess {
	let id = 0;
	let en = 0;
	let malay = 0;
	let notMalay = 0;
	let words = 0;
	let telling = 0;
	for (const m of text.slice(0, 400_000).matchAll(WORD)) {
		if (++words > 20_000) {
			words--;
			break;
		}
		const w = m[0].toLowerCase().replace(/’/g, "'");
		if (MALAY.has(w)) malay++;
		if (INDONESIAN_NOT_MALAY.has(w)) notMalay++;
		if (INDONESIAN.has(w)) {
			id += 1;
			telling++;
		} else if (ENGLISH.has(w)) {
			en += 1;
			telling++;
		} else if (
			w.length >= 6 &&
			!w.includes("'") &&
			INDONESIAN_AFFIXED.test(w) &&
			!ENGLISH_SHAPED.test(w)
		) {
			id += 0.5;
			telling++;
		} else if (w.length >= 4 && ENGLISH_SHAPED.test(w)) {
			en += 0.5;
			telling++;
		}
	}
	const evidence = id + en;
	const indonesianShare = evidence ? round(id / evidence) : 0.5;
	const coverage = words ? round(telling / words) : 0;
	let verdict: LanguageVerdict;
	if (words >= 8 && coverage < 0.1) verdict = 'other';
	else if (evidence < MIN_EVIDENCE) verdict = 'unsure';
	else if (indonesianShare >= 0.75)
		verdict = malay >= 2 && malay > 2 * notMalay ? 'malay' : 'indonesian';
	else if (indonesianShare <= 0.25) verdict = 'english';
	else verdict = 'mixed';
	return { verdict, indonesianShare, words, coverage };
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
