// Aligns a pasted English translation with an article's sentences, paragraph by paragraph and then sentence by sentence, by length (Gale and Church 1993).

import { splitParagraph } from './segment';

/** A sentence of the article as the aligner needs it: its text and the paragraph it is in. */
export interface SourceSentence {
	text: string;
	paragraph: number;
}

/** What one sentence of the article was given. */
export interface SentenceMatch {
	/** Indexes into `Alignment.target` of the English sentences matched to it, ascending; empty for none. */
	targets: number[];
	/** Those English sentences joined by spaces; undefined when there are none. */
	translation?: string;
	/** How likely the match is right, 0-1 (1 for a match the learner set by hand). */
	confidence: number;
	/** Set by the learner with `moveBoundary` or `reassign`. */
	fixed?: boolean;
}

export interface Alignment {
	/** One entry per sentence of the article, in order. */
	sentences: SentenceMatch[];
	/** The English sentences, in order. */
	target: string[];
	/**
	 * How paragraphs were paired: `matched` one to one (equal counts), `aligned` by length (counts
	 * differ), or `ignored` (one side has far fewer paragraphs, so sentences were aligned throughout).
	 */
	paragraphs: 'matched' | 'aligned' | 'ignored';
	/** The mean confidence over the article's sentences. */
	confidence: number;
}

/** A run of source items matched to a run of target items: [from, to) on each side. */
export interface Bead {
	source: [number, number];
	target: [number, number];
	/** How likely this bead is right, 0-1. */
	confidence: number;
}

/** The match shapes allowed, with their prior probabilities (Gale and Church 1993, table 5). */
const SHAPES: { s: number; t: number; prior: number; trust: number }[] = [
	{ s: 1, t: 1, prior: 0.89, trust: 1 },
	{ s: 1, t: 0, prior: 0.0099 / 2, trust: 0.4 },
	{ s: 0, t: 1, prior: 0.0099 / 2, trust: 0.4 },
	{ s: 2, t: 1, prior: 0.089 / 2, trust: 0.75 },
	{ s: 1, t: 2, prior: 0.089 / 2, trust: 0.75 }
];

/** Variance of the target length per source character (Gale and Church's s² = 6.8). */
const VARIANCE = 6.8;

/** Beyond this many cells, the dynamic programme keeps to a band around the diagonal. */
const FULL_TABLE_CELLS = 4_000_000;

/** English words written with a full stop that does not end the sentence. */
const ENGLISH_ABBREVIATION =
	/\b(?:Gen|Lt|Col|Sen|Rep|Gov|Capt|Sgt|Maj|Adm|Brig|Cmdr|Supt|Rev|Hon|Jr|Sr|Inc|Corp|Co|Ltd|Mt|Ft|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|approx|Messrs|e\.g|i\.e|[Nn]o)\.$/;

/**
 * Splits English text into paragraphs (non-empty lines, as the article's are) and sentences, with
 * the app's own splitter (`splitParagraph`), then joins back pieces that ended at an English
 * abbreviation (Gen., Inc., Sept.).
 * @example splitEnglish('Title\nGen. Ali spoke. He left.') → [{ text: 'Title', paragraph: 0 }, { text: 'Gen. Ali spoke.', paragraph: 1 }, { text: 'He left.', paragraph: 1 }]
 */
export function splitEnglish(text: string): SourceSentence[] {
	const out: SourceSentence[] = [];
	let paragraph = 0;
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (!line || !/[\p{L}\p{N}]/u.test(line)) continue;
		const pieces: string[] = [];
		for (const piece of chunks(line).flatMap(splitParagraph)) {
			if (pieces.length && ENGLISH_ABBREVIATION.test(pieces[pieces.length - 1]))
				pieces[pieces.length - 1] += ` ${piece}`;
			else pieces.push(piece);
		}
		for (const piece of pieces) out.push({ text: piece, paragraph });
		paragraph++;
	}
	return out;
}

