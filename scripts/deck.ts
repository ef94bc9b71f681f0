// npm run -s deck -- FILE: the deck of the article FILE as JSON (its glossary is read from content/glossary/SLUG.json).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArticle } from '../src/lib/text';
import { deckFromSource, type Glossary } from '../src/lib/cards';
import { readLexicon } from './content-node';

const file = process.argv[2];
if (!file) {
	console.error('usage: npm run -s deck -- FILE');
	process.exit(2);
}
try {
	const raw = readFileSync(file, 'utf8');
	const { slug } = parseArticle(raw).meta;
	const glossaryFile = join(dirname(file), '..', 'glossary', `${slug}.json`);
	const glossary = existsSync(glossaryFile)
		? (JSON.parse(readFileSync(glossaryFile, 'utf8')) as Glossary)
		: undefined;
	if (!glossary)
		console.error(`deck: no glossary at ${glossaryFile}; glosses and translations are empty`);
	const deck = deckFromSource(raw, glossary, readLexicon());
	const out = {
		article: deck.article,
		sentences: deck.sentences.map(({ id, text, translation }) => ({ id, text, translation })),
		cards: deck.cards
	};
	process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} catch (e) {
	console.error(`deck: ${(e as Error).message}`);
	process.exit(1);
}
