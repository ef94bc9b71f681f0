// npm run bench:morph — root accuracy and speed of Kartu's analyser against Sastrawi (sastrawijs) on
// the same word lists, in one process. Not a test: it prints a table for the closing note and README.
//
// Lists (tab-separated, header first): bench/morph-words.tsv (word, root, pattern, note; "ambiguous
// alt=X" in the note accepts X too), bench/morph-examples.tsv (the project's 29 checked examples,
// same format), bench/morph-article.tsv (word, root: every content word of the seed article).
//
// Then lexicon coverage on real text nobody here chose: the UD Indonesian-GSD sentences in
// shared/corpora/ud-gsd-sentences.tsv beside the repository (see corpusCoverage below).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stemmer } from 'sastrawijs';
import {
	parseArticle,
	analyseSentence,
	lowercaseWords,
	analyseWord,
	createAnalyser,
	stemIndex,
	tokenize
} from '../src/lib/text';
import { readLexicon } from '../scripts/content-node';

interface Item {
	word: string;
	roots: string[];
	pattern: string;
}

function readList(file: string): Item[] {
	const [, ...lines] = readFileSync(new URL(file, import.meta.url), 'utf8')
		.trimEnd()
		.split('\n');
	return lines.map((line) => {
		const [word, root, pattern = '', note = ''] = line.split('\t');
		// The 29 examples keep their note in the third column: "[meN:men] t dropped", "ambiguous alt=X [ke] …".
		const alt = /alt=([a-z-]+)/.exec(`${pattern} ${note}`)?.[1];
		const label = /\[([^\]]+)\]/.exec(pattern)?.[1] ?? pattern;
		return { word, roots: alt ? [root, alt] : [root], pattern: label };
	});
}

const lex = readLexicon();
// Kartu generates its stem index once per lexicon; its cost is reported, not hidden in the rates below.
const indexStart = performance.now();
const stems = stemIndex(lex).size;
const indexMs = performance.now() - indexStart;
const sastrawi = new Stemmer();
const tools: Record<string, (w: string) => string> = {
	// The whole analyser, uncached, on the word as it stands in text (names capitalised).
	Kartu: (w) => analyseWord(w, lex).root.toLowerCase(),
	sastrawijs: (w) => sastrawi.stem(w)
};

/** Names are capitalised in running text; both tools get them so. */
const asWritten = (i: Item) =>
	i.pattern === 'name' ? i.word[0].toUpperCase() + i.word.slice(1) : i.word;

function accuracy(items: Item[], stem: (w: string) => string) {
	const wrong = items.filter((i) => !i.roots.includes(stem(asWritten(i)).toLowerCase()));
	return { right: items.length - wrong.length, total: items.length, wrong };
}

/**
 * Words per second of each tool over repeated passes of `ms`, the rounds of the tools interleaved
 * so that a busy moment of this shared machine hits both alike; the median of 7 rounds.
 */
function throughput(
	words: string[],
	stems: Record<string, (w: string) => string>,
	ms = 300
): Record<string, number> {
	const rounds: Record<string, number[]> = Object.fromEntries(
		Object.keys(stems).map((k) => [k, []])
	);
	for (let r = 0; r < 7; r++) {
		for (const [name, stem] of Object.entries(stems)) {
			let n = 0;
			const start = performance.now();
			while (performance.now() - start < ms) {
				for (const w of words) stem(w);
				n += words.length;
			}
			rounds[name].push(n / ((performance.now() - start) / 1000));
		}
	}
	return Object.fromEntries(
		Object.entries(rounds).map(([k, v]) => [k, v.sort((a, b) => a - b)[3]])
	);
}

const lists = {
	'held-out list, never tuned to (bench/morph-heldout.tsv)': readList('./morph-heldout.tsv'),
	'word list (bench/morph-words.tsv)': readList('./morph-words.tsv'),
	'checked examples (bench/morph-examples.tsv)': readList('./morph-examples.tsv'),
	'seed article words (bench/morph-article.tsv)': readList('./morph-article.tsv')
};
const all = [
	...lists['word list (bench/morph-words.tsv)'],
	...lists['checked examples (bench/morph-examples.tsv)'],
	...lists['held-out list, never tuned to (bench/morph-heldout.tsv)']
];

const pct = (a: { right: number; total: number }) =>
	`${((100 * a.right) / a.total).toFixed(1)}% (${a.right}/${a.total})`;