/**
 * A long line cut at sure sentence ends (a stop after a lowercase word of four letters or more,
 * then a capital) into chunks of about 2,000 characters, because `splitParagraph` looks back over
 * the whole line at every stop and so takes quadratic time on one very long line.
 */
function chunks(line: string, size = 2000): string[] {
	if (line.length <= size) return [line];
	const out: string[] = [];
	let start = 0;
	const sure = /(\p{Ll}{4,})[.!?]["”’)\]]*\s+(?=["“‘([]?[\p{Lu}\d])/gu;
	sure.lastIndex = size;
	for (let m = sure.exec(line); m; m = sure.exec(line)) {
		if (/^(?:approx|messrs|sept)$/i.test(m[1])) continue;
		const end = m.index + m[0].length;
		out.push(line.slice(start, end).trim());
		start = end;
		sure.lastIndex = Math.max(end, start + size);
	}
	out.push(line.slice(start).trim());
	return out.filter(Boolean);
}

/**
 * Aligns an English translation of a whole article with the article's sentences. Paragraphs
 * first: one to one when both sides have as many, else by length with the same dynamic programme
 * as sentences (unless one side has over twice as many, when paragraphs are ignored). Then, within
 * each pair of paragraphs, sentences by the Gale-Church length model allowing 1-1, 1-2, 2-1, 1-0
 * and 0-1 matches, each bead's cost lowered by the numbers and names both sides share (and raised
 * by numbers only one side has). Two sentences of the article matched to one English sentence share it.
 *
 * @example alignTranslation([{ text: 'Hujan turun.', paragraph: 0 }, { text: 'Jalan banjir.', paragraph: 0 }], 'It rained. The road flooded.')
 *   → sentences [{ targets: [0], translation: 'It rained.', … }, { targets: [1], translation: 'The road flooded.', … }]
 */
export function alignTranslation(source: SourceSentence[], translation: string): Alignment {
	const english = splitEnglish(translation);
	const target = english.map((s) => s.text);
	const sourceLengths = source.map((s) => length(s.text));
	const targetLengths = target.map(length);
	const ratio = lengthRatio(sourceLengths, targetLengths);
	const sourceAnchors = source.map((s) => anchors(s.text));
	const targetAnchors = target.map(anchors);
	const sentences: SentenceMatch[] = source.map(() => ({ targets: [], confidence: 0 }));

	const sourceGroups = groups(source.map((s) => s.paragraph));
	const targetGroups = groups(english.map((s) => s.paragraph));
	let paragraphs: Alignment['paragraphs'];
	let paragraphBeads: Bead[];
	const ps = sourceGroups.length;
	const pt = targetGroups.length;
	if (ps === pt) {
		paragraphs = 'matched';
		paragraphBeads = sourceGroups.map((_, k) => ({
			source: [k, k + 1],
			target: [k, k + 1],
			confidence: 1
		}));
	} else if (Math.min(ps, pt) > 0 && Math.max(ps, pt) <= 2 * Math.min(ps, pt)) {
		paragraphs = 'aligned';
		const sum = (lengths: number[], g: [number, number]) =>
			lengths.slice(g[0], g[1]).reduce((a, b) => a + b, 0);
		const union = (all: string[][], g: [number, number]) => [
			...new Set(all.slice(g[0], g[1]).flat())
		];
		const sourceParagraphAnchors = sourceGroups.map((g) => union(sourceAnchors, g));
		const targetParagraphAnchors = targetGroups.map((g) => union(targetAnchors, g));
		paragraphBeads = galeChurch(
			sourceGroups.map((g) => sum(sourceLengths, g)),
			targetGroups.map((g) => sum(targetLengths, g)),
			ratio,
			(sr, tr) =>
				anchorCost(sourceParagraphAnchors, sr[0], sr[1], targetParagraphAnchors, tr[0], tr[1])
		);
	} else {
		paragraphs = 'ignored';
		paragraphBeads = [{ source: [0, ps], target: [0, pt], confidence: 1 }];
	}

	for (const pb of paragraphBeads) {
		const s0 = pb.source[0] < ps ? sourceGroups[pb.source[0]][0] : source.length;
		const s1 = pb.source[1] > pb.source[0] ? sourceGroups[pb.source[1] - 1][1] : s0;
		const t0 = pb.target[0] < pt ? targetGroups[pb.target[0]][0] : target.length;
		const t1 = pb.target[1] > pb.target[0] ? targetGroups[pb.target[1] - 1][1] : t0;
		const beads = galeChurch(
			sourceLengths.slice(s0, s1),
			targetLengths.slice(t0, t1),
			ratio,
			(sr, tr) =>
				anchorCost(sourceAnchors, s0 + sr[0], s0 + sr[1], targetAnchors, t0 + tr[0], t0 + tr[1])
		);
		for (const b of beads) {
			const targets = range(t0 + b.target[0], t0 + b.target[1]);
			for (let i = s0 + b.source[0]; i < s0 + b.source[1]; i++) {
				sentences[i] = { targets, confidence: round(b.confidence * pb.confidence) };
			}
		}
	}
	return finish(sentences, target, paragraphs);
}

/**
 * The Gale-Church alignment of two sequences of lengths: the least-cost sequence of beads, where
 * a bead's cost is −log(prior of its shape × probability of its length difference). `ratio` is
 * the expected target length per source character (by default the ratio of the totals). Long
 * inputs keep to a band around the diagonal, so the cost stays about linear in their size.
 *
 * Gale, W. A. and Church, K. W. (1993) "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1): δ = (l₂ − l₁c) / √(s² · (l₁ + l₂/c)/2), P(δ) = 2(1 − Φ(|δ|)).
 *
 * `extraCost`, when given, is added to the cost of every bead with sentences on both sides
 * (alignTranslation uses it for numbers and names the two sides share).
 *
 * @example galeChurch([10, 12], [11, 13]) → [{ source: [0, 1], target: [0, 1], … }, { source: [1, 2], target: [1, 2], … }]
 */
export function galeChurch(
	sourceLengths: number[],
	targetLengths: number[],
	ratio = lengthRatio(sourceLengths, targetLengths),
	extraCost?: (source: [number, number], target: [number, number]) => number
): Bead[] {
	const n = sourceLengths.length;
	const m = targetLengths.length;
	// Keep to a band of half-width `band` around the diagonal when the full table is too large;
	// each row stores only its band.
	const band =
		(n + 1) * (m + 1) <= FULL_TABLE_CELLS
			? m + 1
			: Math.max(50, Math.ceil(Math.abs(n - m) + 3 * Math.sqrt(n + m)));
	const from = new Int32Array(n + 1);
	const costs: Float64Array[] = [];
	const shapes: Int8Array[] = [];
	const at = (i: number, j: number) => {
		const k = j - from[i];
		return k >= 0 && k < costs[i].length ? costs[i][k] : Infinity;
	};
	for (let i = 0; i <= n; i++) {
		const centre = n ? Math.round((i * m) / n) : 0;
		from[i] = Math.max(0, centre - band);
		const to = Math.min(m, centre + band);
		const rowCost = new Float64Array(to - from[i] + 1).fill(Infinity);
		const rowShape = new Int8Array(to - from[i] + 1).fill(-1);
		costs.push(rowCost);
		shapes.push(rowShape);
		for (let j = from[i]; j <= to; j++) {
			if (i === 0 && j === 0) {
				rowCost[0] = 0;
				continue;
			}
			let best = Infinity;
			let bestShape = -1;
			for (let k = 0; k < SHAPES.length; k++) {
				const { s, t } = SHAPES[k];
				if (i < s || j < t) continue;
				const before = at(i - s, j - t);
				if (before === Infinity) continue;
				let c =
					before + beadCost(k, sum(sourceLengths, i - s, i), sum(targetLengths, j - t, j), ratio);
				if (extraCost && s && t) c += extraCost([i - s, i], [j - t, j]);
				if (c < best) {
					best = c;
					bestShape = k;
				}
			}
			rowCost[j - from[i]] = best;
			rowShape[j - from[i]] = bestShape;
		}
	}
	const beads: Bead[] = [];
	let i = n;
	let j = m;
	while (i > 0 || j > 0) {
		const k = shapes[i][j - from[i]];
		if (k === undefined || k < 0) throw new Error(`galeChurch: no path to (${i}, ${j})`);
		const { s, t } = SHAPES[k];
		beads.push({
			source: [i - s, i],
			target: [j - t, j],
			confidence: beadConfidence(
				k,
				sum(sourceLengths, i - s, i),
				sum(targetLengths, j - t, j),
				ratio
			)
		});
		i -= s;
		j -= t;
	}
	return beads.reverse();
}

/**
 * What a sentence says that survives translation: its numbers (separators dropped, so 500.000 and
 * 500,000 are both '#500000') and the names inside it (capitalised words after the first, unless
 * most words are capitalised, as in a headline), lowercased.
 * @example anchors('Bu Sari menjual 1.500 ikat sayur di Bogor.') → ['#1500', 'sari', 'bogor']
 */
export function anchors(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) out.add(`#${m[0].replace(/[.,]/g, '')}`);
	const words = [...text.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => m[0]);
	const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
	if (capitalised.length * 2 <= words.length) {
		for (const w of words.slice(1))
			if (/^\p{Lu}/u.test(w) && w.length >= 3) out.add(w.toLowerCase());
	}
	return [...out];
}

