// Reads the content folder from disk for the command-line tools (the app bundles it with Vite instead).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckFromSource, type Glossary } from '../src/lib/cards';
import { readLexiconFiles } from '../src/lib/text';

export const CONTENT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'content');

export function readLexicon(dir = join(CONTENT, 'lexicon')) {
	return readLexiconFiles((f) => readFileSync(join(dir, f), 'utf8'));
}

/** An article of content/ with its glossary and deck, as tests and tools read them. */
export function readArticle(slug: string, lex = readLexicon()) {
	const raw = readFileSync(join(CONTENT, 'articles', `${slug}.md`), 'utf8');
	const glossary = JSON.parse(
		readFileSync(join(CONTENT, 'glossary', `${slug}.json`), 'utf8')
	) as Glossary;
	return { raw, glossary, lex, deck: deckFromSource(raw, glossary, lex) };
}
