// Reads the content folder from disk for the command-line tools (the app bundles it with Vite instead).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLexicon } from '../src/lib/text/lexicon';

export const CONTENT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'content');

export function readLexicon(dir = join(CONTENT, 'lexicon')) {
	const read = (f: string) => readFileSync(join(dir, f), 'utf8');
	return parseLexicon({
		roots: read('roots.tsv'),
		functionWords: read('function-words.txt'),
		numberWords: read('number-words.txt'),
		names: read('names.tsv'),
		abbreviations: read('abbreviations.tsv'),
		phrases: read('phrases.tsv'),
		nameHeads: read('name-heads.txt'),
		exceptions: read('exceptions.tsv')
	});
}
