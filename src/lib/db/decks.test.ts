// Decks stored as one set of cards per headword: a headword in several articles is one vocabulary
// card and one cloze card (and its drill), whose cloze holds a sentence of each article.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deckFromSource, shownContent, type Deck } from '../cards';
import { Rating, Scheduler, type Grade } from '../srs';
import { practiceCards, recordAnswer } from './answers';
import { syncDecks } from './decks';
import type { KartuDB } from './schema';
import { eachTestDatabase, second, seed, T0, testSettings } from './test-support';

let db: KartuDB;
eachTestDatabase('decks', (d) => (db = d));

const cardsOf = (headword: string) => db.cards.where('sibling').equals(headword).sortBy('id');

/** Answers the stored card `id` with `grade` at `at`. */
async function answer(id: string, at: Date, grade: Grade = Rating.Good) {
	const card = (await db.cards.get(id))!;
	const next = new Scheduler(testSettings).answer(card.fsrs, grade, at);
	return recordAnswer(db, { card, grade, next, time: at, ms: 3000, dayStartHour: 4 });
}

/** The second article with only the sentences that `keep` accepts. */
function edited(keep: (line: string) => boolean): Deck {
	const raw = `---
slug: kunjungan-baku
title: Kunjungan ke Baku
language: id
source: Written for Kartu's tests.
---
${['Kunjungan ke Baku', 'Presiden menekankan hubungan baik antara kedua negara.', 'Menteri itu mengatakan bahwa kerja sama keamanan sangat penting bagi kawasan.', 'Hubungan dagang juga berkembang dengan cepat.'].filter(keep).join('\n')}
`;
	return deckFromSource(raw, undefined, seed.lex);
}