console.log(`| list | ${Object.keys(tools).join(' | ')} |`);
console.log(
	`| --- | ${Object.keys(tools)
		.map(() => '---')
		.join(' | ')} |`
);
for (const [name, items] of [
	['whole list (words + examples + held-out)', all] as const,
	...Object.entries(lists)
]) {
	console.log(
		`| ${name} | ${Object.values(tools)
			.map((t) => pct(accuracy(items, t)))
			.join(' | ')} |`
	);
}
const words = all.map(asWritten);
// Warm up both, then measure; the analyser is called without its per-word cache.
throughput(words, tools, 50);
const speed = throughput(words, tools);
console.log(
	`| distinct words per second, uncached (median of 7) | ${Object.values(speed)
		.map((s) => Math.round(s).toLocaleString('en'))
		.join(' | ')} |`
);
// Running text, as the app analyses it: every word token of the seed article, in order, with a
// fresh analyser per pass (its cache only helps within that text); Sastrawi stems every token.
const article = parseArticle(
	readFileSync(new URL('../content/articles/azerbaijan-iran.md', import.meta.url), 'utf8')
).body;
const tokens = tokenize(article.replace(/\n/g, ' '))
	.filter((t) => t.kind === 'word')
	.map((t) => t.text);
const text = throughput(tokens, {
	Kartu: (() => {
		let analyse = createAnalyser(lex);
		let seen = 0;
		return (w: string) => {
			if (++seen % tokens.length === 0) analyse = createAnalyser(lex);
			return analyse(w).root;
		};
	})(),
	sastrawijs: (w) => sastrawi.stem(w)
});
console.log(
	`| running text (seed article, ${tokens.length} tokens) per second (median of 7) | ${Object.values(
		text
	)
		.map((s) => Math.round(s).toLocaleString('en'))
		.join(' | ')} |`
);
console.log(
	`\nKartu's stem index: ${stems.toLocaleString('en')} stems, built once per lexicon in ${Math.round(indexMs)} ms.`
);
console.log(
	`Kartu/sastrawijs speed ratio: distinct words ${(speed.Kartu / speed.sastrawijs).toFixed(2)}, running text ${(text.Kartu / text.sastrawijs).toFixed(2)}`
);

const byPattern = new Map<string, { k: number; s: number; n: number }>();
for (const i of all) {
	const p = byPattern.get(i.pattern) ?? { k: 0, s: 0, n: 0 };
	p.n++;
	if (i.roots.includes(tools.Kartu(asWritten(i)))) p.k++;
	if (i.roots.includes(tools.sastrawijs(asWritten(i)).toLowerCase())) p.s++;
	byPattern.set(i.pattern, p);
}
console.log('\n| pattern | words | Kartu | sastrawijs |\n| --- | --- | --- | --- |');
for (const [p, v] of [...byPattern].sort((a, b) => b[1].n - a[1].n))
	console.log(`| ${p} | ${v.n} | ${v.k} | ${v.s} |`);

const misses = accuracy(all, tools.Kartu).wrong;
if (process.argv.includes('--misses')) {
	console.log(`\nKartu misses (${misses.length}):`);
	for (const m of misses)
		console.log(
			`  ${m.word}\texpected ${m.roots.join(' or ')}\tgot ${tools.Kartu(asWritten(m))}\t[${m.pattern}]`
		);
}

// ---------------------------------------------------------------------------------------------
// Lexicon coverage and root accuracy on the corpus.

/** shared/ sits beside the repository in CI (../shared from its root); a worktree is one level deeper. */
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_NAME = 'ud-gsd-sentences.tsv';
const corpusPath = [
	process.env.MORPH_CORPUS,
	resolve(REPO, '..', 'shared', 'corpora', CORPUS_NAME),
	resolve(REPO, '..', '..', 'shared', 'corpora', CORPUS_NAME)
].find((p): p is string => !!p && existsSync(p));

/** Universal POS tags of content words: the words whose roots a learner needs. */
const CONTENT_UPOS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

const share = (n: number, d: number) =>
	`${d ? ((100 * n) / d).toFixed(1) : '—'}% (${n.toLocaleString('en')}/${d.toLocaleString('en')})`;

/**
 * The corpus file names its columns in a "# Columns:" comment. With a lemma and a UPOS column (one
 * token a line), coverage counts the content words by their tags and accuracy compares roots with
 * the lemmas. With only sentences, coverage counts the tokens Kartu itself classes as content words
 * (not function words, numbers, names, abbreviations or foreign words; a word inside a fixed
 * expression counts as the expression), and accuracy cannot be measured.
 */
