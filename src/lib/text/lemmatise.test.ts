import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../../scripts/content-node';
import { analyseArticle, distinctWords } from './document';
import { createAnalyser, readings } from './lemmatise';
import { isPlausibleRoot } from './phonotactics';

const lex = readLexicon();
const analyse = createAnalyser(lex);

describe('headword, root and affixes of the seed article words', () => {
	it.each([
		// word, headword, root, affixes
		['menekankan', 'menekankan', 'tekan', 'meN- -kan'],
		['perluasan', 'perluasan', 'luas', 'per- -an'],
		['pengembangan', 'pengembangan', 'kembang', 'peN- -an'],
		['memerangi', 'memerangi', 'perang', 'meN- -i'],
		['menangani', 'menangani', 'tangan', 'meN- -i'],
		['menunjukkan', 'menunjukkan', 'tunjuk', 'meN- -kan'],
		['memainkan', 'memainkan', 'main', 'meN- -kan'],
		['mementingkan', 'mementingkan', 'penting', 'meN- -kan'],
		['mengembangkan', 'mengembangkan', 'kembang', 'meN- -kan'],
		['memperkuat', 'memperkuat', 'kuat', 'memper-'],
		['pergerakan', 'pergerakan', 'gerak', 'per- -an'],
		['penekanan', 'penekanan', 'tekan', 'peN- -an'],
		['kegunaannya', 'kegunaan', 'guna', 'ke- -an'],
		['tetangganya', 'tetangga', 'tetangga', ''],
		['pembicaraannya', 'pembicaraan', 'bicara', 'peN- -an'],
		['mengatasinya', 'mengatasi', 'atas', 'meN- -i'],
		['negara-negara', 'negara', 'negara', ''],
		['bangsa-bangsa', 'bangsa', 'bangsa', ''],
		['faktor-faktor', 'faktor', 'faktor', ''],
		['langkah-langkah', 'langkah', 'langkah', ''],
		['pasukan', 'pasukan', 'pasukan', ''],
		['kawasan', 'kawasan', 'kawasan', ''],
		['bekerja', 'bekerja', 'kerja', 'ber-'],
		['menyetujui', 'menyetujui', 'setuju', 'meN- -i'],
		['diselenggarakan', 'diselenggarakan', 'selenggara', 'di- -kan'],
		['terorganisir', 'terorganisir', 'organisir', 'ter-'],
		['pejabat', 'pejabat', 'jabat', 'pe-'],
		['kedua', 'kedua', 'dua', 'ke-'],
		['menteri', 'menteri', 'menteri', ''],
		['perang', 'perang', 'perang', '']
	])('%s → %s, %s, %s', (word, headword, root, affixes) => {
		const a = analyse(word);
		expect({
			headword: a.headword,
			root: a.root,
			affixes: a.affixes.join(' '),
			cls: a.cls
		}).toEqual({
			headword,
			root,
			affixes,
			cls: 'word'
		});
		expect(a.verified).toBe(true);
	});
});

describe('classes', () => {
	it.each([
		['dan', 'function'],
		['yang', 'function'],
		['bahwa', 'function'],
		['untuk', 'function'],
		['di', 'function'],
		['Ilham', 'name'],
		['Aliyev', 'name'],
		['Baku', 'name'],
		['Jumat', 'name'],
		['April', 'name'],
		['Iran', 'name'],
		['14/12', 'number'],
		['ke-11', 'number'],
		['lima', 'number'],
		['Letjen', 'abbr'],
		['Brigjen', 'abbr'],
		['Presiden', 'word'],
		['Menekankan', 'word'],
		['Konvergensi', 'word']
	])('%s is %s', (word, cls) => {
		expect(analyse(word).cls).toBe(cls);
	});

	it('expands abbreviations', () => {
		expect(analyse('Letjen')).toMatchObject({ headword: 'Letjen', expansion: 'Letnan Jenderal' });
	});
});

describe('words that only look affixed stay whole', () => {
	it.each([
		'makan',
		'minum',
		'berat',
		'tertib',
		'pelan',
		'kenal',
		'teman',
		'perang',
		'menteri',
		'tembakau'
	])('%s', (word) => {
		expect(analyse(word)).toMatchObject({ root: word, affixes: [] });
	});
});

