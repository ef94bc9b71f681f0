// The content folder at build time: every article with its glossary, turned into decks once. Under
// lib/server/ so that the browser can never import it: pages get the decks from /decks.json.

import { deckFromSource, type Deck, type Glossary } from '../cards';
import { readLexiconFiles } from '../text';

const articles = import.meta.glob('/content/articles/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const glossaries = import.meta.glob('/content/glossary/*.json', {
	import: 'default',
	eager: true
}) as Record<string, Glossary>;
const lexiconFiles = import.meta.glob('/content/lexicon/*', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let decks: Deck[] | undefined;

/** Every article's deck, sorted by slug; built on first use and kept. */
export function allDecks(): Deck[] {
	if (decks) return decks;
	const lex = readLexiconFiles((name) => lexiconFiles[`/content/lexicon/${name}`]);
	decks = Object.keys(articles)
		.sort()
		.map((path) => {
			const slug = path.replace(/^.*\/|\.md$/g, '');
			return deckFromSource(articles[path], glossaries[`/content/glossary/${slug}.json`], lex);
		});
	return decks;
}