function corpusCoverage(file: string): number | undefined {
	const lines = readFileSync(file, 'utf8').split(/\r?\n/);
	const header = lines.find((l) => /^#\s*Columns:/i.test(l)) ?? '';
	const columns = header
		.replace(/^#\s*Columns:\s*/i, '')
		.replace(/\.$/, '')
		.split(/\s*,\s*/)
		.map((c) => c.toLowerCase());
	const col = (...names: string[]) =>
		columns.findIndex((c) => names.some((n) => c === n || c.endsWith(` ${n}`)));
	const rows = lines.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
	const form = col('form', 'word', 'token');
	const lemma = col('lemma');
	const upos = col('upos', 'pos', 'tag');
	console.log(
		`\nLexicon coverage on ${file.replace(`${resolve(REPO, '..')}/`, '../')} (${rows.length.toLocaleString('en')} rows):`
	);
	if (form >= 0 && lemma >= 0 && upos >= 0) {
		const content = rows.filter((r) => CONTENT_UPOS.has(r[upos]) && /^\p{L}/u.test(r[form] ?? ''));
		const known = content.filter((r) => analyseWord(r[form], lex).verified);
		console.log(
			`- content words (NOUN, VERB, ADJ, ADV by UPOS) whose root the lexicon knows: ${share(known.length, content.length)} (target 98%)`
		);
		console.log(
			'\n| corpus words, root = corpus lemma | Kartu | sastrawijs |\n| --- | --- | --- |'
		);
		const right = (stem: (w: string) => string) =>
			content.filter((r) => stem(r[form]).toLowerCase() === r[lemma].toLowerCase()).length;
		console.log(
			`| content words (${content.length.toLocaleString('en')}) | ${share(right(tools.Kartu), content.length)} | ${share(right(tools.sastrawijs), content.length)} |`
		);
		return known.length / content.length;
	}
	const text = columns.findIndex((c) => /indonesian|text|sentence$/.test(c) && !/id$/.test(c));
	if (text < 0) {
		console.log(
			`- skipped: the file's "# Columns:" line names neither a form, lemma and UPOS column nor a text column ("${header}")`
		);
		return undefined;
	}
	console.log(
		`- the file has sentences only (columns: ${columns.join(', ')}): no UPOS tags and no lemmas, so content words are the`
	);
	console.log(
		`  tokens Kartu itself classes as words (not function words, numbers, names, abbreviations or foreign words; a word`
	);
	console.log(`  inside a fixed expression counts as the expression), and root accuracy`);
	console.log(
		`  against corpus lemmas, for Kartu and for Sastrawi, cannot be measured on this file.`
	);
	const sentences = rows.map((r) => r[text] ?? '');
	const lowercase = lowercaseWords(sentences.join('\n'));
	const analyse = createAnalyser(lex);
	let tokens = 0;
	let known = 0;
	const types = new Map<string, boolean>();
	sentences.forEach((t, i) => {
		const s = analyseSentence(
			{ id: `c${i}`, text: t, kind: 'body', paragraph: i },
			analyse,
			lex,
			lowercase
		);
		for (const tok of s.tokens) {
			if (!tok.analysis || tok.analysis.cls !== 'word') continue;
			// A word inside a fixed expression or a compound written apart (mondar mandir) is learnt
			// as that unit: it is known when the unit is.
			const a = tok.phrase === undefined ? tok.analysis : s.phrases[tok.phrase].analysis;
			tokens++;
			if (a.verified) known++;
			types.set(a.headword.toLowerCase(), a.verified);
		}
	});
	const knownTypes = [...types.values()].filter(Boolean).length;
	console.log(
		`- content word tokens whose root the lexicon knows: ${share(known, tokens)} (target 98%)`
	);
	console.log(
		`- distinct content headwords whose root the lexicon knows: ${share(knownTypes, types.size)}`
	);
	return known / tokens;
}

const coverage = corpusPath ? corpusCoverage(corpusPath) : undefined;
if (!corpusPath)
	console.log(
		`\nLexicon coverage: skipped, ${CORPUS_NAME} not found in ../shared/corpora/ beside the repository (set MORPH_CORPUS to its path).`
	);

const heldOut = lists['held-out list, never tuned to (bench/morph-heldout.tsv)'];
const kartuHeld = accuracy(heldOut, tools.Kartu);
const sastrawiHeld = accuracy(heldOut, tools.sastrawijs);
const rate = (a: { right: number; total: number }) => a.right / a.total;
const verdict = (ok: boolean) => (ok ? 'met' : 'not met');
console.log('\nTargets:');
console.log(
	`- root accuracy on held-out words ≥ 98%: ${(100 * rate(kartuHeld)).toFixed(1)}%, ${verdict(rate(kartuHeld) >= 0.98)}`
);
console.log(
	`- ahead of Sastrawi on held-out words (${(100 * rate(sastrawiHeld)).toFixed(1)}%): ${verdict(rate(kartuHeld) > rate(sastrawiHeld))}`
);
console.log(
	`- lexicon coverage ≥ 98%: ${coverage === undefined ? 'not measured' : `${(100 * coverage).toFixed(1)}%, ${verdict(coverage >= 0.98)}`}`
);
