import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, readLexicon } from '../../../scripts/content-node';
import { analyseArticle, distinctWords } from './document';
import { parseLexicon, type LexiconFiles } from './lexicon';

const lex = readLexicon();
const POS = new Set([
	'noun',
	'verb',
	'adjective',
	'adverb',
	'numeral',
	'preposition',
	'conjunction',
	'pronoun',
	'particle',
	'interjection'
]);

describe('content/lexicon/roots.tsv', () => {
	it('has at least 3,000 roots', () => {
		expect(lex.roots.size).toBeGreaterThanOrEqual(3000);
	});

	it('gives every root a part of speech, a gloss and a frequency band', () => {
		const bad = [...lex.roots.values()].filter(
			(e) =>
				!POS.has(e.pos) ||
				!e.gloss.trim() ||
				!/^[a-z]+(-[a-z]+)*$/.test(e.root) ||
				![1, 2, 3, 4].includes(e.band)
		);
		expect(bad).toEqual([]);
	});

	it('is sorted, so a duplicate or a missing entry shows in review', () => {
		const lines = readFileSync(`${CONTENT}/lexicon/roots.tsv`, 'utf8')
			.split('\n')
			.filter((l) => l && !l.startsWith('#'));
		const roots = lines.map((l) => l.split('\t')[0]);
		expect(roots).toEqual([...roots].sort());
	});

	it('knows every root of every article in content/', () => {
		for (const file of readdirSync(`${CONTENT}/articles`)) {
			const words = distinctWords(
				analyseArticle(readFileSync(`${CONTENT}/articles/${file}`, 'utf8'), lex)
			);
			expect(
				words.filter((w) => w.cls === 'word' && !w.verified).map((w) => w.surface),
				file
			).toEqual([]);
		}
	});
});

describe('parseLexicon', () => {
	const files: LexiconFiles = {
		roots: 'tekan\tverb\tpress; pressure\t1\n',
		functionWords: 'dan\n',
		foreignWords: 'the\n',
		numberWords: 'dua\n',
		names: 'Baku\tplace\n',
		abbreviations: 'KPK\tKomisi Pemberantasan Korupsi\tCorruption Eradication Commission\n',
		phrases: 'timbal balik\tadjective\treciprocal\n',
		nameHeads: 'presiden\n',
		exceptions: 'pasukan\tpasukan\t-\twhy\n'
	};

	it('reads every file', () => {
		const l = parseLexicon(files);
		expect(l.roots.get('tekan')).toEqual({
			root: 'tekan',
			pos: 'verb',
			gloss: 'press; pressure',
			band: 1
		});
		expect(l.abbreviations.get('kpk')?.expansion).toBe('Komisi Pemberantasan Korupsi');
		expect(l.exceptions.get('pasukan')).toEqual({ root: 'pasukan', affixes: [] });
	});

	it('names the file and line of a malformed row, and refuses duplicates and bad bands', () => {
		expect(() => parseLexicon({ ...files, roots: 'tekan\tverb\n' })).toThrow(/roots\.tsv line 1/);
		expect(() =>
			parseLexicon({ ...files, roots: 'tekan\tverb\tpress\t1\ntekan\tverb\tpress\t1\n' })
		).toThrow(/twice/);
		expect(() => parseLexicon({ ...files, roots: 'tekan\tverb\tpress\t9\n' })).toThrow(/band/);
	});
});
