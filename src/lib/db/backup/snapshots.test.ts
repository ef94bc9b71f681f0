import 'fake-indexeddb/auto';
import type { DBCore, DBCoreTable } from 'dexie';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import { serialiseBackup } from '../../backup/format';
import { Rating, Scheduler, DEFAULT_SETTINGS } from '../../srs';
import { exportBackup } from './backup';
import { syncDecks } from '../decks';
import { recordAnswer, undoAnswer } from '../answers';
import { KartuDB } from '../schema';
import { study } from '../test-support';
import { type StoredCard } from '../rows';
import { runSnapshot } from './snapshot-job';
import {
	CHAIN_KEY,
	listSnapshots,
	restoreSnapshot,
	takeSnapshot,
	type SnapshotChain,
	type SnapshotSizes,
	type SnapshotSummary
} from './snapshots';
import { markWord } from '../words';

const { deck } = readArticle('azerbaijan-iran');
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const scheduler = new Scheduler(settings);
const t0 = new Date(2026, 2, 2, 9, 0);
const day = (n: number) => new Date(t0.getTime() + n * 86_400_000);
/** Small pages and parts, so that a few dozen reviews already span several of each. */
const small: SnapshotSizes = { cardPage: 40, reviewPage: 2, cardPart: 100, reviewChunk: 4 };