/**
 * Cost added to a bead for its anchors: −2 for each number both sides have, +1 for each number
 * only one side has, −1 for each shared name (names are often translated, so a missing one costs nothing).
 */
function anchorCost(
	sourceAnchors: string[][],
	s0: number,
	s1: number,
	targetAnchors: string[][],
	t0: number,
	t1: number
): number {
	const a = s1 - s0 === 1 ? sourceAnchors[s0] : sourceAnchors.slice(s0, s1).flat();
	const b = t1 - t0 === 1 ? targetAnchors[t0] : targetAnchors.slice(t0, t1).flat();
	if (!a.length && !b.length) return 0;
	let cost = 0;
	for (const x of a) {
		const shared = b.includes(x);
		if (x.startsWith('#')) cost += shared ? -2 : 1;
		else if (shared) cost -= 1;
	}
	for (const y of b) if (y.startsWith('#') && !a.includes(y)) cost += 1;
	return cost;
}

function beadCost(k: number, l1: number, l2: number, ratio: number): number {
	return -Math.log(SHAPES[k].prior) - Math.log(lengthProbability(l1, l2, ratio));
}

/** 2(1 − Φ(|δ|)), kept above a floor so that a long unmatched sentence costs a lot, not infinity. */
function lengthProbability(l1: number, l2: number, ratio: number): number {
	return Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta(l1, l2, ratio)))));
}

