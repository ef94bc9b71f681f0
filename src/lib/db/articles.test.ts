// The learner's own articles: added with their choices in one transaction, one set of cards per
// headword across them and the bundled article, meanings, study-next order, deletion.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	addArticle,
	deleteArticle,
	libraryEntries,
	renameArticle,
	setMeaning,
	setSentenceTranslation,
	studyNext,
	wordsWithoutMeaning
} from './articles';
import { loadQueue } from './cards';
import { QUEUE } from './queues';
import type { KartuDB } from './schema';
import { answerNext, eachTestDatabase, seed, T0, testSettings, userArticle } from './test-support';

let db: KartuDB;
eachTestDatabase('articles', (d) => (db = d), { seeded: true });

/** Written for this test: shares hubungan, presiden, negara with the bundled article; `dirampulkan` has a root no lexicon knows. */
const PASAR = `Pasar Ikan di Pelabuhan

Pedagang ikan di pelabuhan itu bangun sebelum matahari terbit.
Hubungan antara nelayan dan pedagang sangat erat sejak dulu.
Presiden mengunjungi pasar itu dan berbicara dengan para nelayan tentang harga solar.
Ikan yang tidak terjual dirampulkan oleh para pedagang pada sore hari.`;

const none = { marks: {}, meanings: {} };

describe('addArticle', () => {
	it('stores the article, its library entry and its cards, and no second card for a shared word', async () => {
		const pasar = await userArticle(PASAR);
		expect(pasar.title).toBe('Pasar Ikan di Pelabuhan');
		const before = await db.cards.get('hubungan/cloze');
		await addArticle(db, pasar, none, T0);
		const [entry] = await libraryEntries(db);
		expect(entry).toMatchObject({ slug: pasar.slug, title: 'Pasar Ikan di Pelabuhan', words: 45 });
		expect((await db.articles.get(pasar.slug))?.text).toBe(PASAR);
		// hubungan: still one cloze card, now with a sentence of each article.
		const hubungan = (await db.cards.get('hubungan/cloze'))!;
		expect(hubungan.articles).toEqual(['azerbaijan-iran', pasar.slug]);
		expect(hubungan.content.contexts!.map((c) => c.sentence)).toEqual([
			before!.content.sentence,
			'Hubungan antara nelayan dan pedagang sangat erat sejak dulu.'
		]);
		expect(await db.cards.where('sibling').equals('hubungan').count()).toBe(
			await db.cards
				.where('sibling')
				.equals('hubungan')
				.and((c) => c.articles.length === 2)
				.count()
		);
		// A word new to the collection gets its cards, with the lexicon's gloss (a derived one labelled).
		const pedagang = (await db.cards.get('pedagang/vocab'))!;
		expect(pedagang.articles).toEqual([pasar.slug]);
		expect(pedagang.content.glossFrom).toBe('derived');
		expect(pedagang.content.gloss).toMatch(/made from dagang/);
		const ikan = (await db.cards.get('ikan/vocab'))!;
		expect(ikan.content).toMatchObject({
			glossFrom: 'lexicon',
			gloss: expect.stringMatching(/fish/)
		});
		// The article's new cards come after the bundled article's.
		const bundledLast = Math.max(
			...(await db.cards.where('articles').equals('azerbaijan-iran').toArray()).map(
				(c) => c.position
			)
		);
		expect(ikan.position).toBeGreaterThan(bundledLast);
	});

	it('gives a word whose root Kartu does not know a cloze card only, until the learner gives a meaning', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		expect(await db.cards.get('dirampulkan/vocab')).toBeUndefined();
		const cloze = (await db.cards.get('dirampulkan/cloze'))!;
		expect(cloze.queue).toBe(QUEUE.new);
		expect(await wordsWithoutMeaning(db, pasar.slug)).toEqual([
			{
				headword: 'dirampulkan',
				sentence: 'Ikan yang tidak terjual dirampulkan oleh para pedagang pada sore hari.'
			}
		]);
		await setMeaning(db, 'dirampulkan', 'salted and dried', 'verb', T0);
		const vocab = (await db.cards.get('dirampulkan/vocab'))!;
		expect(vocab.content).toMatchObject({
			gloss: 'salted and dried',
			pos: 'verb',
			glossFrom: 'learner'
		});
		expect(vocab.queue).toBe(QUEUE.new);
		expect((await db.cards.get('dirampulkan/cloze'))!.content.gloss).toBe('salted and dried');
		expect(await wordsWithoutMeaning(db, pasar.slug)).toEqual([]);
	});

	it('keeps the words unticked (ignored), marked known and the meanings typed in the preview', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(
			db,
			pasar,
			{ marks: { ikan: 'known', solar: 'ignored' }, meanings: { pedagang: 'trader, seller' } },
			T0
		);
		expect((await db.cards.get('ikan/vocab'))!.queue).toBe(QUEUE.known);
		expect((await db.cards.get('solar/cloze'))!.queue).toBe(QUEUE.ignored);
		expect(await db.words.get('solar')).toMatchObject({ mark: 'ignored' });
		expect((await db.cards.get('pedagang/vocab'))!.content).toMatchObject({
			gloss: 'trader, seller',
			glossFrom: 'learner'
		});
		expect(await db.meanings.get('pedagang')).toMatchObject({ gloss: 'trader, seller' });
	});

	it('refuses the same text twice and stores nothing the second time', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		const cards = await db.cards.count();
		const again = await userArticle(`${PASAR.replace(/\n/g, '\r\n')}  `, 'Another title');
		await expect(addArticle(db, again, none, T0)).rejects.toThrow(
			'This text is in your library already, as “Pasar Ikan di Pelabuhan”.'
		);
		expect(await db.cards.count()).toBe(cards);
		expect(await libraryEntries(db)).toHaveLength(1);
	});

	it('gives a word studied already no new card from a new article, but its sentence', async () => {
		await answerNext(db, T0);
		const studied = (await db.cards.filter((c) => c.fsrs.reps > 0).first())!;
		const word = studied.sibling;
		const ids = async () =>
			(await db.cards.where('sibling').equals(word).toArray()).map((c) => c.id).sort();
		const before = await ids();
		const text = `Catatan Pendek\n\nPara pedagang ikan berbicara tentang ${word} di pasar.`;
		const article = await userArticle(text);
		expect(article.deck.cards.filter((c) => c.headword === word).length).toBeGreaterThan(0);
		await addArticle(db, article, none, T0);
		expect(await ids()).toEqual(before);
		const cloze = (await db.cards.get(`${word}/cloze`))!;
		expect(cloze.articles).toEqual(['azerbaijan-iran', article.slug]);
		expect(cloze.content.contexts!.at(-1)!.sentence).toBe(
			`Para pedagang ikan berbicara tentang ${word} di pasar.`
		);
	});
});