describe('readings', () => {
	it('follows nasal assimilation, so menangani is never read as angan', () => {
		const roots = readings('menangani').map((r) => r.root);
		expect(roots).toContain('tangan');
		expect(roots).not.toContain('angan');
	});

	it('never pairs a prefix with a suffix it does not take (ke-…-i, meN-…-an)', () => {
		expect(readings('mengatakan').some((r) => r.root === 'katak')).toBe(false);
	});
});

describe('unknown roots', () => {
	it('are still analysed, and flagged unverified', () => {
		const a = analyseUnknown('menggerutu'); // gerutu (grumble), taken out of the lexicon here
		expect(a.cls).toBe('word');
		expect(a.verified).toBe(false);
		expect(a.affixes).toContain('meN-');
	});
});

describe('the seed article', () => {
	it('has every word of class word verified by the lexicon', () => {
		const raw = readFileSync(
			new URL('../../../content/articles/azerbaijan-iran.md', import.meta.url),
			'utf8'
		);
		const unverified = distinctWords(analyseArticle(raw, lex)).filter(
			(w) => w.cls === 'word' && !w.verified
		);
		expect(unverified.map((w) => w.surface)).toEqual([]);
	});
});

describe('names in running text', () => {
	const art = (body: string) =>
		analyseArticle(
			`---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\nJudul\n${body}`,
			lex
		).sentences[1].tokens.filter((t) => t.analysis);
	const classes = (body: string) =>
		Object.fromEntries(art(body).map((t) => [t.text, t.analysis!.cls]));

	it('reads a known word before a personal name as part of the name, but not a title', () => {
		expect(classes('Kemarin Budi Santoso bertemu Presiden Joko Widodo di Jakarta.')).toMatchObject({
			Budi: 'name',
			Santoso: 'name',
			Presiden: 'word',
			Joko: 'name',
			Jakarta: 'name'
		});
	});

	it('keeps a title before a known place name a word', () => {
		expect(classes('Ia bertemu Presiden Azerbaijan kemarin.')).toMatchObject({
			Presiden: 'word',
			Azerbaijan: 'name'
		});
	});
});

/** Words whose roots the lexicon does not know yet; the tests check each really is unknown. */
/** The roots these tests need unknown: the lexicon grows, and a test of guessing must not depend on it. */
const UNKNOWN = [
	'gerutu',
	'susur',
	'intai',
	'pelita',
	'selimut',
	'pelangi',
	'diktator',
	'terumbu',
	'kemban',
	'disket',
	'diferensial',
	'fisabilillah',
	'filosofi',
	'filosof',
	'derma',
	'dermawan',
	'urban',
	'urbanisasi'
];
const withoutKnown = readLexicon();
for (const root of UNKNOWN) withoutKnown.roots.delete(root);
const analyseUnknown = createAnalyser(withoutKnown);

const guess = (word: string) => {
	const a = analyseUnknown(word);
	expect(a.verified, `${word} should have an unknown root`).toBe(false);
	return a;
};

describe('unknown roots are ones Indonesian sounds allow, or the word itself', () => {
	it.each([
		// word, root, affixes
		['menggerutu', 'gerutu', 'meN-'],
		['penggerutu', 'gerutu', 'peN-'],
		['menggerutukan', 'gerutu', 'meN- -kan'],
		['digerutui', 'gerutu', 'di- -i'],
		['menyusuri', 'susur', 'meN- -i'],
		['mengintai', 'intai', 'meN-']
	])('%s → %s (%s)', (word, root, affixes) => {
		const a = guess(word);
		expect({ root: a.root, affixes: a.affixes.join(' ') }).toEqual({ root, affixes });
	});

	it.each(['pelita', 'selimut', 'pelangi', 'diktator', 'terumbu'])(
		'%s is a root that only looks prefixed, kept whole',
		(word) => {
			expect(guess(word)).toMatchObject({ root: word, affixes: [] });
		}
	);

	it('keeps ber- on a root in -an rather than reading ber-…-an', () => {
		expect(guess('berkemban')).toMatchObject({ root: 'kemban', affixes: ['ber-'] });
	});

	it.each(['disket', 'diferensial'])('keeps the loan %s whole rather than reading di-', (word) => {
		expect(guess(word)).toMatchObject({ root: word, affixes: [] });
	});

	it('keeps -lah after l, which is Arabic, not the particle', () => {
		expect(guess('fisabilillah')).toMatchObject({ root: 'fisabilillah', clitics: [] });
	});

	it('does not read a bare -i on a root of three letters (bani is not ban + -i)', () => {
		expect(analyse('bani')).toMatchObject({ root: 'bani', affixes: [] });
	});

	it.each(['beranda', 'kemarau'])('%s, a root the lexicon knows, stays whole', (word) => {
		expect(analyse(word)).toMatchObject({ root: word, affixes: [], verified: true });
	});
});

