import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from '../../srs';
import { setSuspended } from '../card-table';
import { undoAnswer } from '../answers';
import type { KartuDB } from '../schema';
import { answerNext, eachTestDatabase, second, seed, T0 } from '../test-support';
import { QUEUE } from '../queues';
import { syncDecks } from '../decks';
import { markWord, undoMark } from '../words';

let db: KartuDB;
eachTestDatabase('article-counts', (d) => (db = d));

/** Each article's cards per queue, counted by reading every card. */
async function tally(): Promise<Record<string, Record<number, number>>> {
	const out: Record<string, Record<number, number>> = {};
	for (const c of await db.cards.toArray())
		for (const a of c.articles) (out[a] ??= {})[c.queue] = (out[a][c.queue] ?? 0) + 1;
	return out;
}

async function expectCountsRight() {
	const rows = await db.articleCounts.toArray();
	expect(Object.fromEntries(rows.map((r) => [r.article, r.n]))).toEqual(await tally());
}

describe('the maintained number of cards per queue of each article', () => {
	it('counts a shared card under each article, and follows answers, undo, suspending and marks', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		await expectCountsRight();
		const row = (slug: string) => db.articleCounts.get(slug);
		const secondIds = new Set(second.cards.map((c) => c.id));
		expect((await row('kunjungan-baku'))?.n).toEqual({ [QUEUE.new]: secondIds.size });
		expect((await row('azerbaijan-iran'))?.n).toEqual({ [QUEUE.new]: seed.deck.cards.length });

		const answers = [];
		for (let i = 0; i < 6; i++)
			answers.push(
				await answerNext(
					db,
					new Date(T0.getTime() + i * 60_000),
					i % 3 ? Rating.Good : Rating.Again
				)
			);
		await expectCountsRight();
		await undoAnswer(db, answers.at(-1)!.review, 4);
		await expectCountsRight();
		await setSuspended(db, ['hubungan/vocab', 'dagang/cloze'], true);
		await expectCountsRight();
		expect((await row('kunjungan-baku'))?.n[QUEUE.suspended]).toBe(2);
		expect((await row('azerbaijan-iran'))?.n[QUEUE.suspended]).toBe(1);
		const undo = await markWord(db, 'hubungan', 'known', T0);
		await expectCountsRight();
		await undoMark(db, undo);
		await expectCountsRight();
	});

	it('follows a headword leaving an article, and keeps a row of an article left without cards', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		await syncDecks(db, [{ ...second, cards: [] }], T0);
		await expectCountsRight();
		// Its own headwords are retired there; the shared ones left it.
		expect(Object.keys((await db.articleCounts.get('kunjungan-baku'))!.n)).toEqual([
			String(QUEUE.retired)
		]);
		await db.cards.clear();
		expect(await db.articleCounts.count()).toBe(0);
	});

	it('counts an article afresh when its row is missing', async () => {
		await syncDecks(db, [seed.deck, second], T0);
		await db.articleCounts.delete('kunjungan-baku');
		await answerNext(db, T0);
		await setSuspended(db, ['dagang/vocab'], true);
		await expectCountsRight();
	});
});
