import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../../scripts/content-node';
import { DERIVED_GLOSS_RULES, derivedGloss } from './derived-gloss';
import { createAnalyser } from './lemmatise';
import type { LexiconEntry } from './types';

/** Root entries in the lexicon's shape, written for these tests. */
const ROOTS: Record<string, [pos: string, gloss: string]> = {
	tekan: ['verb', 'press; emphasise'],
	tulis: ['verb', 'write'],
	datang: ['verb', 'come; arrive'],
	ikut: ['verb', 'follow; join'],
	lari: ['verb', 'run'],
	ada: ['verb', 'there is; exist'],
	hilang: ['verb', 'disappear; be lost'],
	kuat: ['adjective', 'strong; powerful'],
	aman: ['adjective', 'safe; secure'],
	besar: ['adjective', 'big; large'],
	basah: ['adjective', 'wet'],
	baik: ['adjective', 'good; kind'],
	merah: ['adjective', 'red'],
	tinggi: ['adjective', 'high; tall'],
	dekat: ['adjective', 'near; close'],
	sepeda: ['noun', 'bicycle'],
	uang: ['noun', 'money'],
	rumah: ['noun', 'house; home'],
	garam: ['noun', 'salt'],
	batas: ['noun', 'limit; border'],
	bersih: ['adjective', 'clean'],
	hari: ['noun', 'day'],
	laut: ['noun', 'sea'],
	istri: ['noun', 'wife'],
	sayur: ['noun', 'vegetable'],
	dua: ['numeral', 'two'],
	tiga: ['numeral', 'three'],
	sangat: ['adverb', 'very'],
	privat: ['adjective', 'private'],
	kristal: ['noun', 'crystal']
};

const entry = (root: string): LexiconEntry => ({
	root,
	pos: ROOTS[root][0],
	gloss: ROOTS[root][1],
	band: 1
});
const gloss = (headword: string, root: string, affixes: string[]) =>
	derivedGloss({ headword, root, affixes }, entry(root));

