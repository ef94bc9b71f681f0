import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, readLexicon } from '../../../scripts/content-node';
import { parseArticle } from '../text';
import { deckFromSource, missingGlossary } from './deck';
import type { Glossary } from './types';

const lex = readLexicon();
const articleFiles = readdirSync(`${CONTENT}/articles`).filter((f) => f.endsWith('.md'));

function load(file: string) {
	const raw = readFileSync(`${CONTENT}/articles/${file}`, 'utf8');
	const slug = parseArticle(raw).meta.slug;
	const glossaryPath = `${CONTENT}/glossary/${slug}.json`;
	const glossary = existsSync(glossaryPath)
		? (JSON.parse(readFileSync(glossaryPath, 'utf8')) as Glossary)
		: undefined;
	return { raw, slug, glossary };
}

describe.each(articleFiles)('content/articles/%s', (file) => {
	const { raw, slug, glossary } = load(file);
	const deck = deckFromSource(raw, glossary, lex);

	it('has a glossary with a gloss and part of speech for every headword and a translation for every sentence', () => {
		expect(glossary, `content/glossary/${slug}.json is missing`).toBeDefined();
		expect(missingGlossary(deck, glossary)).toEqual({
			headwords: [],
			sentences: [],
			stale: [],
			staleHeadwords: []
		});
	});

	it('has no gloss that merely repeats the Indonesian word, unless marked as a cognate', () => {
		const repeats = Object.entries(glossary?.headwords ?? {}).filter(
			([hw, e]) =>
				e.gloss
					.toLowerCase()
					.split(/[;,] */)
					.includes(hw.toLowerCase()) && !/cognate/i.test(e.note ?? '')
		);
		expect(repeats.map(([hw]) => hw)).toEqual([]);
	});

	it('gives each headword a vocabulary card and a cloze card with stable ids', () => {
		const ids = deck.cards.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of deck.cards) expect(c.id).toBe(`${c.headword}/${c.kind}`);
		const vocab = deck.cards.filter((c) => c.kind === 'vocab').map((c) => c.headword);
		expect(deck.cards.filter((c) => c.kind === 'cloze').map((c) => c.headword)).toEqual(vocab);
	});

	it('points every card at its word in its sentence', () => {
		for (const c of deck.cards) {
			const sentence = deck.sentences.find((s) => s.id === c.sentenceId)!;
			expect(sentence.text).toBe(c.sentence);
			expect(c.spans.length).toBeGreaterThan(0);
			const texts = c.spans.map((span) => sentence.text.slice(span.start, span.end));
			// A split expression's parts join into the answer; a repeated word is the answer at each place.
			if (c.answer.includes(' … ')) expect(texts.join(' … ')).toBe(c.answer);
			else for (const t of texts) expect(t.toLowerCase()).toBe(c.answer.toLowerCase());
		}
	});
});

