// npm run -s analyze -- FILE: one line per distinct word of FILE (a word that is a name in one place
// and a common word in another gets a line for each), in order of first appearance: surface,
// headword, root, class, affixes, whether the lexicon knows the root ("verified") or the root is a
// guess ("guess"), and a note ("informal"; "respelt" for another spelling of a known word, such as
// menzhalimi or djalan; or what an abbreviation stands for; "-" for none),
// separated by tabs. Coverage: npm run -s analyze -- FILE | awk -F'\t' '$4=="word"' | cut -f6 | sort | uniq -c

import { readFileSync } from 'node:fs';
import { analyseArticle, distinctWords } from '../src/lib/text';
import { readLexicon } from './content-node';

const file = process.argv[2];
if (!file) {
	console.error('usage: npm run -s analyze -- FILE');
	process.exit(2);
}
let raw: string;
try {
	raw = readFileSync(file, 'utf8');
} catch (e) {
	console.error(`analyze: cannot read ${file}: ${(e as Error).message}`);
	process.exit(2);
}
// A plain text file without front matter is analysed as an article of its own.
if (!raw.startsWith('---'))
	raw = `---\nslug: text\ntitle: text\nlanguage: id\nsource: ${file}\n---\n${raw}`;
const words = distinctWords(analyseArticle(raw, readLexicon()));
const lines = words.map((w) =>
	[
		w.surface,
		w.headword.toLowerCase(),
		w.root.toLowerCase(),
		w.cls,
		w.affixes.join(' ') || '-',
		w.verified ? 'verified' : 'guess',
		w.informal ? 'informal' : w.respelt ? 'respelt' : (w.expansion ?? '-')
	].join('\t')
);
process.stdout.write(lines.join('\n') + '\n');