describe('translations the learner types', () => {
	it('go on the stored deck and on every card that shows the sentence, a cloze card’s context among them', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		const sentence = pasar.deck.sentences.find((s) => s.text.startsWith('Hubungan antara'))!;
		expect(
			await setSentenceTranslation(db, pasar.slug, sentence.id, ' Fishers and traders are close. ')
		).toBe(true);
		const stored = (await db.articles.get(pasar.slug))!;
		expect(stored.deck.sentences.find((s) => s.id === sentence.id)?.translation).toBe(
			'Fishers and traders are close.'
		);
		const hubungan = (await db.cards.get('hubungan/cloze'))!;
		expect(hubungan.content.contexts!.find((c) => c.sentenceId === sentence.id)?.translation).toBe(
			'Fishers and traders are close.'
		);
		// The bundled article's sentence, first on the card, keeps its own translation.
		expect(hubungan.content.translation).not.toBe('Fishers and traders are close.');
		const shown = await db.cards.filter((c) => c.content.sentenceId === sentence.id).toArray();
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.map((c) => c.content.translation)).toEqual(
			shown.map(() => 'Fishers and traders are close.')
		);
		expect(await setSentenceTranslation(db, pasar.slug, 'mine-x#nope', 'x')).toBe(false);
	});
});

describe('the library', () => {
	it('renames an article', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		expect(await renameArticle(db, pasar.slug, 'Di pasar ikan')).toBe(true);
		expect((await libraryEntries(db))[0].title).toBe('Di pasar ikan');
		expect((await db.articles.get(pasar.slug))!.deck.article.title).toBe('Di pasar ikan');
		expect(await renameArticle(db, 'mine-none', 'x')).toBe(false);
	});

	it('brings an article’s new cards first when the learner chooses to study it next', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		const firstNew = async () => {
			const { queue, cards } = await loadQueue(db, T0, testSettings);
			return cards.get(queue.fresh[0].id)!;
		};
		expect((await firstNew()).articles[0]).toBe('azerbaijan-iran');
		await studyNext(db, pasar.slug, T0);
		const next = await firstNew();
		expect(next.articles).toContain(pasar.slug);
		expect(next.sibling).toBe('pasar');
	});

	it('deletes an article: its own cards leave the queue with their history, shared cards stay', async () => {
		const pasar = await userArticle(PASAR);
		await addArticle(db, pasar, none, T0);
		await studyNext(db, pasar.slug, T0);
		await answerNext(db, T0);
		const answered = (await db.cards.filter((c) => c.fsrs.reps > 0).first())!;
		expect(answered.articles).toEqual([pasar.slug]);
		await deleteArticle(db, pasar.slug, [seed.deck], T0);
		expect(await libraryEntries(db)).toEqual([]);
		expect(await db.articles.count()).toBe(0);
		expect(await db.articleCounts.get(pasar.slug)).toBeUndefined();
		const kept = (await db.cards.get(answered.id))!;
		expect(kept).toMatchObject({ retired: true, queue: QUEUE.retired, fsrs: answered.fsrs });
		expect(await db.reviews.where('cardId').equals(answered.id).count()).toBe(1);
		const hubungan = (await db.cards.get('hubungan/cloze'))!;
		expect(hubungan).toMatchObject({ articles: ['azerbaijan-iran'], retired: false });
		expect(hubungan.content.contexts!.map((c) => c.article)).toEqual(['azerbaijan-iran']);
		expect(
			await db.cards
				.where('articles')
				.equals(pasar.slug)
				.and((c) => !c.retired)
				.count()
		).toBe(0);
	});
});
