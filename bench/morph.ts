// npm run bench:morph — root accuracy and speed of Kartu's analyser against Sastrawi (sastrawijs) on
// the same word lists, in one process. Not a test: it prints a table for the closing note and README.
//
// Lists (tab-separated, header first): bench/morph-words.tsv (word, root, pattern, note; "ambiguous
// alt=X" in the note accepts X too), bench/morph-examples.tsv (the project's 29 checked examples,
// same format), bench/morph-article.tsv (word, root: every content word of the seed article).

import { readFileSync } from 'node:fs';
import { Stemmer } from 'sastrawijs';
import { analyseMorphology } from '../src/lib/text/lemmatise';
import { readLexicon } from '../scripts/content-node';

interface Item {
	word: string;
	roots: string[];
	pattern: string;
}

function readList(file: string): Item[] {
	const [, ...lines] = readFileSync(new URL(file, import.meta.url), 'utf8').trimEnd().split('\n');
	return lines.map((line) => {
		const [word, root, pattern = '', note = ''] = line.split('\t');
		const alt = /alt=(\S+)/.exec(note)?.[1];
		return { word, roots: alt ? [root, alt] : [root], pattern: pattern.replace(/^\[|\].*$/g, '') };
	});
}

const lex = readLexicon();
const sastrawi = new Stemmer();
const tools: Record<string, (w: string) => string> = {
	Kartu: (w) => analyseMorphology(w, lex).root,
	sastrawijs: (w) => sastrawi.stem(w)
};

function accuracy(items: Item[], stem: (w: string) => string) {
	const wrong = items.filter((i) => !i.roots.includes(stem(i.word).toLowerCase()));
	return { right: items.length - wrong.length, total: items.length, wrong };
}

/** Words per second over repeated passes until at least `ms` have passed (median of 5 rounds). */
function throughput(words: string[], stem: (w: string) => string, ms = 400): number {
	const rounds: number[] = [];
	for (let r = 0; r < 5; r++) {
		let n = 0;
		const start = performance.now();
		while (performance.now() - start < ms) {
			for (const w of words) stem(w);
			n += words.length;
		}
		rounds.push(n / ((performance.now() - start) / 1000));
	}
	return rounds.sort((a, b) => a - b)[2];
}

const lists = {
	'word list (bench/morph-words.tsv)': readList('./morph-words.tsv'),
	'checked examples (bench/morph-examples.tsv)': readList('./morph-examples.tsv'),
	'seed article words (bench/morph-article.tsv)': readList('./morph-article.tsv')
};
const all = [...lists['word list (bench/morph-words.tsv)'], ...lists['checked examples (bench/morph-examples.tsv)']];

const pct = (a: { right: number; total: number }) => `${((100 * a.right) / a.total).toFixed(1)}% (${a.right}/${a.total})`;
console.log(`| list | ${Object.keys(tools).join(' | ')} |`);
console.log(`| --- | ${Object.keys(tools).map(() => '---').join(' | ')} |`);
for (const [name, items] of [['whole list (words + examples)', all] as const, ...Object.entries(lists)]) {
	console.log(`| ${name} | ${Object.values(tools).map((t) => pct(accuracy(items, t))).join(' | ')} |`);
}
const words = all.map((i) => i.word);
// Warm up both, then measure; the analyser is called without its per-word cache.
for (const t of Object.values(tools)) throughput(words, t, 100);
const speed = Object.fromEntries(Object.entries(tools).map(([name, t]) => [name, throughput(words, t)]));
console.log(`| words per second (median of 5) | ${Object.values(speed).map((s) => Math.round(s).toLocaleString('en')).join(' | ')} |`);
console.log(`\nKartu/sastrawijs speed ratio: ${(speed.Kartu / speed.sastrawijs).toFixed(2)}`);

const byPattern = new Map<string, { k: number; s: number; n: number }>();
for (const i of all) {
	const p = byPattern.get(i.pattern) ?? { k: 0, s: 0, n: 0 };
	p.n++;
	if (i.roots.includes(tools.Kartu(i.word).toLowerCase())) p.k++;
	if (i.roots.includes(tools.sastrawijs(i.word).toLowerCase())) p.s++;
	byPattern.set(i.pattern, p);
}
console.log('\n| pattern | words | Kartu | sastrawijs |\n| --- | --- | --- | --- |');
for (const [p, v] of [...byPattern].sort((a, b) => b[1].n - a[1].n)) console.log(`| ${p} | ${v.n} | ${v.k} | ${v.s} |`);

const misses = accuracy(all, tools.Kartu).wrong;
if (process.argv.includes('--misses')) {
	console.log(`\nKartu misses (${misses.length}):`);
	for (const m of misses) console.log(`  ${m.word}\texpected ${m.roots.join(' or ')}\tgot ${tools.Kartu(m.word)}\t[${m.pattern}]`);
}