describe('loanwords', () => {
	it.each(['relevan', 'veteran', 'energi', 'strategi'])('%s keeps its -an or -i', (word) => {
		expect(analyse(word)).toMatchObject({ root: word, affixes: [] });
	});

	it('keeps -i on an unknown loan too', () => {
		expect(guess('filosofi')).toMatchObject({ root: 'filosofi', affixes: [] });
	});

	it.each([
		['rohaniwan', 'rohani', '-wan'],
		['seniman', 'seni', '-man'],
		['karyawati', 'karya', '-wati'],
		['duniawi', 'dunia', '-wi'],
		['ekonomis', 'ekonomi', '-is'],
		['politis', 'politik', '-is']
	])('%s → %s + %s', (word, root, suffix) => {
		expect(analyse(word)).toMatchObject({ root, affixes: [suffix], verified: true });
	});

	it.each([
		['privatisasi', 'privat', '-isasi'],
		['sterilisasi', 'steril', '-isasi'],
		['harmonisasi', 'harmoni', '-isasi']
	])('-isasi on a root the lexicon knows is a suffix: %s → %s + %s', (word, root, suffix) => {
		expect(analyse(word)).toMatchObject({ root, affixes: [suffix], verified: true });
	});

	it.each(['organisasi', 'sosialisasi', 'lokalisasi', 'mobilisasi'])(
		'%s, whose meaning has left its base, is a root of its own (policy in exceptions.tsv)',
		(word) => {
			expect(analyse(word)).toMatchObject({ root: word, affixes: [], verified: true });
		}
	);

	it.each([
		['diprivatisasi', 'privat', 'di- -isasi'],
		['mensterilisasikan', 'steril', 'meN- -isasi -kan'],
		['dinaturalisasi', 'natural', 'di- -isasi']
	])('a prefix on a loan keeps its loan suffix: %s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});

	it.each([
		['dermawan', 'derma', '-wan'],
		['urbanisasi', 'urban', '-isasi']
	])('strips %s to %s even when the root is unknown', (word, root, suffix) => {
		expect(guess(word)).toMatchObject({ root, affixes: [suffix] });
	});
});

describe('loan and Sanskrit prefixes', () => {
	it.each([
		['pascaperang', 'perang', 'pasca-'],
		['multietnik', 'etnik', 'multi-'],
		['pra-nikah', 'nikah', 'pra-'],
		['non-subsidi', 'subsidi', 'non-'],
		['prakemerdekaan', 'merdeka', 'pra- ke- -an'],
		['menganti-korupsikan', 'korupsi', 'meN- anti- -kan'],
		['pasca-panen', 'panen', 'pasca-'],
		['eksnapi', 'napi', 'eks-'],
		['pentaklorida', 'klorida', 'penta-']
	])('%s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});

	it.each(['nonaktif', 'antarsuku', 'semifinal', 'tunawisma'])(
		'%s, which the lexicon lists whole, keeps its entry',
		(word) => {
			expect(analyse(word)).toMatchObject({ root: word, affixes: [], verified: true });
		}
	);

	it('does not take a prefix off a root it does not know (pragerutu stays a guess)', () => {
		expect(guess('pragerutu')).toMatchObject({ verified: false });
	});
});

describe('reduplication', () => {
	it.each([
		['kupu-kupunya', 'kupu-kupu', '-nya'],
		['kura-kuramu', 'kura-kura', '-mu'],
		['oleh-olehnya', 'oleh-oleh', '-nya']
	])('a clitic on a reduplicated word of its own: %s → %s + %s', (word, headword, clitic) => {
		expect(analyse(word)).toMatchObject({ headword, clitics: [clitic], verified: true });
	});

	it.each([
		['rerumputan', 'rumput', '-an R'],
		['dedaunan', 'daun', '-an R'],
		['tetumbuhan', 'tumbuh', '-an R'],
		['lelangit', 'langit', 'R']
	])('the first consonant repeated with e: %s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});

	it.each(['lelaki', 'tetangga'])('%s, a root of its own, is not read as reduplicated', (word) => {
		expect(analyse(word)).toMatchObject({ root: word, affixes: [] });
	});
});

describe('-kan on a root in k written with one k', () => {
	it.each([
		['dicocokan', 'cocok', 'di- -kan'],
		['dimasukan', 'masuk', 'di- -kan'],
		['menggerakan', 'gerak', 'meN- -kan'],
		['ditolakan', 'tolak', 'di- -kan']
	])('%s is read as the standard spelling: %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});

	it.each([
		['mengatakan', 'kata'],
		['memasukkan', 'masuk'],
		['dirasakan', 'rasa']
	])('a reading as written comes first: %s → %s', (word, root) => {
		expect(analyse(word)).toMatchObject({ root, verified: true });
	});
});

describe('other spellings of words the lexicon knows', () => {
	it.each([
		['menzhalimi', 'zalim', 'meN- -i'],
		['taqdir', 'takdir', ''],
		['djalan', 'jalan', ''],
		['kesetian', 'setia', 'ke- -an'],
		['kesasteraan', 'sastra', 'ke- -an']
	])('%s is read as the standard spelling: %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
		expect(a.headword).toBe(word);
	});

	it('marks the word respelt, and a capitalised word only a respelling explains is a name', () => {
		expect(analyse('djalan')).toMatchObject({ root: 'jalan', respelt: true });
		expect(analyse('Djalan')).toMatchObject({ cls: 'name' });
		expect(analyse('jalan').respelt).toBeUndefined();
	});

	it.each([
		['kesasteraan', 'sastra', 'ke- -an'],
		['kesetian', 'setia', 'ke- -an']
	])('%s, an older or one-a spelling, is read as the standard (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' ') }).toEqual({ root, affixes });
	});

	it('per- is pe- before r inside meN- and di- (memperuncing, diperuncing → runcing)', () => {
		expect(analyse('memperuncing')).toMatchObject({ root: 'runcing', affixes: ['memper-'] });
		expect(analyse('diperuncing')).toMatchObject({ root: 'runcing', affixes: ['diper-'] });
	});

	it('-itas on a root in -ik (periodisitas → periodik)', () => {
		expect(analyse('periodisitas')).toMatchObject({ root: 'periodik', affixes: ['-itas'] });
	});

	it('an -al adjective on a Latin noun in -um (medial → medium)', () => {
		expect(analyse('medial')).toMatchObject({ root: 'medium', affixes: ['-al'], verified: true });
	});
});

describe('policy choices of exceptions.tsv', () => {
	it.each([
		['telunjuk', 'tunjuk', '-el-'],
		['memrogram', 'program', 'meN-'],
		['pemrograman', 'program', 'peN- -an']
	])('%s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});
});

describe('names and common words', () => {
	it.each(['surabaya', 'sunda', 'bandung'])(
		'%s, a name the table lists written in lowercase, is a name',
		(word) => {
			expect(analyse(word)).toMatchObject({ cls: 'name' });
		}
	);

	it.each([
		['malang', 'malang'],
		['melayu', 'layu']
	])('%s in lowercase is the common word it also is (root %s)', (word, root) => {
		expect(analyse(word)).toMatchObject({ cls: 'word', root, verified: true });
	});

	it('a capitalised word that only a spoken form explains is a name (Ngabang, not N- + abang)', () => {
		expect(analyse('ngabang')).toMatchObject({ informal: true });
		expect(analyse('Ngabang')).toMatchObject({ cls: 'name', root: 'Ngabang' });
	});
});

describe('abbreviations', () => {
	it.each([
		['dsb', 'dan sebagainya'],
		['yg', 'yang'],
		['MHz', 'megahertz'],
		['mg', 'miligram']
	])('%s stands for %s', (word, expansion) => {
		expect(analyse(word)).toMatchObject({ cls: 'abbr', expansion });
	});

	it('a word without a vowel that the table lacks is an abbreviation, not a word (sbb)', () => {
		expect(analyse('sbb')).toMatchObject({ cls: 'abbr', verified: false });
	});
});

describe('words of other languages', () => {
	it.each(['cheeseburger', 'bookshelf', 'happiness', 'loaded', 'café', '東京'])(
		'an unknown word spelt as no Indonesian word is, %s, is foreign',
		(word) => {
			expect(analyse(word)).toMatchObject({ cls: 'foreign', root: word, affixes: [] });
		}
	);

	it.each(['backup', 'jazz', 'weekend'])(
		'a loan the lexicon lists, %s, is an Indonesian word whatever its spelling',
		(word) => {
			expect(analyse(word)).toMatchObject({ cls: 'word', root: word, verified: true });
		}
	);

	it('a capitalised unknown word is still a name (Woodward)', () => {
		expect(analyse('Woodward')).toMatchObject({ cls: 'name' });
	});
});

describe('clitics on unknown words', () => {
	it.each([
		['gerutunya', 'gerutu', '-nya'],
		['selimutku', 'selimut', '-ku'],
		['pelitalah', 'pelita', '-lah'],
		['pelitamu', 'pelita', '-mu']
	])('%s → %s %s', (word, headword, clitic) => {
		expect(guess(word)).toMatchObject({ headword, root: headword, clitics: [clitic] });
	});

	it('reads a clitic written after a hyphen', () => {
		expect(analyse('rumah-nya')).toMatchObject({
			headword: 'rumah',
			root: 'rumah',
			clitics: ['-nya'],
			verified: true
		});
		expect(analyse('DPR-nya')).toMatchObject({
			headword: 'DPR',
			cls: 'abbr',
			clitics: ['-nya'],
			expansion: 'Dewan Perwakilan Rakyat'
		});
	});

	it('shows the root of a conjunction with -pun', () => {
		expect(analyse('meskipun')).toMatchObject({
			headword: 'meskipun',
			root: 'meski',
			cls: 'function'
		});
	});
});

describe('compounds written as one word once affixed', () => {
	it.each([
		['menandatangani', 'tanda tangan', 'meN- -i'],
		['penandatanganan', 'tanda tangan', 'peN- -an'],
		['memberitahukan', 'beri tahu', 'meN- -kan'],
		['pemberitahuan', 'beri tahu', 'peN- -an'],
		['disalahgunakan', 'salah guna', 'di- -kan'],
		['penyalahgunaan', 'salah guna', 'peN- -an'],
		['mempertanggungjawabkan', 'tanggung jawab', 'memper- -kan'],
		['keikutsertaan', 'ikut serta', 'ke- -an']
	])('%s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({ root: a.root, affixes: a.affixes.join(' '), verified: a.verified }).toEqual({
			root,
			affixes,
			verified: true
		});
	});
});