describe('derivedGloss by pattern and kind of root', () => {
	it.each([
		// meN-
		['menulis', 'tulis', ['meN-'], 'to write (made from tulis, write)', 'verb'],
		[
			'meninggi',
			'tinggi',
			['meN-'],
			'to become high; to become tall (made from tinggi, high)',
			'verb'
		],
		// meN-…-kan: transitive, or causative on a verb that takes no object
		[
			'menekankan',
			'tekan',
			['meN-', '-kan'],
			'to press; to emphasise (made from tekan, press)',
			'verb'
		],
		[
			'mendatangkan',
			'datang',
			['meN-', '-kan'],
			'to cause to come; to cause to arrive (made from datang, come)',
			'verb'
		],
		[
			'menguatkan',
			'kuat',
			['meN-', '-kan'],
			'to make (something) strong; to make (something) powerful (made from kuat, strong)',
			'verb'
		],
		// meN-…-i
		[
			'mengikuti',
			'ikut',
			['meN-', '-i'],
			'to follow (something); to join (something) (made from ikut, follow)',
			'verb'
		],
		[
			'mendatangi',
			'datang',
			['meN-', '-i'],
			'to come to or on (something); to arrive to or on (something) (made from datang, come)',
			'verb'
		],
		[
			'membasahi',
			'basah',
			['meN-', '-i'],
			'to make (something) wet (made from basah, wet)',
			'verb'
		],
		[
			'menggarami',
			'garam',
			['meN-', '-i'],
			'to put salt on (something) (made from garam, salt)',
			'verb'
		],
		[
			'membatasi',
			'batas',
			['meN-', '-i'],
			'to put a limit on (something); to put a border on (something) (made from batas, limit)',
			'verb'
		],
		// di-, di-…-kan, di-…-i
		['ditulis', 'tulis', ['di-'], 'to be written (made from tulis, write)', 'verb'],
		[
			'ditekankan',
			'tekan',
			['di-', '-kan'],
			'to be pressed; to be emphasised (made from tekan, press)',
			'verb'
		],
		[
			'didatangkan',
			'datang',
			['di-', '-kan'],
			'to be caused to come; to be caused to arrive (made from datang, come)',
			'verb'
		],
		[
			'dikuatkan',
			'kuat',
			['di-', '-kan'],
			'to be made strong; to be made powerful (made from kuat, strong)',
			'verb'
		],
		[
			'diikuti',
			'ikut',
			['di-', '-i'],
			'to be followed; to be joined (made from ikut, follow)',
			'verb'
		],
		[
			'digarami',
			'garam',
			['di-', '-i'],
			'to have salt put on (it) (made from garam, salt)',
			'verb'
		],
		// ber-, ber-…-an
		[
			'bersepeda',
			'sepeda',
			['ber-'],
			'having or using a bicycle (made from sepeda, bicycle)',
			'verb'
		],
		['beruang', 'uang', ['ber-'], 'having or using money (made from uang, money)', 'verb'],
		['berlari', 'lari', ['ber-'], 'to run (made from lari, run)', 'verb'],
		['berbesar', 'besar', ['ber-'], 'to be big; to be large (made from besar, big)', 'verb'],
		['berdua', 'dua', ['ber-'], 'in a group of two (made from dua, two)', 'verb'],
		[
			'berdatangan',
			'datang',
			['ber-', '-an'],
			'to come together or in numbers; to arrive together or in numbers (made from datang, come)',
			'verb'
		],
		[
			'berdekatan',
			'dekat',
			['ber-', '-an'],
			'to be near to each other; to be close to each other (made from dekat, near)',
			'verb'
		],
		// ter-
		['tertulis', 'tulis', ['ter-'], 'written (made from tulis, write)', 'adjective'],
		['terbesar', 'besar', ['ter-'], 'the biggest; the largest (made from besar, big)', 'adjective'],
		// peN-, pe-, peN-…-an, pe-…-an
		['penulis', 'tulis', ['peN-'], 'one who writes (made from tulis, write)', 'noun'],
		['pelari', 'lari', ['pe-'], 'one who runs (made from lari, run)', 'noun'],
		['penulisan', 'tulis', ['peN-', '-an'], 'the act of writing (made from tulis, write)', 'noun'],
		[
			'pembasahan',
			'basah',
			['peN-', '-an'],
			'the act of making (something) wet (made from basah, wet)',
			'noun'
		],
		// per-…-an
		[
			'perumahan',
			'rumah',
			['per-', '-an'],
			'matters of houses; an area of houses (made from rumah, house)',
			'noun'
		],
		[
			'perbaikan',
			'baik',
			['per-', '-an'],
			'the act of making (something) good; the act of making (something) kind (made from baik, good)',
			'noun'
		],
		// ke-…-an, ke-
		[
			'keamanan',
			'aman',
			['ke-', '-an'],
			'safety; the state of being safe (made from aman, safe)',
			'noun'
		],
		[
			'kebersihan',
			'bersih',
			['ke-', '-an'],
			'cleanness; the state of being clean (made from bersih, clean)',
			'noun'
		],
		[
			'kedatangan',
			'datang',
			['ke-', '-an'],
			'the fact of coming; the fact of arriving (made from datang, come)',
			'noun'
		],
		['keuangan', 'uang', ['ke-', '-an'], 'matters of money (made from uang, money)', 'noun'],
		['ketiga', 'tiga', ['ke-'], 'the third; all three (made from tiga, three)', 'numeral'],
		['kedua', 'dua', ['ke-'], 'the second; both (made from dua, two)', 'numeral'],
		// -an
		[
			'tulisan',
			'tulis',
			['-an'],
			'something written; the result of writing (made from tulis, write)',
			'noun'
		],
		['harian', 'hari', ['-an'], 'every day; by the day (made from hari, day)', 'adjective'],
		// se-
		['serumah', 'rumah', ['se-'], 'one house; the same house (made from rumah, house)', 'noun'],
		['sebesar', 'besar', ['se-'], 'as big as; as large as (made from besar, big)', 'adverb'],
		// memper-, memper-…-kan, memper-…-i, diper-
		[
			'memperkuat',
			'kuat',
			['memper-'],
			'to make (something) stronger; to make (something) more powerful (made from kuat, strong)',
			'verb'
		],
		[
			'memperistri',
			'istri',
			['memper-'],
			'to take as a wife; to treat as a wife (made from istri, wife)',
			'verb'
		],
		[
			'memperbaiki',
			'baik',
			['memper-', '-i'],
			'to make (something) good; to make (something) kind (made from baik, good)',
			'verb'
		],
		// -isasi: making so, turning into
		[
			'privatisasi',
			'privat',
			['-isasi'],
			'making (something) private (made from privat, private)',
			'noun'
		],
		[
			'kristalisasi',
			'kristal',
			['-isasi'],
			'turning (something) into a crystal (made from kristal, crystal)',
			'noun'
		],
		[
			'diperkuat',
			'kuat',
			['diper-'],
			'to be made stronger; to be made more powerful (made from kuat, strong)',
			'verb'
		],
		// reduplication
		['sayur-mayur', 'sayur', ['R'], 'various vegetables (made from sayur, vegetable)', 'noun'],
		[
			'berlari-lari',
			'lari',
			['ber-', 'R'],
			'to run about; to keep running (made from lari, run)',
			'verb'
		],
		[
			'kemerah-merahan',
			'merah',
			['ke-', '-an', 'R'],
			'rather red; somewhat red (made from merah, red)',
			'adjective'
		],
		[
			'setinggi-tinggi',
			'tinggi',
			['se-', 'R'],
			'as high as possible; as tall as possible (made from tinggi, high)',
			'adverb'
		]
	])('%s (%s + %j) is glossed %j', (headword, root, affixes, expected, pos) => {
		expect(gloss(headword, root, affixes)).toEqual({
			gloss: expected,
			derived: true,
			from: root,
			pos
		});
	});
});

