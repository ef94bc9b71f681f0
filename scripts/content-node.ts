// Reads the content folder from disk for the command-line tools (the app bundles it with Vite instead).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckFromSource } from '../src/lib/cards/deck';
import type { Glossary } from '../src/lib/cards/types';
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

/** An article of content/ with its glossary and deck, as tests and tools read them. */
export function readArticle(slug: string, lex = readLexicon()) {
	const raw = readFileSync(join(CONTENT, 'articles', `${slug}.md`), 'utf8');
	const glossary = JSON.parse(readFileSync(join(CONTENT, 'glossary', `${slug}.json`), 'utf8')) as Glossary;
	return { raw, glossary, lex, deck: deckFromSource(raw, glossary, lex) };
}