describe('se- on a noun in -an', () => {
	it('reads seharian as se- + hari + -an', () => {
		expect(analyse('seharian')).toMatchObject({
			root: 'hari',
			affixes: ['se-', '-an'],
			verified: true
		});
	});
});

describe('reduplication with affixes', () => {
	it.each([
		['berlari-lari', 'lari', 'ber- R'],
		['memukul-mukul', 'pukul', 'meN- R'],
		['menyebut-nyebutkan', 'sebut', 'meN- -kan R'],
		['setinggi-tingginya', 'tinggi', 'se- -nya R'],
		['secepat-cepatnya', 'cepat', 'se- -nya R'],
		['berkali-kali', 'kali', 'ber- R'],
		['tembak-menembak', 'tembak', 'meN- R'],
		['bersalam-salaman', 'salam', 'ber- -an R']
	])('%s → %s (%s)', (word, root, affixes) => {
		const a = analyse(word);
		expect({
			headword: a.headword,
			root: a.root,
			affixes: a.affixes.join(' '),
			verified: a.verified
		}).toEqual({ headword: word, root, affixes, verified: true });
	});
});

describe('informal Indonesian', () => {
	it.each([
		['ngasih', 'kasih', 'N-'],
		['nyariin', 'cari', 'N- -in'],
		['nyimpen', 'simpan', 'N-'],
		['mikir', 'pikir', 'N-'],
		['nonton', 'tonton', 'N-'],
		['ngopi', 'kopi', 'N-'],
		['ngecat', 'cat', 'nge-'],
		['ngeliat', 'lihat', 'nge-'],
		['beliin', 'beli', '-in'],
		['bacain', 'baca', '-in'],
		['dibeliin', 'beli', 'di- -in'],
		['tau', 'tahu', ''],
		['ngeluarin', 'keluar', 'N- -in'],
		['ngilangin', 'hilang', 'N- -in'],
		['ngabisin', 'habis', 'N- -in'],
		['nyenengin', 'senang', 'N- -in'],
		['dibikin', 'bikin', 'di-']
	])('%s → %s (%s), marked informal', (word, root, affixes) => {
		const a = analyse(word);
		expect({
			root: a.root,
			affixes: a.affixes.join(' '),
			informal: a.informal,
			verified: a.verified
		}).toEqual({ root, affixes, informal: true, verified: true });
	});

	it.each([
		['udah', 'sudah'],
		['nggak', 'tidak']
	])('%s, the spoken form of %s, is a function word like it', (word, root) => {
		expect(analyse(word)).toMatchObject({ root, cls: 'function', informal: true });
	});

	it.each(['menulis', 'memikirkan', 'mengirim', 'nyanyi', 'nanti'])('%s is standard', (word) => {
		expect(analyse(word).informal).toBeUndefined();
	});
});

