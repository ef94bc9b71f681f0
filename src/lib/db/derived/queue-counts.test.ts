import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import { Rating } from '../../srs';
import { applyImport, exportBackup } from '../backup/backup';
import { setSuspended } from '../card-table';
import { cardsPerQueue, learnedCount } from '../cards';
import { QUEUE_COUNTS_KEY } from '../names';
import { undoAnswer } from '../answers';
import { KartuDB } from '../schema';
import { answerNext, eachTestDatabase } from '../test-support';
import { QUEUE } from '../queues';
import { syncDecks } from '../decks';
import { markWord, undoMark } from '../words';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../backup/format';

const { deck } = readArticle('azerbaijan-iran');
const t0 = new Date(2026, 2, 2, 9, 0);

let db: KartuDB;
eachTestDatabase('counts', (d) => (db = d));
/** The cards of each queue, counted by reading every card. */
async function tally(): Promise<Record<number, number>> {
	const out: Record<number, number> = {};
	for (const c of await db.cards.toArray()) out[c.queue] = (out[c.queue] ?? 0) + 1;
	return out;
}

async function expectCountsRight() {
	const row = await db.counts.get(QUEUE_COUNTS_KEY);
	expect(row?.n).toEqual(await tally());
	// Where the new queue starts: the first new card's position, exactly (reads start there).
	const positions = (await db.cards.toArray())
		.filter((c) => c.queue === QUEUE.new)
		.map((c) => c.position);
	expect(row?.newFrom).toBe(Math.min(Infinity, ...positions));
}

describe('the maintained number of cards per queue', () => {
	it('starts empty and follows loading, answers, undo, suspending and word marks', async () => {
		await db.open();
		expect((await db.counts.get(QUEUE_COUNTS_KEY))?.n).toEqual({});
		await syncDecks(db, [deck], t0);
		await expectCountsRight();
		expect((await cardsPerQueue(db)).n[QUEUE.new]).toBe(deck.cards.length);

		const answers = [];
		for (let i = 0; i < 6; i++)
			answers.push(
				await answerNext(
					db,
					new Date(t0.getTime() + i * 60_000),
					i % 3 ? Rating.Good : Rating.Again
				)
			);
		await expectCountsRight();
		expect(await learnedCount(db)).toBeGreaterThan(0);
		expect(await learnedCount(db)).toBe(
			Object.entries(await tally()).reduce(
				(a, [q, k]) => a + (Number(q) >= QUEUE.learning ? k : 0),
				0
			)
		);

		await undoAnswer(db, answers.at(-1)!.review, 4);
		await expectCountsRight();

		const ids = (await db.cards.limit(5).primaryKeys()) as string[];
		await setSuspended(db, ids, true);
		await expectCountsRight();
		expect((await cardsPerQueue(db)).n[QUEUE.suspended]).toBe(5);
		await setSuspended(db, ids, false);
		await expectCountsRight();

		const undo = await markWord(db, deck.cards[0].headword, 'known', t0);
		await expectCountsRight();
		expect((await cardsPerQueue(db)).n[QUEUE.known]).toBeGreaterThan(0);
		await undoMark(db, undo);
		await expectCountsRight();
	});

	it('follows a write that fails halfway: the aborted transaction leaves the counts as they were', async () => {
		await syncDecks(db, [deck], t0);
		const before = await cardsPerQueue(db);
		const card = (await db.cards.get(deck.cards[0].id))!;
		await expect(
			db.transaction('rw', db.cards, async () => {
				await db.cards.put({ ...card, suspended: true, queue: QUEUE.suspended });
				throw new Error('stop');
			})
		).rejects.toThrow('stop');
		expect(await cardsPerQueue(db)).toEqual(before);
		await expectCountsRight();
	});

	it('follows a backup restored over the collection (replace) and merged into it', async () => {
		await syncDecks(db, [deck], t0);
		for (let i = 0; i < 4; i++) await answerNext(db, new Date(t0.getTime() + i * 60_000));
		const backup: Backup = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			...(await exportBackup(db, t0))
		};
		await setSuspended(db, (await db.cards.limit(3).primaryKeys()) as string[], true);
		await applyImport(db, backup, 'replace');
		await expectCountsRight();
		expect((await cardsPerQueue(db)).n[QUEUE.suspended]).toBeUndefined();
		await db.cards.clear();
		await expectCountsRight();
		await applyImport(db, backup, 'merge');
		await expectCountsRight();
		expect(await learnedCount(db)).toBe(4);
	});

	it('counts afresh when the row is missing, and deletes by range', async () => {
		await syncDecks(db, [deck], t0);
		await db.counts.clear();
		expect(await learnedCount(db)).toBe(0);
		await answerNext(db, t0);
		await expectCountsRight();
		await db.cards.where('id').between(deck.cards[0].id, deck.cards[10].id, true, true).delete();
		await expectCountsRight();
		await db.cards.bulkDelete([deck.cards[20].id, deck.cards[21].id, 'no-such-card']);
		await expectCountsRight();
	});

	it('keeps where the new queue starts exactly through any sequence of writes (fast-check)', async () => {
		await syncDecks(db, [deck], t0);
		const ids = deck.cards.slice(0, 40).map((c) => c.id);
		const queues = [QUEUE.new, QUEUE.new, QUEUE.learning, QUEUE.review, QUEUE.suspended];
		const write = fc.oneof(
			// One card moved to a queue and a position (a card answered, suspended, reset, moved by "study next").
			fc.record({
				kind: fc.constant('put' as const),
				card: fc.integer({ min: 0, max: ids.length - 1 }),
				queue: fc.constantFrom(...queues),
				position: fc.integer({ min: -5, max: 60 })
			}),
			fc.record({
				kind: fc.constant('bulk' as const),
				cards: fc.uniqueArray(fc.integer({ min: 0, max: ids.length - 1 }), { maxLength: 6 }),
				queue: fc.constantFrom(...queues)
			}),
			fc.record({
				kind: fc.constant('delete' as const),
				card: fc.integer({ min: 0, max: ids.length - 1 })
			})
		);
		await fc.assert(
			fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
				for (const w of writes) {
					if (w.kind === 'delete') {
						await db.cards.delete(ids[w.card]);
						continue;
					}
					const picked = w.kind === 'put' ? [w.card] : w.cards;
					const rows = (await db.cards.bulkGet(picked.map((i) => ids[i]))).filter((c) => !!c);
					await db.cards.bulkPut(
						rows.map((c) => ({
							...c,
							queue: w.queue,
							position: w.kind === 'put' ? w.position : c.position
						}))
					);
				}
				await expectCountsRight();
			}),
			{ numRuns: 40 }
		);
	});
});
