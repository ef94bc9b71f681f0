// Parses the plain-text lexicon files of `content/lexicon/` into the tables the analyser reads.

import type { Lexicon } from './lemmatise';
import { parsePhrases } from './phrases';
import type { LexiconEntry } from './types';

/** Raw text of each lexicon file, as read from disk in Node or bundled by Vite in the browser. */
export interface LexiconFiles {
	roots: string;
	functionWords: string;
	foreignWords: string;
	numberWords: string;
	names: string;
	abbreviations: string;
	phrases: string;
	nameHeads: string;
	exceptions: string;
}

/** The file of `content/lexicon/` behind each part of the lexicon: the one list of them. */
export const LEXICON_FILES: Record<keyof LexiconFiles, string> = {
	roots: 'roots.tsv',
	functionWords: 'function-words.txt',
	foreignWords: 'foreign-words.txt',
	numberWords: 'number-words.txt',
	names: 'names.tsv',
	abbreviations: 'abbreviations.tsv',
	phrases: 'phrases.tsv',
	nameHeads: 'name-heads.txt',
	exceptions: 'exceptions.tsv'
};

/**
 * The lexicon from a function that gives a lexicon file's text by name (read from disk in Node,
 * bundled by Vite in the browser).
 * @throws Error naming a missing file, or (parseLexicon) a malformed row.
 */
export function readLexiconFiles(read: (file: string) => string | undefined): Lexicon {
	const files = {} as LexiconFiles;
	for (const [part, file] of Object.entries(LEXICON_FILES) as [keyof LexiconFiles, string][]) {
		const text = read(file);
		if (text === undefined) throw new Error(`content/lexicon/${file} is missing`);
		files[part] = text;
	}
	return parseLexicon(files);
}

/** Non-empty lines without `#` comments, split at tabs. */
function rows(text: string, file: string, columns: number): string[][] {
	const out: string[][] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		const content = line.replace(/\s+#.*$|^#.*$/, '').trimEnd();
		if (!content.trim()) return;
		const cells = content.split('\t').map((c) => c.trim());
		if (cells.length < columns || cells.slice(0, columns).some((c) => !c)) {
			throw new Error(
				`${file} line ${i + 1}: expected ${columns} tab-separated fields, got "${line}"`
			);
		}
		out.push(cells);
	});
	return out;
}

/**
 * @example parseLexicon({ roots: 'tekan\tverb\tpress', … }).roots.get('tekan') → { root: 'tekan', pos: 'verb', gloss: 'press' }
 * @throws Error naming the file and line of a malformed row or a duplicate root.
 */
export function parseLexicon(files: LexiconFiles): Lexicon {
	const roots = new Map<string, LexiconEntry>();
	for (const [root, pos, gloss, band = '3'] of rows(files.roots, 'roots.tsv', 3)) {
		if (roots.has(root)) throw new Error(`roots.tsv: "${root}" is listed twice`);
		if (!/^[1-4]$/.test(band)) throw new Error(`roots.tsv: "${root}" has band "${band}", not 1-4`);
		roots.set(root, { root, pos, gloss, band: Number(band) });
	}
	const words = (text: string, file: string) =>
		new Set(rows(text, file, 1).map((r) => r[0].toLowerCase()));
	const abbreviations = new Map<
		string,
		{ abbr: string; expansion: string; gloss: string; with?: string[] }
	>();
	for (const [abbr, expansion, gloss, combines] of rows(
		files.abbreviations,
		'abbreviations.tsv',
		3
	)) {
		abbreviations.set(
			abbr.toLowerCase(),
			combines ? { abbr, expansion, gloss, with: combines.split(' ') } : { abbr, expansion, gloss }
		);
	}
	return {
		roots,
		functionWords: words(files.functionWords, 'function-words.txt'),
		foreignWords: words(files.foreignWords, 'foreign-words.txt'),
		numberWords: words(files.numberWords, 'number-words.txt'),
		names: new Set(rows(files.names, 'names.tsv', 2).map((r) => r[0].toLowerCase())),
		abbreviations,
		phrases: parsePhrases(files.phrases),
		nameHeads: words(files.nameHeads, 'name-heads.txt'),
		personalTitles: new Set(
			rows(files.nameHeads, 'name-heads.txt', 1)
				.filter((r) => r[1] === 'person')
				.map((r) => r[0].toLowerCase())
		),
		// A row whose reason starts with "informal" is a spoken form (tau → tahu).
		exceptions: new Map(
			rows(files.exceptions, 'exceptions.tsv', 4).map(([word, root, affixes, why]) => [
				word,
				{
					root,
					affixes: affixes === '-' ? [] : affixes.split(' '),
					...(why.startsWith('informal') ? { informal: true } : {})
				}
			])
		)
	};
}
