import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	cardHistories,
	DEFAULT_WEIGHTS,
	memoryModel,
	Rating,
	State,
	type ReviewRecord
} from '../srs';
import { prepare } from '../optimise/pipeline';
import { recordPractice, undoAnswer } from './answers';
import { historySize, readOptimiserData, rescheduleCards } from './optimiser';
import { QUEUE } from './queues';
import type { KartuDB } from './schema';
import { loadParameterHistory, loadSettings, saveSettings } from './settings';
import { computeStats } from './stats';
import { restoreSnapshot, takeSnapshot, SNAPSHOT_SIZES } from './backup/snapshots';
import { answerNext, eachTestDatabase, T0, testSettings } from './test-support';

const DAY = 86_400_000;
const day = (n: number, hour = 9) => new Date(T0.getTime() + n * DAY + (hour - 9) * 3_600_000);

let db: KartuDB;
eachTestDatabase('optimiser', (d) => (db = d), { seeded: true });

/** Learns the first `cards` new cards on day 0 (Good, then Good at the 10-minute step), and reviews them every few days. */
async function studyDays(cards: number, days: number[]): Promise<void> {
	for (let i = 0; i < cards; i++) await answerNext(db, new Date(T0.getTime() + i * 1000));
	for (let i = 0; i < cards; i++) await answerNext(db, new Date(T0.getTime() + 700_000 + i * 1000));
	for (const d of days)
		for (let i = 0; i < cards; i++) {
			const answered = await answerNext(db, new Date(day(d).getTime() + i * 1000));
			if (!answered) break;
		}
}

describe('the optimiser’s input read from the database', () => {
	it('has every answer but the undone ones, and leaves out practice answers and retired cards', async () => {
		const first = await answerNext(db, T0, Rating.Good);
		const second = await answerNext(db, new Date(T0.getTime() + 1000), Rating.Again);
		await answerNext(db, new Date(T0.getTime() + 2000), Rating.Good);
		// The learner undoes the third answer: its row is gone, so the optimiser never sees it.
		const third = (await db.reviews.orderBy('time').last())!;
		await undoAnswer(db, third, 4);
		await recordPractice(db, {
			card: first.card,
			grade: Rating.Again,
			time: new Date(T0.getTime() + 3000),
			ms: 1000
		});
		await db.cards.update(second.card.id, { retired: true, queue: QUEUE.retired });

		const data = await readOptimiserData(db);
		expect(data.reviews.map((r) => r.id).sort()).toEqual(
			[first.review.id, second.review.id, (await db.reviews.toArray()).at(-1)!.id].sort()
		);
		expect(data.reviews.some((r) => r.id === third.id)).toBe(false);
		expect(data.retired).toEqual([second.card.id]);
		expect(data.studied).toEqual([first.card.id]);
		const p = prepare(data, 4);
		// Only the first card's real answer counts: the practice answer and the retired card are out.
		expect(p.histories.map((h) => [h.cardId, h.ratings])).toEqual([[first.card.id, [3]]]);
		expect(p.answers).toBe(3);
	});

	it('counts the answers and the study days they span without reading them', async () => {
		expect(await historySize(db, 4)).toEqual({ reviews: 0, days: 0 });
		await studyDays(3, [2, 6]);
		expect(await historySize(db, 4)).toEqual({ reviews: 12, days: 7 });
	});
});

describe('parameter history', () => {
	it('keeps each change of the parameters with its date, what came before, and where it came from', async () => {
		const settings = await loadSettings(db);
		await saveSettings(db, { ...settings, newPerDay: 5 });
		expect(await loadParameterHistory(db)).toEqual([]);
		const fitted = DEFAULT_WEIGHTS.map((w) => +(w * 1.1).toFixed(4));
		await saveSettings(db, { ...settings, weights: fitted }, { source: 'optimiser' }, day(3));
		await saveSettings(
			db,
			{ ...settings, weights: [...DEFAULT_WEIGHTS] },
			{ source: 'restore' },
			day(4)
		);
		expect(await loadParameterHistory(db)).toEqual([
			{ time: day(3).getTime(), source: 'optimiser', weights: fitted, previous: DEFAULT_WEIGHTS },
			{ time: day(4).getTime(), source: 'restore', weights: DEFAULT_WEIGHTS, previous: fitted }
		]);
		// The statistics page marks both changes.
		expect((await computeStats(db, day(5), settings)).parameterChanges).toEqual([
			{ time: day(3).getTime(), source: 'optimiser' },
			{ time: day(4).getTime(), source: 'restore' }
		]);
	});
});

describe('rescheduleCards', () => {
	it('gives studied cards the memory and due date of the new parameters, in one go; the snapshot taken before undoes it', async () => {
		await studyDays(4, [3]);
		const before = (await db.cards.toArray()).filter((c) => c.fsrs.reps > 0);
		expect(before.every((c) => c.fsrs.state === State.Review)).toBe(true);
		const longer = DEFAULT_WEIGHTS.map((w, i) => (i === 8 ? w + 0.8 : w));
		const settings = { ...testSettings, weights: longer };
		await takeSnapshot(db, day(3, 12), SNAPSHOT_SIZES, undefined, {
			id: 'before rescheduling'
		});

		expect(await rescheduleCards(db, settings)).toEqual({ rescheduled: 4, unchanged: 0 });
		const model = memoryModel(longer, settings.desiredRetention, settings.maximumInterval);
		const reviews = (await db.reviews.toArray()) as ReviewRecord[];
		for (const old of before) {
			const card = (await db.cards.get(old.id))!;
			const [h] = cardHistories(
				reviews.filter((r) => r.cardId === old.id),
				4
			);
			const memory = model.memory(h);
			expect(card.fsrs.stability).toBeCloseTo(memory.stability, 8);
			const days = model.interval(memory.stability);
			expect(card.fsrs.due.getTime()).toBe(card.fsrs.last_review!.getTime() + days * DAY);
			// A faster-growing memory: later than before.
			expect(card.fsrs.due.getTime()).toBeGreaterThan(old.fsrs.due.getTime());
			expect(card.queue).toBe(QUEUE.review);
		}
		// Cards never studied are untouched.
		expect((await db.cards.toArray()).filter((c) => c.fsrs.reps === 0).length).toBeGreaterThan(100);

		await restoreSnapshot(db, 'before rescheduling');
		for (const old of before) expect((await db.cards.get(old.id))!.fsrs).toEqual(old.fsrs);
	});
});