function delta(l1: number, l2: number, ratio: number): number {
	if (l1 === 0 && l2 === 0) return 0;
	const mean = (l1 + l2 / ratio) / 2;
	return (l2 - l1 * ratio) / Math.sqrt(VARIANCE * mean * ratio);
}

/** A gentler reading of |δ| than the cost (|δ| = 1 is an ordinary pair), times how much the shape is trusted. */
function beadConfidence(k: number, l1: number, l2: number, ratio: number): number {
	const { s, t, trust } = SHAPES[k];
	if (s === 0 || t === 0) return trust;
	const d = delta(l1, l2, ratio);
	return round(trust * Math.exp((-d * d) / 8));
}

/** Φ, the standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
function normalCdf(z: number): number {
	const t = 1 / (1 + 0.2316419 * Math.abs(z));
	const poly =
		t *
		(0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
	const p = 1 - 0.3989422804014327 * Math.exp((-z * z) / 2) * poly;
	return z >= 0 ? p : 1 - p;
}

/**
 * Moves the boundary after sentence `index`: +1 gives it the English sentence right after its
 * own (taking it from whichever sentence had it), −1 gives its last English sentence to the
 * sentence after it. Both sentences are then marked as set by hand.
 * @example moveBoundary(alignment, 3, 1) // sentence 3 takes the first English sentence of sentence 4
 */