describe('names in context', () => {
	const article = (body: string) =>
		analyseArticle(`---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\n${body}`, lex);
	const tokens = (body: string, sentence: number) =>
		article(body).sentences[sentence].tokens.filter((t) => t.analysis);
	const cls = (body: string, sentence: number, word: string) =>
		tokens(body, sentence).find((t) => t.text === word)?.analysis?.cls;

	it('lists a word that is a name in one place and a word in another once as each', () => {
		const words = distinctWords(
			article('Judul\nKemarin Haji Salam datang ke desa. Ia memberi salam kepada kami.')
		);
		const salam = words.filter((w) => w.surface === 'salam').map((w) => w.cls);
		expect(salam).toEqual(['name', 'word']);
	});

	it('reads a capitalised word after a personal title as a name', () => {
		expect(cls('Judul\nKemarin Pak Budi datang.', 1, 'Budi')).toBe('name');
	});

	it('does not take an affixed word at the start of a sentence for a name', () => {
		expect(cls('Judul\nMenggerutu, ia pulang.', 1, 'Menggerutu')).toBe('word');
	});

	it('does not take a word of the headline for a name when the text writes it in lowercase', () => {
		expect(cls('Warga Gerutu Soal Jalan\nWarga itu suka gerutu.', 0, 'Gerutu')).toBe('word');
	});

	it('keeps an unknown capitalised word at the start of a sentence a name when nothing says otherwise', () => {
		expect(cls('Judul\nSuharjono datang kemarin.', 1, 'Suharjono')).toBe('name');
	});
});

