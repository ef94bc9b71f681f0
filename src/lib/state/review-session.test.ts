import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { syncDecks } from '../db/decks';
import { KartuDB } from '../db/schema';
import { saveSettings } from '../db/settings';
import { Rating, studyDay, DEFAULT_SETTINGS } from '../srs';
import { second } from '../db/test-support';
import { ReviewSession } from './review-session.svelte';

const { deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

let db: KartuDB;
let n = 0;
beforeEach(async () => {
	db = new KartuDB(`session-${++n}`);
	await syncDecks(db, [deck], t0);
	await saveSettings(db, { ...DEFAULT_SETTINGS, enableFuzz: false, newPerDay: 3 });
});
afterEach(async () => {
	db.close();
	await db.delete();
});

describe('ReviewSession', () => {
	it('shows the next card without waiting for the write, and reloads the stored queue when a write fails', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		s.reveal();
		const first = s.card!.id;
		const written = s.grade(Rating.Good, t0);
		// On screen before the write is done.
		expect(s.card?.id).not.toBe(first);
		expect(s.saving).toBe(1);
		await written;
		expect(s.saving).toBe(0);
		expect(await db.reviews.count()).toBe(1);

		const second = s.card!.id;
		s.reveal();
		vi.spyOn(db.reviews, 'add').mockRejectedValueOnce(new Error('The disk is full.'));
		await s.grade(Rating.Good, later(1));
		expect(s.error).toMatch(/not saved.*disk is full/);
		// Nothing of the failed answer is stored, and its card is shown again.
		expect(await db.reviews.count()).toBe(1);
		expect((await db.cards.get(second))!.fsrs.reps).toBe(0);
		expect(s.card?.id).toBe(second);
		expect(s.undoCount).toBe(0);
	});

	it('draws the likely next card ahead in the hidden face, and a grade then only swaps the faces', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		// Graded before anything was drawn ahead: the face on screen draws the next card itself.
		const first = s.card!;
		expect(s.faces[0]?.card).toBe(first);
		s.reveal();
		let written = s.grade(Rating.Easy, t0);
		expect(s.card?.id).not.toBe(first.id);
		expect(s.front).toBe(0);
		expect(s.faces[0]?.card).toBe(s.card);
		await written;

		const second = s.card!;
		s.prepareNext(t0);
		const ahead = s.faces[1]!.card;
		expect(ahead.id).not.toBe(second.id);
		s.reveal();
		written = s.grade(Rating.Easy, t0);
		// The card drawn ahead is the one shown, in its face; the face going off screen is left as it was.
		expect(s.card).toBe(ahead);
		expect(s.front).toBe(1);
		expect(s.faces[0]).toMatchObject({ card: second, revealed: true });
		await written;
	});

	it('shows a card, labels the grades with their intervals, and moves on after a grade', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		expect(s.card?.id).toBe('menekankan/vocab');
		expect(s.counts).toEqual({ new: 3, learning: 0, review: 0 });
		expect(s.intervals).toBeUndefined(); // not needed until the answer is shown
		await s.grade(Rating.Good, t0); // ignored: the answer is not shown yet
		expect(await db.reviews.count()).toBe(0);
		s.reveal();
		expect(s.intervals).toMatchObject({ [Rating.Again]: '1m', [Rating.Good]: '10m' });
		await s.grade(Rating.Good, t0);
		expect(s.card?.id).toBe('perluasan/vocab');
		expect(s.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect(await db.reviews.count()).toBe(1);
	});

	it('undoes the last answers one by one, back to the first card', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		for (const g of [Rating.Good, Rating.Easy] as const) {
			s.reveal();
			await s.grade(g, t0);
		}
		expect(s.undoCount).toBe(2);
		await s.undo();
		expect(s.card?.id).toBe('perluasan/vocab');
		expect(s.revealed).toBe(false);
		await s.undo();
		expect(s.card?.id).toBe('menekankan/vocab');
		expect(s.undoCount).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		expect(s.counts).toEqual({ new: 3, learning: 0, review: 0 });
	});

	it('brings a learning card back once it is due, and says when nothing is left', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		s.reveal();
		await s.grade(Rating.Again, t0); // menekankan: again in 1 minute
		for (let i = 0; i < 2; i++) {
			s.reveal();
			await s.grade(Rating.Easy, t0);
		}
		// The learning card is due within the 20-minute learn-ahead window, so it comes back at once.
		expect(s.card?.id).toBe('menekankan/vocab');
		s.reveal();
		await s.grade(Rating.Easy, later(2));
		expect(s.card).toBeUndefined();
		const day = studyDay(t0, DEFAULT_SETTINGS.dayStartHour);
		const studied = (await db.cards.toArray()).filter((c) => c.fsrs.reps > 0);
		const dueTomorrow = studied.filter(
			(c) => c.fsrs.due.getTime() >= day.end && c.fsrs.due.getTime() < day.end + 86_400_000
		);
		expect(s.finished?.tomorrow).toBe(dueTomorrow.length);
		expect(s.finished?.next).toEqual(
			new Date(Math.min(...studied.map((c) => c.fsrs.due.getTime())))
		);
		s.stop();
	});

	it('checks a typed cloze answer when the answer is shown', async () => {
		const first = new ReviewSession(db);
		await first.start(t0);
		first.reveal();
		await first.grade(Rating.Easy, t0); // menekankan's vocabulary card: due days later
		const nextDay = later(24 * 60);
		const s = new ReviewSession(db);
		await s.start(nextDay);
		expect(s.card?.id).toBe('menekankan/cloze');
		s.typed = '  Menekankan! ';
		s.reveal();
		expect(s.check).toMatchObject({ correct: true, empty: false });
		await s.undo(); // nothing to undo in this session
		expect(s.card?.id).toBe('menekankan/cloze');
		s.stop();
	});

	it('shows a cloze card with a sentence of each of its articles in turn, the one not seen first', async () => {
		await syncDecks(db, [second], t0);
		const first = new ReviewSession(db);
		await first.start(t0);
		first.reveal();
		await first.grade(Rating.Easy, t0); // menekankan's vocabulary card
		const s = new ReviewSession(db);
		await s.start(later(24 * 60));
		expect(s.card?.id).toBe('menekankan/cloze');
		expect(s.content).toMatchObject({ article: 'azerbaijan-iran', answer: 'Menekankan' });
		expect(s.faces[s.front]?.content).toEqual(s.content);
		s.typed = 'menekankan';
		s.reveal();
		await s.grade(Rating.Again, later(24 * 60));
		// Back after its learning step, with the other article's sentence, and checked against it.
		const again = new ReviewSession(db);
		await again.start(later(24 * 60 + 2));
		expect(again.card?.id).toBe('menekankan/cloze');
		expect(again.content).toMatchObject({
			article: 'kunjungan-baku',
			sentence: 'Presiden menekankan hubungan baik antara kedua negara.',
			answer: 'menekankan'
		});
		expect(again.faces[again.front]?.content.sentence).toBe(again.content!.sentence);
		again.typed = 'menekankan';
		again.reveal();
		expect(again.check?.correct).toBe(true);
		again.stop();
		s.stop();
	});

	it('shows a character difference for a wrong cloze answer', async () => {
		const first = new ReviewSession(db);
		await first.start(t0);
		first.reveal();
		await first.grade(Rating.Easy, t0);
		const s = new ReviewSession(db);
		await s.start(later(24 * 60));
		s.typed = 'menekan';
		s.reveal();
		expect(s.check?.correct).toBe(false);
		expect(s.check?.diff.at(-1)).toEqual({ kind: 'missing', typed: '', expected: 'kan' });
	});

	it('reloads today’s queue and says why when the collection was replaced in another tab', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		s.reveal();
		await s.grade(Rating.Good, t0);
		expect(s.undoCount).toBe(1);
		await db.cards.clear();
		await s.collectionReplaced(later(1));
		expect(s.undoCount).toBe(0);
		expect(s.card).toBeUndefined();
		expect(s.error).toMatch(/replaced in another tab/);
	});

	it('says a card with an impossible memory state cannot be scheduled, never throws, and resets it on request', async () => {
		const s = new ReviewSession(db);
		await s.start(t0);
		s.reveal();
		await s.grade(Rating.Good, t0);
		const id = (await db.reviews.toArray())[0].cardId;
		// The card comes back in its learning step; its stored state is then damaged, as a bad backup could leave it.
		const stored = (await db.cards.get(id))!;
		await db.cards.put({ ...stored, fsrs: { ...stored.fsrs, stability: -5 } });
		await s.start(later(11));
		while (s.card && s.card.id !== id) {
			s.reveal();
			await s.grade(Rating.Good, later(11));
		}
		expect(s.card?.id).toBe(id);
		s.reveal();
		expect(s.unschedulable).toBe(true);
		expect(s.error).toMatch(/cannot schedule this card/);
		await expect(s.grade(Rating.Good, later(11))).resolves.toBeUndefined();
		expect(await db.reviews.where('cardId').equals(id).count()).toBe(1);
		await s.resetCard(later(12));
		expect(s.unschedulable).toBe(false);
		const reset = (await db.cards.get(id))!;
		expect([reset.fsrs.state, reset.fsrs.stability, reset.fsrs.reps]).toEqual([0, 0, 0]);
		expect(await db.reviews.where('cardId').equals(id).count()).toBe(1);
	});
});
