import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { deckFromSource } from '../cards';
import { Rating, Scheduler, State, pickNext, DEFAULT_SETTINGS } from '../srs';
import { allCards, cardPage, setSuspended } from './card-table';
import { learnedCount, loadQueue } from './cards';
import { syncDecks } from './decks';
import { recordAnswer, replayJournal, undoAnswer } from './answers';
import { KartuDB } from './schema';
import { answerNext, eachTestDatabase } from './test-support';
import { QUEUE } from './queues';
import { loadSettings, saveSettings } from './settings';

const { raw, glossary, deck, lex } = readArticle('azerbaijan-iran');
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const scheduler = new Scheduler(settings);
const t0 = new Date(2026, 2, 2, 9, 0);

let db: KartuDB;
eachTestDatabase('test', (d) => (db = d));
describe('syncDecks', () => {
	it('adds every card of the deck as new, once', async () => {
		const first = await syncDecks(db, [deck], t0);
		expect(first.added).toBe(deck.cards.length);
		expect(await db.cards.where('[queue+position]').between([0, 0], [0, Infinity]).count()).toBe(
			deck.cards.length
		);
		const again = await syncDecks(db, [deck], t0);
		expect(again).toMatchObject({ added: 0, unchanged: true });
	});

	it('keeps progress across a rebuilt deck and retires a headword that left the article', async () => {
		await syncDecks(db, [deck], t0);
		const { card } = await answerNext(db, t0, Rating.Good, 4200);
		expect(card.id).toBe('menekankan/vocab');
		// The article loses its headline, and with it "menekankan"; the other words stay.
		const edited = raw.replace(
			'---\nKetika Ilham Aliyev Menekankan Perluasan Hubungan Azerbaijan-Iran\n',
			'---\nHubungan Azerbaijan dan Iran\n'
		);
		expect(edited).not.toBe(raw);
		const rebuilt = deckFromSource(edited, glossary, lex);
		const result = await syncDecks(db, [rebuilt], t0);
		// menekankan's vocabulary, cloze and drill cards, and penekanan's drill (its family shrank to one).
		expect(result.retired).toBe(4);
		expect((await db.cards.get('penekanan/drill'))!.retired).toBe(true);
		const kept = (await db.cards.get('menekankan/vocab'))!;
		expect(kept.retired).toBe(true);
		expect(kept.queue).toBe(QUEUE.retired);
		expect(kept.fsrs).toEqual(card.fsrs);
		expect(await db.reviews.count()).toBe(1);
		// Bringing the headline back brings the card back with its progress.
		await syncDecks(db, [deck], t0);
		const back = (await db.cards.get('menekankan/vocab'))!;
		expect(back).toMatchObject({ retired: false, queue: State.Learning });
		expect(back.fsrs.reps).toBe(1);
	});
});

describe('answers', () => {
	it('write the card and its review row together, and undo takes back both', async () => {
		await syncDecks(db, [deck], t0);
		const { card, review } = await answerNext(db, t0, Rating.Good, 4200);
		expect(review).toMatchObject({ cardId: card.id, grade: Rating.Good, ms: 4200 });
		expect(review.before.state).toBe(State.New);
		expect((await db.cards.get(card.id))!.fsrs.state).toBe(State.Learning);
		expect(await learnedCount(db)).toBe(1);

		const restored = await undoAnswer(db, review, 4);
		expect(restored.fsrs.state).toBe(State.New);
		expect((await db.cards.get(card.id))!.queue).toBe(QUEUE.new);
		expect(await db.reviews.count()).toBe(0);
		expect(await learnedCount(db)).toBe(0);
	});

	it('refuse to undo an answer that a later answer of the same card has superseded', async () => {
		await syncDecks(db, [deck], t0);
		const first = await answerNext(db, t0, Rating.Good, 4200);
		await answerNext(db, new Date(t0.getTime() + 11 * 60_000), Rating.Good, 4200);
		await expect(undoAnswer(db, first.review, 4)).rejects.toThrow(/answered again/);
	});

	it('survive closing and reopening the database', async () => {
		await syncDecks(db, [deck], t0);
		await answerNext(db, t0, Rating.Easy, 4200);
		await answerNext(db, t0, Rating.Again, 4200);
		db.close();
		const reopened = new KartuDB(db.name);
		const cards = await reopened.cards.toArray();
		expect(cards.filter((c) => c.fsrs.reps > 0)).toHaveLength(2);
		expect(await reopened.reviews.count()).toBe(2);
		reopened.close();
	});
});

describe('cardPage', () => {
	it('reads one page of a filter in introduction order, counts the filter, and searches without reading past the page', async () => {
		await syncDecks(db, [deck], t0);
		const page = await cardPage(db, 'all', 10);
		expect(page.cards.map((c) => c.id)).toEqual((await allCards(db)).slice(0, 10).map((c) => c.id));
		expect(page).toMatchObject({ total: deck.cards.length, more: true });
		await setSuspended(db, [page.cards[3].id], true);
		expect(await cardPage(db, 'suspended', 10)).toMatchObject({
			total: 1,
			more: false,
			cards: [{ id: page.cards[3].id }]
		});
		const found = await cardPage(db, 'all', 2, (c) => c.content.headword === 'penekanan');
		expect(found.cards.map((c) => c.content.headword)).toEqual(['penekanan', 'penekanan']);
		expect(found.more).toBe(true);
	});
});

