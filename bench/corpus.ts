// A large, realistic-looking Indonesian text for the analysis benchmark, generated deterministically
// from the seed article's sentences and the root lexicon: the article's and glossary's sentences,
// shuffled, with about a quarter of their content words swapped for other affixed forms of roots
// the lexicon knows, plus a few invented words and names the lexicon cannot know.

import { parseArticle, type Lexicon, stemIndex, splitSentences, tokenize } from '../src/lib/text';
import type { Glossary } from '../src/lib/cards';

/** mulberry32: a small seeded generator, so every run analyses the same text. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYLLABLES = [
	'ba',
	'ka',
	'ta',
	'ri',
	'lu',
	'mo',
	'se',
	'ngi',
	'pra',
	'du',
	'wen',
	'jo',
	'tur',
	'gas',
	'hi',
	'nyu'
];

/**
 * About `bytes` bytes of Indonesian text (UTF-8), in paragraphs of three to six sentences.
 * The same arguments always give the same text.
 */
export function indonesianText(
	bytes: number,
	raw: string,
	glossary: Glossary,
	lex: Lexicon,
	seed = 20261128
): string {
	const random = seeded(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const { meta, body } = parseArticle(raw);
	const sentences = [
		...new Set([
			...splitSentences(meta.slug, body)
				.filter((s) => s.kind === 'body')
				.map((s) => s.text),
			...Object.values(glossary.sentences).map((s) => s.text)
		])
	];
	// Forms of known roots with at most one prefix (stacked prefixes are rare in real text), the bare
	// root as often as all its affixed forms; frequent roots more often: band 1 roots appear eight
	// times in the pool.
	const byRoot = new Map<string, string[]>();
	for (const [stem, forms] of stemIndex(lex)) {
		for (const f of forms) {
			if (f.inner) continue;
			const list = byRoot.get(f.root) ?? [];
			for (const suffix of f.confix) list.push(stem + suffix);
			byRoot.set(f.root, list);
		}
	}
	for (const [root, list] of byRoot) list.push(...Array<string>(list.length).fill(root));
	const pool: string[][] = [];
	for (const [root, entry] of lex.roots) {
		const forms = byRoot.get(root);
		if (!forms) continue;
		for (let i = 0; i < 2 ** (4 - entry.band); i++) pool.push(forms);
	}
	const invented = () =>
		Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
	const encoder = new TextEncoder();
	const paragraphs: string[] = [];
	let size = 0;
	while (size < bytes) {
		const count = 3 + Math.floor(random() * 4);
		const paragraph: string[] = [];
		for (let i = 0; i < count; i++) {
			const text = pick(sentences);
			let out = '';
			let at = 0;
			for (const t of tokenize(text)) {
				out += text.slice(at, t.start);
				at = t.end;
				const lower =
					t.kind === 'word' && t.text === t.text.toLowerCase() && !lex.functionWords.has(t.text);
				const r = random();
				if (lower && r < 0.25) out += pick(pick(pool));
				else if (lower && r < 0.27) out += invented();
				else if (lower && r < 0.28) out += invented().replace(/^./, (c) => c.toUpperCase());
				else out += t.text;
			}
			paragraph.push(out + text.slice(at));
		}
		const line = paragraph.join(' ');
		paragraphs.push(line);
		size += encoder.encode(line).length + 2;
	}
	return paragraphs.join('\n\n') + '\n';
}
