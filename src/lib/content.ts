// The content folder as the browser sees it: every article with its glossary, turned into decks once.

import { deckFromSource } from './cards/deck';
import type { Deck, Glossary } from './cards/types';
import { parseLexicon } from './text/lexicon';

const articles = import.meta.glob('/content/articles/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const glossaries = import.meta.glob('/content/glossary/*.json', { import: 'default', eager: true }) as Record<string, Glossary>;
const lexiconFiles = import.meta.glob('/content/lexicon/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function lexiconFile(name: string): string {
	const text = lexiconFiles[`/content/lexicon/${name}`];
	if (text === undefined) throw new Error(`content/lexicon/${name} is missing`);
	return text;
}

let decks: Deck[] | undefined;

/** Every article's deck, sorted by slug; built on first use and kept. */
export function allDecks(): Deck[] {
	if (decks) return decks;
	const lex = parseLexicon({
		roots: lexiconFile('roots.tsv'),
		functionWords: lexiconFile('function-words.txt'),
		numberWords: lexiconFile('number-words.txt'),
		names: lexiconFile('names.tsv'),
		abbreviations: lexiconFile('abbreviations.tsv'),
		phrases: lexiconFile('phrases.tsv'),
		nameHeads: lexiconFile('name-heads.txt'),
		exceptions: lexiconFile('exceptions.tsv')
	});
	decks = Object.keys(articles)
		.sort()
		.map((path) => {
			const slug = path.replace(/^.*\/|\.md$/g, '');
			return deckFromSource(articles[path], glossaries[`/content/glossary/${slug}.json`], lex);
		});
	return decks;
}