describe('every guess, on invented words', () => {
	// Invented roots with every prefix and suffix the rules know: whatever the analyser makes of
	// them, the root is the word itself or one Indonesian sounds allow, and never verified.
	const syllables = [
		'ba',
		'ka',
		'ta',
		'ri',
		'lu',
		'mo',
		'se',
		'ngi',
		'pra',
		'du',
		'wen',
		'jo',
		'tur',
		'gas',
		'hi',
		'nyu',
		'e',
		'o'
	];
	const roots = syllables.flatMap((a, i) =>
		syllables
			.filter((_, j) => (i * 7 + j) % 5 === 0)
			.map((b) => a + b + syllables[(i + 3) % syllables.length])
	);
	const forms = [
		'me',
		'mem',
		'men',
		'meng',
		'meny',
		'menge',
		'pe',
		'pem',
		'pen',
		'peng',
		'peny',
		'ber',
		'be',
		'ter',
		'te',
		'per',
		'di',
		'ke',
		'se',
		'memper',
		'diper'
	].flatMap((p) => ['', 'kan', 'i', 'an', 'nya'].map((s) => (r: string) => p + r + s));
	it('has a root that sounds like one, or is whole', () => {
		const bad: string[] = [];
		let guesses = 0;
		for (const r of roots) {
			for (const form of forms) {
				const word = form(r);
				const a = analyse(word);
				if (a.verified || a.cls !== 'word') continue;
				guesses++;
				if (a.root !== a.headword && !isPlausibleRoot(a.root)) bad.push(`${word} → ${a.root}`);
			}
		}
		expect(guesses).toBeGreaterThan(1000);
		expect(bad).toEqual([]);
	});
});