describe('derivedGloss falling back', () => {
	it.each([
		[
			'a noun root with peN-, which no rule covers',
			'pelaut',
			'laut',
			['pe-'],
			'(a noun made from laut, sea)',
			'noun'
		],
		['a noun root with meN-', 'melaut', 'laut', ['meN-'], '(a verb made from laut, sea)', 'verb'],
		[
			'a noun with -an other than a unit of time',
			'lautan',
			'laut',
			['-an'],
			'(a noun made from laut, sea)',
			'noun'
		],
		['an adverb root', 'sesangat', 'sangat', ['se-'], '(made from sangat, very)', undefined],
		[
			'verb senses that cannot be made passive',
			'diada',
			'ada',
			['di-'],
			'(a verb made from ada, there is)',
			'verb'
		]
	])('for %s says only what it was made from', (_what, headword, root, affixes, expected, pos) => {
		expect(gloss(headword, root, affixes)).toEqual({
			gloss: expected,
			derived: true,
			from: root,
			...(pos ? { pos } : {})
		});
	});

	it('drops senses a rule cannot use and keeps the others', () => {
		expect(gloss('terada', 'ada', ['ter-'])?.gloss).toBe('(made from ada, there is)');
		expect(gloss('hilangan', 'hilang', ['-an'])?.gloss).toBe(
			'something disappeared; the result of disappearing (made from hilang, disappear)'
		);
	});

	it('makes causatives of verbs that take no object and of "be" senses', () => {
		expect(gloss('menghilangkan', 'hilang', ['meN-', '-kan'])?.gloss).toBe(
			'to cause to disappear; to make (something) lost (made from hilang, disappear)'
		);
		expect(gloss('dihilangkan', 'hilang', ['di-', '-kan'])?.gloss).toBe(
			'to be caused to disappear; to be made lost (made from hilang, disappear)'
		);
		expect(gloss('diadakan', 'ada', ['di-', '-kan'])?.gloss).toBe(
			'to be caused to exist (made from ada, there is)'
		);
	});

	it('gives nothing for a word without affixes or a root the lexicon lacks', () => {
		expect(
			derivedGloss({ headword: 'tulis', root: 'tulis', affixes: [] }, entry('tulis'))
		).toBeUndefined();
		expect(
			derivedGloss({ headword: 'menggoreng', root: 'goreng', affixes: ['meN-'] }, undefined)
		).toBeUndefined();
	});
});

describe('derivedGloss with the real analyser and lexicon', () => {
	const lex = readLexicon();
	const analyse = createAnalyser(lex);

	it.each([
		['menekankan', /^to press/],
		['penulis', /^one who writes/],
		['keamanan', /the state of being safe/],
		['ditulis', /^to be written/],
		['memperkuat', /^to make \(something\) stronger/]
	])('glosses %s from its analysis', (word, expected) => {
		const a = analyse(word);
		const out = derivedGloss(a, lex.roots.get(a.root));
		expect(out?.gloss).toMatch(expected);
		expect(out?.gloss).toContain(`(made from ${a.root}, `);
	});

	it('glosses every derived word of the lexicon-known roots without throwing, each labelled with its root', () => {
		const words = [
			'mendatangkan',
			'berdatangan',
			'kedatangan',
			'perumahan',
			'pembangunan',
			'pelaku',
			'terbesar',
			'sebesar',
			'bersepeda',
			'mempelajari'
		];
		for (const word of words) {
			const a = analyse(word);
			const out = derivedGloss(a, lex.roots.get(a.root));
			expect(out?.from).toBe(a.root);
			expect(out?.gloss).toMatch(new RegExp(`made from ${a.root}, `));
		}
	});
});

describe('DERIVED_GLOSS_RULES', () => {
	it('gives every rule a worked example', () => {
		expect(DERIVED_GLOSS_RULES.length).toBeGreaterThan(40);
		expect(DERIVED_GLOSS_RULES.filter((r) => !/→/.test(r.example))).toEqual([]);
	});

	it('covers each common pattern on at least one kind of root', () => {
		const patterns = new Set(DERIVED_GLOSS_RULES.map((r) => r.pattern));
		for (const p of [
			'meN-',
			'meN-…-kan',
			'meN-…-i',
			'di-',
			'di-…-kan',
			'di-…-i',
			'ber-',
			'ber-…-an',
			'ter-',
			'peN-',
			'peN-…-an',
			'per-…-an',
			'ke-…-an',
			'-an',
			'se-',
			'memper-',
			'+R'
		]) {
			expect(patterns.has(p)).toBe(true);
		}
	});
});
