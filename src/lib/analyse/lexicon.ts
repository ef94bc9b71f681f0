// The root lexicon, bundled into the chunk that imports this module (the analysis worker, and the
// main-thread comparison the analyse page can run) and parsed on first use.

import { type Lexicon, stemIndex, readLexiconFiles } from '../text';

const files = import.meta.glob('/content/lexicon/*', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let lexicon: Lexicon | undefined;

/** The lexicon with its stem index built (about 0.3 s, once). */
export function bundledLexicon(): Lexicon {
	if (lexicon) return lexicon;
	lexicon = readLexiconFiles((name) => files[`/content/lexicon/${name}`]);
	stemIndex(lexicon);
	return lexicon;
}
