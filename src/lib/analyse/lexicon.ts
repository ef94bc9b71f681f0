// The root lexicon, bundled into the chunk that imports this module (the analysis worker, and the
// main-thread comparison the analyse page can run) and parsed on first use.

import type { Lexicon } from '../text/lemmatise';
import { stemIndex } from '../text/lemmatise';
import { parseLexicon } from '../text/lexicon';

const files = import.meta.glob('/content/lexicon/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function file(name: string): string {
	const text = files[`/content/lexicon/${name}`];
	if (text === undefined) throw new Error(`content/lexicon/${name} is missing`);
	return text;
}

let lexicon: Lexicon | undefined;

/** The lexicon with its stem index built (about 0.3 s, once). */
export function bundledLexicon(): Lexicon {
	if (lexicon) return lexicon;
	lexicon = parseLexicon({
		roots: file('roots.tsv'),
		functionWords: file('function-words.txt'),
		numberWords: file('number-words.txt'),
		names: file('names.tsv'),
		abbreviations: file('abbreviations.tsv'),
		phrases: file('phrases.tsv'),
		nameHeads: file('name-heads.txt'),
		exceptions: file('exceptions.tsv')
	});
	stemIndex(lexicon);
	return lexicon;
}