describe('words of other languages', () => {
	it.each(['the', 'of', 'The', 'de', 'bin', 'x', 'M'])(
		'%s is foreign, never an Indonesian word',
		(word) => {
			expect(analyse(word)).toMatchObject({ cls: 'foreign', affixes: [] });
		}
	);

	it('leaves Indonesian words that look English alone: dan, no (nomor), abu, di', () => {
		expect(analyse('abu').cls).toBe('word');
		expect(['dan', 'di'].map((w) => analyse(w).cls)).toEqual(['function', 'function']);
	});

	it('makes no headword of an English title inside an Indonesian sentence', () => {
		const words = distinctWords(
			analyseArticle(
				'---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\nJudul\nLagu The Power of Love dirilis tahun itu.',
				lex
			)
		);
		expect(words.filter((w) => w.cls === 'word').map((w) => w.surface)).not.toContain('of');
		expect(words.find((w) => w.surface === 'of')?.cls).toBe('foreign');
	});
});

describe('reduplicated words of their own', () => {
	it('are their own headword, built from a half the lexicon knows: tiba-tiba (suddenly) from tiba', () => {
		expect(analyse('tiba-tiba')).toMatchObject({
			headword: 'tiba-tiba',
			root: 'tiba',
			affixes: ['R'],
			verified: true
		});
	});

	it('stay whole when the half is no word (kupu-kupu), and a plain plural is its noun (negara-negara)', () => {
		expect(analyse('kupu-kupu')).toMatchObject({
			headword: 'kupu-kupu',
			root: 'kupu-kupu',
			affixes: []
		});
		expect(analyse('negara-negara')).toMatchObject({ headword: 'negara', root: 'negara' });
	});
});

describe('runs of foreign words', () => {
	const article = (body: string) =>
		analyseArticle(`---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\nJudul\n${body}`, lex);
	const classes = (body: string) =>
		Object.fromEntries(
			article(body)
				.sentences[1].tokens.filter((t) => t.analysis)
				.map((t) => [t.text, t.analysis!.cls])
		);

	it('an unknown word beside a foreign word is foreign too, in either direction', () => {
		const c = classes('Mereka memakai cara kode source dan film happy ending itu.');
		// source and happy by their spelling; ending beside happy
		expect(c).toMatchObject({ kode: 'word', source: 'foreign', happy: 'foreign' });
		expect(c).toMatchObject({ ending: 'foreign', cara: 'word', film: 'word', dan: 'function' });
	});

	it('spreads across a hyphen but not across other punctuation', () => {
		expect(classes('Film itu berakhir happy - ending.')).toMatchObject({ ending: 'foreign' });
		expect(classes('Ia membeli cheeseburger, lalu gerutu.')).toMatchObject({
			cheeseburger: 'foreign',
			gerutu: 'word'
		});
	});

	it('a lone letter does not make its neighbour foreign', () => {
		expect(classes('Ia memakai sinar x gerutu.')).toMatchObject({ x: 'foreign', gerutu: 'word' });
	});
});

describe('compounds written apart', () => {
	const sentence = (body: string) =>
		analyseArticle(`---\nslug: t\ntitle: t\nlanguage: id\nsource: test\n---\nJudul\n${body}`, lex)
			.sentences[1];

	it.each([
		['Ia berjalan mondar mandir.', 'mondar-mandir', 'mondar-mandir'],
		['Ia memasak lauk pauk di sana.', 'lauk-pauk', 'lauk'],
		['Rumah itu porak poranda.', 'porak-poranda', 'porak-poranda']
	])('%s: the two words are one unit, %s (root %s)', (text, headword, root) => {
		const s = sentence(text);
		expect(s.phrases).toHaveLength(1);
		expect(s.phrases[0].analysis).toMatchObject({ headword, root, verified: true, phrase: true });
		expect(s.phrases[0].parts[0]).toHaveLength(2);
	});

	it.each([
		['Mereka ikut kursus pra nikah.', 'pranikah'],
		['Ia datang pada masa pra - panen.', 'prapanen'],
		['Mereka karyawan non tetap.', 'nontetap']
	])('%s: a loan prefix written apart joins its word (%s)', (text, headword) => {
		const s = sentence(text);
		expect(s.phrases).toHaveLength(1);
		expect(s.phrases[0].analysis).toMatchObject({ headword, verified: true });
	});

	it('leaves two words the lexicon knows alone (tua muda)', () => {
		expect(sentence('Semua orang, tua muda, datang.').phrases).toEqual([]);
	});
});
