import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import { type BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../backup/format';
import { Rating, studyDay } from '../../srs';
import { applyImport, exportBackup } from '../backup/backup';
import { answersIn, ANSWER_HOURS_KEPT, HOUR_MS } from '../queues';
import { recordPractice, undoAnswer, undoPractice } from '../answers';
import { KartuDB } from '../schema';
import { answerNext, eachTestDatabase } from '../test-support';
import { syncDecks } from '../decks';

const { deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);
const DAY = 86_400_000;

let db: KartuDB;
eachTestDatabase('hours', (d) => (db = d));
/** The day's answers as filed by hour, and as the reviews store holds them, in the same shape. */
async function both(at: Date) {
	const day = studyDay(at, 4);
	const filed = answersIn(await db.answerHours.toArray(), day.start, day.end);
	const stored = (
		await db.reviews
			.where('time')
			.between(new Date(day.start), new Date(day.end), true, false)
			.toArray()
	).map((r) => ({
		cardId: r.cardId,
		time: r.time,
		before: { state: r.before.state },
		...(r.practice ? { practice: true } : {})
	}));
	const order = (xs: { cardId: string; time: Date }[]) =>
		[...xs].sort((a, b) => a.time.getTime() - b.time.getTime() || a.cardId.localeCompare(b.cardId));
	return { filed: order(filed), stored: order(stored) };
}

async function expectFiled(at: Date) {
	const { filed, stored } = await both(at);
	expect(filed).toEqual(stored);
	return filed.length;
}

describe('answers kept by hour', () => {
	it('hold exactly the day’s reviews through answers, practice, undo and days going by, and drop old hours', async () => {
		await syncDecks(db, [deck], t0);
		for (let d = 0; d < 5; d++) {
			const at = (m: number) => new Date(t0.getTime() + d * DAY + m * 60_000);
			const answers = [];
			for (let i = 0; i < 8; i++)
				answers.push(await answerNext(db, at(i * 7), i % 4 ? Rating.Good : Rating.Again));
			const card = (await db.cards.get(deck.cards[3].id))!;
			const practice = await recordPractice(db, {
				card,
				grade: Rating.Hard,
				time: at(70),
				ms: 2000
			});
			expect(await expectFiled(at(71))).toBe(9);
			await undoAnswer(db, answers.at(-1)!.review, 4);
			await undoPractice(db, practice);
			expect(await expectFiled(at(72))).toBe(7);
		}
		// Only the last few days' hours are kept.
		const hours = (await db.answerHours.toCollection().primaryKeys()) as number[];
		const newest = Math.max(...hours);
		expect(Math.min(...hours)).toBeGreaterThanOrEqual(newest - ANSWER_HOURS_KEPT);
		expect(hours.length).toBeLessThan(5 * 2);
		// And what the app reads for today still equals the reviews.
		const day4 = new Date(t0.getTime() + 4 * DAY + 80 * 60_000);
		expect(await expectFiled(day4)).toBe(7);
	});

	it('follow a backup restored over the collection and merged into it, and a cleared table', async () => {
		await syncDecks(db, [deck], t0);
		for (let i = 0; i < 6; i++) await answerNext(db, new Date(t0.getTime() + i * 60_000));
		const backup: Backup = {
			format: 'kartu-backup' satisfies typeof BACKUP_FORMAT,
			version: BACKUP_VERSION,
			...(await exportBackup(db, t0))
		};
		const later = new Date(t0.getTime() + 10 * 60_000);
		await answerNext(db, later);
		await applyImport(db, backup, 'replace');
		expect(await expectFiled(later)).toBe(6);
		await db.reviews.clear();
		expect(await db.answerHours.count()).toBe(0);
		await applyImport(db, backup, 'merge');
		expect(await expectFiled(later)).toBe(6);
		// A review from long before the newest answer is not filed: no one's today.
		await db.reviews.add({
			...backup.reviews[0],
			id: 'old-one',
			time: new Date(t0.getTime() - 30 * DAY)
		} as never);
		expect(
			(await db.answerHours.toArray()).flatMap((h) => h.a).some((e) => e[0] === 'old-one')
		).toBe(false);
		expect(
			Math.min(...((await db.answerHours.toCollection().primaryKeys()) as number[]))
		).toBeGreaterThanOrEqual(Math.floor(t0.getTime() / HOUR_MS) - ANSWER_HOURS_KEPT);
	});
});