describe('loadQueue', () => {
	it('introduces new cards in article order, one card per headword a day, within the daily limit', async () => {
		await syncDecks(db, [deck], t0);
		const { queue: q } = await loadQueue(db, t0, { ...settings, newPerDay: 5 });
		expect(q.newLeft).toBe(5);
		expect(q.fresh.slice(0, 3).map((c) => c.id)).toEqual([
			'menekankan/vocab',
			'perluasan/vocab',
			'hubungan/vocab'
		]);
		for (let i = 0; i < 5; i++) await answerNext(db, t0, Rating.Easy, 4200);
		const { queue: after } = await loadQueue(db, t0, { ...settings, newPerDay: 5 });
		expect(after.newLeft).toBe(0);
		expect(pickNext(after, t0.getTime())).toBeUndefined();
		// The next day the cloze card of the first headword is new and allowed.
		const tomorrow = new Date(t0.getTime() + 86_400_000);
		const { queue: next } = await loadQueue(db, tomorrow, { ...settings, newPerDay: 5 });
		expect(next.fresh[0].id).toBe('menekankan/cloze');
	});

	it('leaves suspended cards out', async () => {
		await syncDecks(db, [deck], t0);
		await setSuspended(db, ['menekankan/vocab'], true);
		const { queue: q } = await loadQueue(db, t0, settings);
		// With its vocabulary card suspended, the headword's cloze card is the one introduced.
		expect(q.fresh.map((c) => c.id)).not.toContain('menekankan/vocab');
		expect(q.fresh[0].id).toBe('menekankan/cloze');
		await setSuspended(db, ['menekankan/vocab'], false);
		expect((await allCards(db)).find((c) => c.id.endsWith('menekankan/vocab'))?.queue).toBe(
			QUEUE.new
		);
	});
});

describe('settings', () => {
	it('are stored, and invalid ones are refused without a change', async () => {
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		expect((await loadSettings(db)).newPerDay).toBe(7);
		await expect(saveSettings(db, { ...DEFAULT_SETTINGS, desiredRetention: 2 })).rejects.toThrow(
			/retention/
		);
		expect((await loadSettings(db)).newPerDay).toBe(7);
	});
});

describe('two tabs', () => {
	it('refuse an answer to a card that another tab answered since it was shown', async () => {
		await syncDecks(db, [deck], t0);
		const shown = (await db.cards.get('menekankan/vocab'))!;
		await recordAnswer(db, {
			card: shown,
			grade: Rating.Good,
			next: scheduler.answer(shown.fsrs, Rating.Good, t0),
			time: t0,
			ms: 1,
			dayStartHour: 4
		});
		await expect(
			recordAnswer(db, {
				card: shown,
				grade: Rating.Easy,
				next: scheduler.answer(shown.fsrs, Rating.Easy, t0),
				time: t0,
				ms: 1,
				dayStartHour: 4
			})
		).rejects.toThrow(/answered elsewhere/);
		expect(await db.reviews.count()).toBe(1);
	});
});

describe('the answer journal', () => {
	it('is empty once an answer has committed, and a journalled answer whose transaction never ran is written at the next start', async () => {
		await syncDecks(db, [deck], t0);
		const { card } = await answerNext(db, t0, Rating.Good, 4200);
		await new Promise((r) => setTimeout(r, 20));
		expect(await db.journal.count()).toBe(0);

		// As a killed browser leaves it: the journal written, the answer's transaction not.
		const { queue } = await loadQueue(db, t0, settings);
		const shown = (await db.cards.get(pickNext(queue, t0.getTime())!.id))!;
		const next = scheduler.answer(shown.fsrs, Rating.Easy, t0);
		await db.journal.put({
			id: 'kill-1',
			card: shown,
			grade: Rating.Easy,
			next,
			time: t0,
			ms: 900,
			dayStartHour: 4
		});
		// One already written (its review row exists), and one whose card moved on since: both dropped.
		const done = (await db.reviews.toArray())[0];
		await db.journal.put({
			id: done.id,
			card,
			grade: Rating.Good,
			next: card.fsrs,
			time: t0,
			ms: 1,
			dayStartHour: 4
		});
		await db.journal.put({
			id: 'kill-0',
			card: { ...shown, fsrs: { ...shown.fsrs, reps: 7 } },
			grade: Rating.Good,
			next,
			time: t0,
			ms: 1,
			dayStartHour: 4
		});

		expect(await replayJournal(db)).toBe(1);
		expect(await db.journal.count()).toBe(0);
		expect(await db.reviews.get('kill-1')).toMatchObject({
			cardId: shown.id,
			grade: Rating.Easy,
			ms: 900
		});
		expect((await db.cards.get(shown.id))!.fsrs).toEqual(next);
		expect(await db.reviews.count()).toBe(2);
		expect(await replayJournal(db)).toBe(0);
	});
});