export function moveBoundary(alignment: Alignment, index: number, delta: 1 | -1): Alignment {
	const sentences = alignment.sentences.map((s) => ({ ...s, targets: [...s.targets] }));
	const here = sentences[index];
	if (!here) return alignment;
	if (delta === 1) {
		const before = sentences.slice(0, index + 1).flatMap((s) => s.targets);
		const next = before.length ? Math.max(...before) + 1 : 0;
		if (next >= alignment.target.length) return alignment;
		for (const s of sentences) s.targets = s.targets.filter((t) => t !== next);
		here.targets = [...here.targets, next].sort((a, b) => a - b);
	} else {
		if (!here.targets.length) return alignment;
		const last = here.targets.pop()!;
		const after = sentences[index + 1];
		if (after && !after.targets.includes(last))
			after.targets = [last, ...after.targets].sort((a, b) => a - b);
		if (after) markFixed(after);
	}
	markFixed(here);
	return finish(sentences, alignment.target, alignment.paragraphs);
}

/**
 * Gives sentence `index` exactly the English sentences `targets` (none, to leave it without a
 * translation), taking them from any other sentence that had them; it is marked as set by hand.
 * @example reassign(alignment, 2, [4, 5]) // sentence 2 is translated by English sentences 4 and 5
 */
export function reassign(alignment: Alignment, index: number, targets: number[]): Alignment {
	if (!alignment.sentences[index]) return alignment;
	const chosen = [...new Set(targets)]
		.filter((t) => Number.isInteger(t) && t >= 0 && t < alignment.target.length)
		.sort((a, b) => a - b);
	const sentences = alignment.sentences.map((s, i) =>
		i === index
			? { ...s, targets: chosen }
			: { ...s, targets: s.targets.filter((t) => !chosen.includes(t)) }
	);
	markFixed(sentences[index]);
	return finish(sentences, alignment.target, alignment.paragraphs);
}

function markFixed(s: SentenceMatch) {
	s.fixed = true;
	s.confidence = 1;
}

/** Fills in each sentence's translation and the mean confidence. */
function finish(
	sentences: SentenceMatch[],
	target: string[],
	paragraphs: Alignment['paragraphs']
): Alignment {
	const out = sentences.map((s): SentenceMatch => {
		const { translation: _old, ...rest } = s;
		return s.targets.length
			? { ...rest, translation: s.targets.map((t) => target[t]).join(' ') }
			: rest;
	});
	const confidence = out.length ? round(out.reduce((a, s) => a + s.confidence, 0) / out.length) : 0;
	return { sentences: out, target, paragraphs, confidence };
}

/** Expected target characters per source character: the ratio of the totals, 1 when either is empty. */
function lengthRatio(sourceLengths: number[], targetLengths: number[]): number {
	const s = sourceLengths.reduce((a, b) => a + b, 0);
	const t = targetLengths.reduce((a, b) => a + b, 0);
	return s && t ? t / s : 1;
}

/** Characters other than spaces. */
function length(text: string): number {
	return text.replace(/\s+/g, '').length;
}

/** Runs of equal values as [from, to) ranges: [0, 0, 1, 3, 3] → [[0, 2], [2, 3], [3, 5]]. */
function groups(values: number[]): [number, number][] {
	const out: [number, number][] = [];
	values.forEach((v, i) => {
		if (i > 0 && values[i - 1] === v) out[out.length - 1][1] = i + 1;
		else out.push([i, i + 1]);
	});
	return out;
}

function sum(values: number[], from: number, to: number): number {
	let total = 0;
	for (let i = from; i < to; i++) total += values[i];
	return total;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from }, (_, k) => from + k);
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
