import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { articleProgress } from '../cards';
import { Rating, Scheduler, State, DEFAULT_SETTINGS } from '../srs';
import { loadQueue } from './cards';
import { practiceCards } from './answers';
import { syncDecks } from './decks';
import { recordAnswer, recordPractice, undoPractice } from './answers';
import { KartuDB } from './schema';
import { eachTestDatabase } from './test-support';
import { QUEUE } from './queues';
import { markWord, reviewNow, undoMark } from './words';

const { raw, deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };

let db: KartuDB;
eachTestDatabase('words', (d) => (db = d), { seeded: true });
const cardsOf = (hw: string) => db.cards.where('content.headword').equals(hw).toArray();

describe('markWord', () => {
	it('takes every card of a known word out of the queue, and undo puts them back', async () => {
		const undo = await markWord(db, 'menekankan', 'known', t0);
		expect((await cardsOf('menekankan')).map((c) => c.queue)).toEqual([
			QUEUE.known,
			QUEUE.known,
			QUEUE.known
		]);
		const { queue } = await loadQueue(db, t0, settings);
		expect(queue.fresh.some((c) => c.id.includes('/menekankan/'))).toBe(false);
		await undoMark(db, undo);
		expect((await cardsOf('menekankan')).map((c) => c.queue)).toEqual([0, 0, 0]);
		expect(await db.words.count()).toBe(0);
	});

	it('keeps a mark for new cards of the same word when the content grows', async () => {
		await markWord(db, 'negara', 'ignored', t0);
		await db.cards.where('content.headword').equals('negara').delete();
		await db.settings.clear(); // forget the deck hash, as after a content change
		await syncDecks(db, [deck], t0);
		expect(
			(await cardsOf('negara')).every((c) => c.mark === 'ignored' && c.queue === QUEUE.ignored)
		).toBe(true);
	});
});

describe('reviewNow', () => {
	it('puts a new word first among the new cards, and makes a studied word due now', async () => {
		await reviewNow(db, 'kawasan', t0);
		let { queue } = await loadQueue(db, t0, settings);
		expect(queue.fresh[0].id).toBe('kawasan/vocab');
		const card = (await db.cards.get('kawasan/vocab'))!;
		const scheduler = new Scheduler(settings);
		await recordAnswer(db, {
			card,
			grade: Rating.Easy,
			next: scheduler.answer(card.fsrs, Rating.Easy, t0),
			time: t0,
			ms: 1000,
			dayStartHour: 4
		});
		const later = new Date(t0.getTime() + 86_400_000);
		await reviewNow(db, 'kawasan', later);
		({ queue } = await loadQueue(db, later, settings));
		expect(queue.review.map((c) => c.id)).toEqual(['kawasan/vocab']);
		expect((await db.cards.get('kawasan/vocab'))!.fsrs.state).toBe(State.Review);
	});
});

describe('practice', () => {
	it('records answers as practice without changing cards, and they neither bury nor use up new cards', async () => {
		const cards = await practiceCards(db, 'azerbaijan-iran');
		expect(cards).toHaveLength(deck.cards.length);
		const before = await db.cards.toArray();
		const review = await recordPractice(db, {
			card: cards[0],
			grade: Rating.Good,
			time: t0,
			ms: 900
		});
		expect(review).toMatchObject({ practice: true, before: cards[0].fsrs, after: cards[0].fsrs });
		expect(await db.cards.toArray()).toEqual(before);
		const { queue } = await loadQueue(db, t0, settings);
		expect(queue.newLeft).toBe(20);
		expect(queue.answered.size).toBe(0);
		await undoPractice(db, review);
		expect(await db.reviews.count()).toBe(0);
	});
});

describe('articleProgress', () => {
	it('counts every occurrence of a readable word, and new cards', () => {
		const p = articleProgress(
			deck,
			(hw) => hw === 'hubungan',
			() => true
		);
		const occurrences = deck.sentences.reduce((a, s) => a + s.words.length, 0);
		expect(p.occurrences).toBe(occurrences);
		// hubungan stands 17 times in the article (Hubungan, hubungan, …)
		expect(p.readable).toBe(
			(
				raw
					.split('---')
					.pop()!
					.match(/\bhubungan\b/gi) ?? []
			).length
		);
		expect(p.newCards).toBe(deck.cards.length);
	});
});