let n = 0;
const opened: KartuDB[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

/**
 * A database with the article's deck, counting the rows each table returns to reads; `hooks` runs
 * code after a read of a page of cards (a page-sized result), to change the data meanwhile.
 */
async function fresh(name = `snapshots-${++n}`) {
	const db = new KartuDB(name);
	const read = new Map<string, number>();
	const hooks: { afterCardsPage?: (rows: StoredCard[]) => Promise<void> } = {};
	db.use({
		stack: 'dbcore',
		name: 'count-reads',
		create: (down: DBCore): DBCore => ({
			...down,
			table(table: string): DBCoreTable {
				const t = down.table(table);
				const add = (k: number) => read.set(table, (read.get(table) ?? 0) + k);
				return {
					...t,
					query: async (req) => {
						const res = await t.query(req);
						if (req.values) add(res.result.length);
						if (table === 'cards' && res.result.length === small.cardPage)
							await hooks.afterCardsPage?.(res.result as StoredCard[]);
						return res;
					},
					getMany: async (req) => {
						const res = await t.getMany(req);
						add(res.filter((r) => r !== undefined).length);
						return res;
					}
				};
			}
		})
	});
	opened.push(db);
	await syncDecks(db, [deck], t0);
	return { db, read, hooks };
}

/** What a restore must give back (the chain's bookkeeping and the statistics cache are not the learner's). */
async function contents(db: KartuDB) {
	return {
		cards: (await db.cards.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
		reviews: await db.reviews.toArray(),
		settings: (await db.settings.toArray()).filter(
			(s) => ![CHAIN_KEY, 'stats-cache', 'stats-state', 'content-version'].includes(s.key)
		),
		words: await db.words.toArray()
	};
}

const chainOf = async (db: KartuDB) => (await db.settings.get(CHAIN_KEY))?.value as SnapshotChain;
const reviewParts = (s: SnapshotSummary) => s.parts!.filter((p) => p.startsWith('reviews:'));

describe('incremental snapshots', () => {
	it('reads only the reviews added since the last snapshot, and shares the older chunks', async () => {
		const { db, read } = await fresh();
		await study(db, 10, day(0));
		const first = (await takeSnapshot(db, day(0), small))!;
		expect(first).toMatchObject({ reviews: 10, cards: deck.cards.length });
		expect(reviewParts(first)).toHaveLength(3); // 4 + 4 + 2

		await study(db, 5, day(1));
		read.clear();
		const second = (await takeSnapshot(db, day(1), small))!;
		expect(read.get('reviews')).toBe(5);
		expect(second.reviews).toBe(15);
		// The three chunks of the first snapshot, then the day's five new reviews (4 + 1).
		expect(reviewParts(second).slice(0, 3)).toEqual(reviewParts(first));
		expect(reviewParts(second)).toHaveLength(5);
		const chain = await chainOf(db);
		expect(chain.chunks.map((c) => c.count)).toEqual([4, 4, 2, 4, 1]);
		expect(chain.lastId).toBe((await db.reviews.orderBy('id').last())!.id);
		// Every card is read once, in pages; no review is read twice.
		expect(read.get('cards')).toBe(deck.cards.length);
	});

	it('restores each of several days to exactly that day’s cards, reviews, settings and marks', async () => {
		const { db } = await fresh();
		const expected: Awaited<ReturnType<typeof contents>>[] = [];
		for (let d = 0; d < 4; d++) {
			await study(db, 3 + d, day(d));
			if (d === 2) await markWord(db, 'negara', 'known', day(d));
			await takeSnapshot(db, day(d), small);
			expected.push(await contents(db));
		}
		for (const d of [1, 3, 0, 2]) {
			await restoreSnapshot(db, listDay(d));
			expect(await contents(db)).toEqual(expected[d]);
		}
	});

	it('carries the chain on after a restore, so the next day still reads only its new reviews', async () => {
		const { db, read } = await fresh();
		await study(db, 6, day(0));
		await takeSnapshot(db, day(0), small);
		await study(db, 3, day(1));
		await takeSnapshot(db, day(1), small);
		await restoreSnapshot(db, listDay(0));
		await study(db, 2, day(2));
		read.clear();
		const next = (await takeSnapshot(db, day(2), small))!;
		expect(read.get('reviews')).toBe(2);
		expect(next.reviews).toBe(8);
		const wanted = await contents(db);
		await study(db, 1, day(3));
		await restoreSnapshot(db, next.id);
		expect(await contents(db)).toEqual(wanted);
	});

	it('starts a new chain when an older review was undone, and every snapshot still restores right', async () => {
		const { db, read } = await fresh();
		await study(db, 5, day(0));
		const first = (await takeSnapshot(db, day(0), small))!;
		const atFirst = await contents(db);
		await undoAnswer(db, atFirst.reviews[2], 4); // an answer of day 0, already in the chain
		await study(db, 3, day(1));
		const atSecond = await contents(db);
		read.clear();
		const second = (await takeSnapshot(db, day(1), small))!;
		expect(read.get('reviews')).toBe(7); // a full read
		expect(second.reviews).toBe(7);
		expect(reviewParts(second).some((p) => reviewParts(first).includes(p))).toBe(false);
		await restoreSnapshot(db, second.id);
		expect(await contents(db)).toEqual(atSecond);
		await restoreSnapshot(db, first.id);
		expect(await contents(db)).toEqual(atFirst);
	});

	it('does not trust a chain that came from elsewhere (an imported settings row)', async () => {
		const { db, read } = await fresh();
		await study(db, 3, day(0));
		const last = (await db.reviews.orderBy('id').last())!.id;
		await db.settings.put({
			key: CHAIN_KEY,
			value: { lastId: last, count: 3, chunks: [{ id: 'reviews:elsewhere', last, count: 3 }] }
		});
		read.clear();
		const snap = (await takeSnapshot(db, day(0), small))!;
		expect(read.get('reviews')).toBe(3);
		expect(reviewParts(snap)).not.toContain('reviews:elsewhere');
		const wanted = await contents(db);
		await study(db, 2, day(1));
		await restoreSnapshot(db, snap.id);
		expect(await contents(db)).toEqual(wanted);
	});

	it('takes in answers given while the cards are read, with their cards as answered', async () => {
		const { db, hooks } = await fresh();
		await study(db, 4, day(0));
		// Another connection answers two cards of the first page of cards right after the snapshot read it.
		const other = new KartuDB(db.name);
		opened.push(other);
		let answered = false;
		hooks.afterCardsPage = (rows) => {
			if (answered) return Promise.resolve();
			answered = true;
			const answer = async () => {
				for (const [i, card] of rows.slice(0, 2).entries()) {
					const at = new Date(day(0).getTime() + 60_000 + i);
					await recordAnswer(other, {
						card,
						grade: Rating.Good,
						next: scheduler.answer(card.fsrs, Rating.Good, at),
						time: at,
						ms: 1000,
						dayStartHour: 4
					});
				}
			};
			// Outside the snapshot's Dexie zone, as another tab's answers are.
			return new Promise((done) => setTimeout(() => void answer().then(done), 0));
		};
		const snap = (await takeSnapshot(db, day(0), small))!;
		expect(answered).toBe(true);
		expect(snap.reviews).toBe(6);
		const wanted = await contents(db);
		await study(db, 1, day(1));
		await restoreSnapshot(db, snap.id);
		expect(await contents(db)).toEqual(wanted);
	});
	it('starts again when a review it already read is deleted meanwhile', async () => {
		const { db, hooks, read } = await fresh();
		await study(db, 4, day(0));
		await takeSnapshot(db, day(0), small);
		await study(db, 3, day(1));
		const other = new KartuDB(db.name);
		opened.push(other);
		let deleted = false;
		hooks.afterCardsPage = () => {
			if (deleted) return Promise.resolve();
			deleted = true;
			const newest = async () =>
				other.reviews.delete((await other.reviews.orderBy('id').last())!.id);
			return new Promise((done) => setTimeout(() => void newest().then(done), 0));
		};
		read.clear();
		const snap = (await takeSnapshot(db, day(1), small))!;
		expect(deleted).toBe(true);
		// The day's three, then, taken again, the two left: the chain of day 0 still holds.
		expect(read.get('reviews')).toBe(3 + 2);
		expect(snap.reviews).toBe(6);
		const wanted = await contents(db);
		await study(db, 1, day(2));
		await restoreSnapshot(db, snap.id);
		expect(await contents(db)).toEqual(wanted);
	});
});

/** The snapshot id of day n (the local date). */
function listDay(n: number): string {
	const d = day(n);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('snapshots taken before schema 6 (cards per article)', () => {
	it('restore under the new ids, and the next snapshot starts a chain of its own', async () => {
		const { db } = await fresh();
		await study(db, 6, day(0));
		await takeSnapshot(db, day(0), small);
		const expected = await contents(db);
		// The snapshot's parts as schema 5 wrote them: ids slug/headword/kind, one article, no version.
		const v1Id = (id: string) => `azerbaijan-iran/${id}`;
		const v1Card = ({ articles, ...c }: StoredCard) => ({
			...c,
			id: v1Id(c.id),
			article: articles[0],
			sibling: v1Id(c.sibling),
			content: { ...c.content, id: v1Id(c.id), contexts: undefined }
		});
		const snapshot = (await db.snapshots.get(listDay(0))) as SnapshotSummary;
		for (const part of (await db.snapshotData.bulkGet(snapshot.parts!)) as any[]) {
			const rows = JSON.parse(strFromU8(inflateSync(part.bytes)));
			const old =
				part.kind === 'reviews'
					? rows.map((r: { cardId: string }) => ({ ...r, cardId: v1Id(r.cardId) }))
					: part.kind === 'cards'
						? rows.map(v1Card)
						: { ...rows, version: undefined, cards: rows.cards.map(v1Card) };
			await db.snapshotData.put({ ...part, bytes: deflateSync(strToU8(JSON.stringify(old))) });
		}
		await study(db, 2, day(1));
		await restoreSnapshot(db, listDay(0));
		expect(await contents(db)).toEqual(expected);
		// The schema-6 upgrade forgets the chain of old chunks; the next snapshot reads every review.
		await db.settings.delete(CHAIN_KEY);
		await study(db, 1, day(2));
		const next = (await takeSnapshot(db, day(2), small))!;
		expect(reviewParts(next).some((p) => reviewParts(snapshot).includes(p))).toBe(false);
		await restoreSnapshot(db, listDay(2));
		expect((await db.reviews.count()) > 0).toBe(true);
	});
});

describe('keeping a week', () => {
	it('keeps the newest seven and deletes the chunks no kept snapshot uses', async () => {
		const { db } = await fresh();
		const firstChain: string[] = [];
		for (let d = 0; d < 10; d++) {
			await study(db, 2, day(d));
			if (d === 3) await db.reviews.delete((await db.reviews.orderBy('id').first())!.id); // a new chain from day 3
			// A part left by a snapshot that never finished (the tab was closed): an orphan.
			await db.snapshotData.put({
				id: `reviews:stray-${d}`,
				kind: 'reviews',
				count: 0,
				bytes: new Uint8Array()
			} as never);
			const s = (await takeSnapshot(db, day(d), small))!;
			if (d === 2) firstChain.push(...reviewParts(s));
		}
		const kept = await listSnapshots(db);
		expect(kept.map((s) => s.id)).toEqual([9, 8, 7, 6, 5, 4, 3].map(listDay));
		const used = new Set(kept.flatMap((s) => s.parts!));
		const stored = await db.snapshotData.toCollection().primaryKeys();
		expect(new Set(stored)).toEqual(used);
		expect(stored.some((k) => firstChain.includes(k))).toBe(false);
		// The oldest kept still restores whole.
		await restoreSnapshot(db, listDay(3));
		expect(await db.reviews.count()).toBe(7);
	});

	it('takes one a day only, and none before the first review', async () => {
		const { db } = await fresh();
		expect(await takeSnapshot(db, day(0))).toBeUndefined();
		await study(db, 1, day(0));
		expect(await takeSnapshot(db, day(0))).toBeDefined();
		expect(await takeSnapshot(db, new Date(day(0).getTime() + 3600_000))).toBeUndefined();
		expect(await listSnapshots(db)).toHaveLength(1);
	});
});

describe('snapshots of the older format (one JSON row)', () => {
	it('are listed, restored, and pruned like the others', async () => {
		const { db } = await fresh();
		await study(db, 3, day(0));
		const wanted = await contents(db);
		// What the previous takeSnapshot wrote: a summary without parts and the whole backup as text.
		const data = serialiseBackup(await exportBackup(db, day(0)));
		await db.snapshots.put({
			id: listDay(0),
			time: day(0),
			cards: wanted.cards.length,
			reviews: 3
		});
		await db.snapshotData.put({ id: listDay(0), data });

		await study(db, 2, day(1));
		await takeSnapshot(db, day(1), small);
		expect((await listSnapshots(db)).map((s) => s.id)).toEqual([listDay(1), listDay(0)]);
		expect(await db.snapshotData.get(listDay(0))).toBeDefined(); // still in use
		await restoreSnapshot(db, listDay(0));
		expect(await contents(db)).toEqual(wanted);

		for (let d = 2; d <= 8; d++) {
			await study(db, 1, day(d));
			await takeSnapshot(db, day(d), small);
		}
		expect(await db.snapshots.get(listDay(0))).toBeUndefined();
		expect(await db.snapshotData.get(listDay(0))).toBeUndefined();
	});
});

describe('runSnapshot', () => {
	it('takes the snapshot on the main thread where there are no workers (Node)', async () => {
		const { db } = await fresh();
		await study(db, 2, day(0));
		expect(typeof Worker).toBe('undefined');
		await runSnapshot(day(0), async () => db);
		expect((await listSnapshots(db)).map((s) => s.reviews)).toEqual([2]);
	});
});
