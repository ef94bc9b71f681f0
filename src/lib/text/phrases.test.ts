import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../../scripts/content-node';
import { createAnalyser } from './lemmatise';
import { findPhrases, parsePhrases } from './phrases';
import { tokenize } from './segment';

const lex = readLexicon();
const analyse = createAnalyser(lex);
const words = (text: string) =>
	tokenize(text)
		.filter((t) => t.kind === 'word')
		.map((t) => analyse(t.text));
const found = (text: string) => findPhrases(words(text), lex.phrases).map((m) => m.phrase.headword);

describe('findPhrases', () => {
	it('finds fixed expressions, matching words by their headwords', () => {
		expect(found('kunjungan timbal balik dari presiden')).toEqual(['timbal balik']);
		expect(found('bertekad untuk memperkuat kerja samanya')).toEqual(['kerja sama']);
		expect(found('memperkuat kerjasama ini')).toEqual(['kerja sama']);
		expect(found('Republik Azerbaijan bekerja sama dalam berbagai bidang')).toEqual([
			'bekerja sama'
		]);
	});

	it('finds an expression split by other words', () => {
		const ws = words(
			'Perluasan hubungan tidak hanya untuk kepentingan kedua negara, tetapi juga demi kawasan.'
		);
		const [m] = findPhrases(ws, lex.phrases);
		expect(m.phrase.headword).toBe('tidak hanya … tetapi juga');
		expect(m.parts.map((p) => p.map((i) => ws[i].surface).join(' '))).toEqual([
			'tidak hanya',
			'tetapi juga'
		]);
	});

	it('takes the longer expression when two overlap, and skips a doubled word', () => {
		expect(found('Pertemuan ini diselenggarakan dalam dalam rangka pertemuan')).toEqual([
			'dalam rangka'
		]);
		expect(found('Pada saat yang sama, kunjungan itu')).toEqual(['pada saat yang sama']);
	});

	it('does not join words that are merely near each other', () => {
		expect(found('tidak hanya itu')).toEqual([]);
		expect(found('masa itu di depan')).toEqual([]);
	});
});

describe('parsePhrases', () => {
	it('reads other spellings and split parts', () => {
		const [p] = parsePhrases(
			'tidak hanya … tetapi juga\tconjunction\tnot only … but also\ttidak hanya … tapi juga'
		);
		expect(p.forms).toEqual([
			[
				['tidak', 'hanya'],
				['tetapi', 'juga']
			],
			[
				['tidak', 'hanya'],
				['tapi', 'juga']
			]
		]);
		expect(() => parsePhrases('timbal balik\tadjective')).toThrow(/line 1/);
	});
});