describe('the azerbaijan-iran deck', () => {
	const { raw, glossary } = load('azerbaijan-iran.md');
	const deck = deckFromSource(raw, glossary, lex);
	const card = (hw: string, kind: 'vocab' | 'cloze' | 'drill') =>
		deck.cards.find((c) => c.id === `${hw}/${kind}`)!;

	it('has 22 sentences and 141 headwords, each with a vocabulary and a cloze card, and 23 affix drills', () => {
		expect(deck.sentences).toHaveLength(22);
		expect(deck.cards.filter((c) => c.kind !== 'drill')).toHaveLength(282);
		expect(deck.cards.filter((c) => c.kind === 'drill')).toHaveLength(23);
	});

	it("offers a root family's forms on an affix drill, with what each affix does", () => {
		const drill = card('menekankan', 'drill');
		expect(drill.choices?.map((c) => c.form)).toEqual(['menekankan', 'penekanan', 'tekan']);
		const [right, noun, root] = drill.choices!;
		expect(right).toMatchObject({ pos: 'verb', affixes: ['meN-', '-kan'] });
		expect(right.meaning).toMatch(/transitive or causative verb/);
		expect(noun).toMatchObject({ pos: 'noun', affixes: ['peN-', '-an'] });
		expect(noun.meaning).toMatch(/process or act/);
		expect(root.meaning).toBe('the bare root');
		expect(drill.sentence.slice(drill.spans[0].start, drill.spans[0].end).toLowerCase()).toBe(
			'menekankan'
		);
		// No drill for a word without a family in the article
		expect(deck.cards.some((c) => c.id === 'hubungan/drill')).toBe(false);
	});

	it('makes fixed expressions one unit, and their words no cards of their own', () => {
		const headwords = new Set(deck.cards.map((c) => c.headword));
		for (const p of [
			'timbal balik',
			'kerja sama',
			'bekerja sama',
			'campur tangan',
			'masa depan',
			'dalam rangka',
			'atas dasar',
			'tidak hanya … tetapi juga'
		]) {
			expect(headwords.has(p), p).toBe(true);
		}
		for (const w of ['timbal', 'balik', 'campur', 'kerjasama', 'depan'])
			expect(headwords.has(w), w).toBe(false);
		// "tangan" stays a family member through menangani, but has no card of its own here
		expect(headwords.has('tangan')).toBe(false);
		const split = card('tidak hanya … tetapi juga', 'cloze');
		expect(split.spans).toHaveLength(2);
		expect(split.answer).toBe('tidak hanya … tetapi juga');
		// kerjasama, written as one word, is the same headword and accepts both spellings
		const ks = card('kerja sama', 'cloze');
		expect([ks.answer, ...(ks.alternatives ?? [])].map((a) => a.toLowerCase())).toEqual(
			expect.arrayContaining(['kerjasama', 'kerja sama'])
		);
	});

	it('lists the family of a root: tekan gives menekankan and penekanan', () => {
		expect(card('menekankan', 'vocab').family).toEqual(['penekanan']);
		expect(card('penekanan', 'vocab').family).toEqual(['menekankan']);
		expect(card('memperkuat', 'vocab').family).toEqual(
			expect.arrayContaining(['menguatkan', 'kekuatan'])
		);
	});

	it('blanks the shortest sentence, leaving the clitic in view', () => {
		const c = card('kegunaan', 'cloze');
		expect(c.answer).toBe('kegunaan');
		const s = c.sentence;
		expect(s.slice(c.spans[0].start, c.spans[0].end + 3)).toBe('kegunaannya');
		const keamanan = card('keamanan', 'cloze');
		const withWord = deck.sentences.filter((x) => x.kind === 'body' && /keamanan/i.test(x.text));
		expect(keamanan.sentence.length).toBe(Math.min(...withWord.map((x) => x.text.length)));
	});

	it('prefers running text to the caption for a cloze', () => {
		expect(card('menteri', 'cloze').sentence).not.toBe(
			'Menteri Intelijen Iran Seyed Mahmoud Alavi'
		);
	});

	it('keeps every card id across two builds and across an edit of the article text', () => {
		const again = deckFromSource(raw, glossary, lex);
		expect(again.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
		// A new first paragraph shifts every position, but no id.
		const edited = raw.replace(
			'\nHubungan antara Republik',
			'\nKonvergensi itu penting sekali. Hubungan antara Republik'
		);
		expect(edited).not.toBe(raw);
		const rebuilt = deckFromSource(edited, glossary, lex);
		const ids = new Set(rebuilt.cards.map((c) => c.id));
		for (const c of deck.cards) expect(ids.has(c.id)).toBe(true);
		expect(card('konvergensi', 'vocab').position).not.toBe(
			rebuilt.cards.find((c) => c.id === 'konvergensi/vocab')!.position
		);
	});

	it('expands abbreviations on their cards', () => {
		expect(card('Letjen', 'vocab')).toMatchObject({ expansion: 'Letnan Jenderal' });
	});
});

describe('informal words', () => {
	it('mark their cards informal, with the standard root', () => {
		const deck = deckFromSource(
			'---\nslug: chat\ntitle: Chat\nlanguage: id\nsource: test\n---\nPesan\nAku mau nyimpen buku itu.\n',
			undefined,
			lex
		);
		const informal = deck.cards.find((c) => c.headword === 'nyimpen' && c.kind === 'vocab');
		expect(informal).toMatchObject({ root: 'simpan', affixes: ['N-'], informal: true });
		expect(deck.cards.find((c) => c.headword === 'buku')?.informal).toBeUndefined();
	});
});