describe('syncDecks across articles', () => {
	it('makes a headword in two articles one vocabulary and one cloze card, the cloze with a sentence of each', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		const ids = new Set([...seed.deck.cards, ...second.cards].map((c) => c.id));
		expect(await db.cards.count()).toBe(ids.size);
		expect(ids.size).toBeLessThan(seed.deck.cards.length + second.cards.length);
		const [cloze, vocab] = await cardsOf('hubungan');
		expect([cloze.id, vocab.id]).toEqual(['hubungan/cloze', 'hubungan/vocab']);
		for (const c of [cloze, vocab])
			expect(c.articles).toEqual(['azerbaijan-iran', 'kunjungan-baku']);
		const sentenceOf = (d: Deck) => d.cards.find((c) => c.id === 'hubungan/cloze')!.sentence;
		expect(cloze.content.contexts!.map((c) => [c.article, c.sentence, c.from])).toEqual([
			['azerbaijan-iran', sentenceOf(seed.deck), 0],
			['kunjungan-baku', sentenceOf(second), 0]
		]);
		// The first article gives the content and the place among new cards.
		expect(cloze.content.sentence).toBe(sentenceOf(seed.deck));
		const first = seed.deck.cards.find((c) => c.id === 'hubungan/cloze')!;
		expect(cloze.position).toBe(first.position * 3 + 1);
		// A headword of the second article only comes after every headword of the first.
		const [dagang] = await cardsOf('dagang');
		expect(dagang.articles).toEqual(['kunjungan-baku']);
		expect(dagang.position).toBeGreaterThan(
			Math.max(
				...(await db.cards.toArray())
					.filter((c) => c.articles[0] === 'azerbaijan-iran')
					.map((c) => c.position)
			)
		);
		// Practising either article takes the shared cards.
		for (const slug of ['azerbaijan-iran', 'kunjungan-baku'])
			expect((await practiceCards(db, slug)).map((c) => c.id)).toContain('hubungan/cloze');
		expect((await practiceCards(db, 'kunjungan-baku')).map((c) => c.id).sort()).toEqual(
			second.cards.map((c) => c.id).sort()
		);
	});

	it('gives a headword already studied no new card from a new article; its cloze card gains the sentence', async () => {
		await syncDecks(db, [seed.deck], T0);
		await answer('hubungan/vocab', T0);
		await answer('hubungan/cloze', new Date(T0.getTime() + 86_400_000));
		const before = await cardsOf('hubungan');
		const later = new Date(T0.getTime() + 2 * 86_400_000);
		const result = await syncDecks(db, [second], later);
		const after = await cardsOf('hubungan');
		expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
		after.forEach((c, i) => expect(c.fsrs).toEqual(before[i].fsrs));
		const cloze = after.find((c) => c.id === 'hubungan/cloze')!;
		// The new sentence joins at the card's review count: its next review shows it.
		expect(cloze.content.contexts!.map((c) => [c.article, c.from])).toEqual([
			['azerbaijan-iran', 0],
			['kunjungan-baku', cloze.fsrs.reps]
		]);
		expect(shownContent(cloze.content, cloze.fsrs.reps).article).toBe('kunjungan-baku');
		const shared = second.cards.filter((c) => seed.deck.cards.some((d) => d.id === c.id));
		expect(result).toMatchObject({
			added: second.cards.length - shared.length,
			updated: shared.length
		});
	});

	it('gives no affix drill to a headword studied in another article', async () => {
		await syncDecks(db, [second], T0);
		await answer('penting/vocab', T0);
		await syncDecks(db, [seed.deck], new Date(T0.getTime() + 86_400_000));
		expect(seed.deck.cards.some((c) => c.id === 'penting/drill')).toBe(true);
		expect((await cardsOf('penting')).map((c) => c.id)).toEqual(['penting/cloze', 'penting/vocab']);
		// A headword not yet studied gets its drill.
		expect(await db.cards.get('menekankan/drill')).toBeDefined();
	});

	it('takes a headword that left an article out of it, and retires it when it is in none', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		await answer('hubungan/cloze', T0);
		await syncDecks(db, [edited((line) => !/hubungan/i.test(line))], T0);
		const [cloze, vocab] = await cardsOf('hubungan');
		expect(vocab).toMatchObject({ articles: ['azerbaijan-iran'], retired: false });
		expect(cloze.content.contexts!.map((c) => c.article)).toEqual(['azerbaijan-iran']);
		expect(cloze.fsrs.reps).toBe(1);
		const [dagangCloze, dagangVocab] = await cardsOf('dagang');
		for (const c of [dagangCloze, dagangVocab])
			expect(c).toMatchObject({ articles: ['kunjungan-baku'], retired: true, queue: -2 });
		// Back in the article, it comes back.
		await syncDecks(db, [second], T0);
		expect((await cardsOf('dagang')).map((c) => c.retired)).toEqual([false, false]);
		expect((await cardsOf('hubungan'))[0].content.contexts).toHaveLength(2);
	});

	it('deleting the first article of a card gives it the content and place of the next', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		await answer('hubungan/vocab', T0);
		const studied = (await db.cards.get('hubungan/vocab'))!;
		// Deleted: synced as an empty deck, beside the article that stays (unchanged since).
		const result = await syncDecks(db, [{ ...seed.deck, cards: [] }, second], T0);
		const [cloze, vocab] = await cardsOf('hubungan');
		const fromSecond = (kind: string) => second.cards.find((c) => c.id === `hubungan/${kind}`)!;
		expect(vocab).toMatchObject({
			articles: ['kunjungan-baku'],
			retired: false,
			fsrs: studied.fsrs,
			position: 1_000_000 + fromSecond('vocab').position * 3
		});
		expect(vocab.content.sentence).toBe(fromSecond('vocab').sentence);
		expect(cloze.content.contexts!.map((c) => c.article)).toEqual(['kunjungan-baku']);
		expect(cloze.content.sentence).toBe(fromSecond('cloze').sentence);
		// The cards no other article uses are retired, with the history they have.
		const left = await db.cards.where('articles').equals('azerbaijan-iran').toArray();
		expect(left.length).toBe(
			seed.deck.cards.filter((c) => !second.cards.some((d) => d.id === c.id)).length
		);
		expect(left.every((c) => c.retired)).toBe(true);
		expect(result.retired).toBe(left.length);
	});
});
