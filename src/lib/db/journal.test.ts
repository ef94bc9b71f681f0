import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { Rating, Scheduler, DEFAULT_SETTINGS } from '../srs';
import { syncDecks } from './decks';
import { recordAnswer, replayJournal } from './answers';
import { journalPending } from './early/early';
import { JOURNAL_DB, journalAnswer, journalInBucket, openJournal } from './journal';
import { STORE } from './names';
import type { JournalEntry } from './rows';
import { KartuDB } from './schema';
import { eachTestDatabase } from './test-support';

const { deck } = readArticle('azerbaijan-iran');
const scheduler = new Scheduler({ ...DEFAULT_SETTINGS, enableFuzz: false });
const t0 = new Date(2026, 2, 2, 9, 0);

let db: KartuDB;
eachTestDatabase('journal', (d) => (db = d));

/** The entries in the bucket's journal database, read as the browser would find them. */
async function bucketEntries(bucket: IDBFactory): Promise<JournalEntry[]> {
	const open = bucket.open(JOURNAL_DB);
	const journal = await new Promise<IDBDatabase>((resolve) => {
		open.onsuccess = () => resolve(open.result);
	});
	const r = journal.transaction(STORE.journal).objectStore(STORE.journal).getAll();
	const entries = await new Promise<JournalEntry[]>((resolve) => {
		r.onsuccess = () => resolve(r.result as JournalEntry[]);
	});
	journal.close();
	return entries;
}

/** An answer to the first new card, as the review screen would journal it. */
async function firstCardAnswer(id: string, on: KartuDB = db): Promise<JournalEntry> {
	const card = (await on.cards.get('menekankan/vocab'))!;
	return {
		id,
		card,
		grade: Rating.Good,
		next: scheduler.answer(card.fsrs, Rating.Good, t0),
		time: t0,
		ms: 1200,
		dayStartHour: 4
	};
}

describe('the answer journal in a Storage Bucket of its own', () => {
	it('takes each answer, not the collection, and is empty once the answer has committed', async () => {
		await syncDecks(db, [deck], t0);
		// A bucket is an IndexedDB of its own: here a second factory.
		const bucket = new IDBFactory();
		await openJournal(db, Promise.resolve(bucket));
		expect(journalInBucket(db)).toBe(true);

		const entry = await firstCardAnswer('j-1');
		const { written, remove } = journalAnswer(db, entry);
		await written;
		expect((await bucketEntries(bucket)).map((e) => e.id)).toEqual(['j-1']);
		expect(await db.journal.count()).toBe(0);
		await remove();
		expect(await bucketEntries(bucket)).toEqual([]);

		// A whole answer: written, and out of the journal again.
		await recordAnswer(db, entry);
		await new Promise((r) => setTimeout(r, 20));
		expect(await bucketEntries(bucket)).toEqual([]);
		expect(await db.journal.count()).toBe(0);
		expect(await db.reviews.count()).toBe(1);
	});

	it('writes at the next start what a killed browser left in it, and meanwhile tells the early script', async () => {
		await syncDecks(db, [deck], t0);
		const bucket = new IDBFactory();
		// No journal database yet: nothing waits, and asking does not create one.
		expect(await journalPending(Promise.resolve(bucket))).toBe(false);
		expect(await bucket.databases()).toEqual([]);

		await openJournal(db, Promise.resolve(bucket));
		// As a killed browser leaves it: the journal written, the answer's transaction not.
		await journalAnswer(db, await firstCardAnswer('killed-1')).written;
		// And an older one in the collection's own store, from a start before the bucket was open.
		const older = await firstCardAnswer('killed-0');
		await db.journal.put({ ...older, time: new Date(t0.getTime() - 60_000) });
		expect(await journalPending(Promise.resolve(bucket))).toBe(true);

		// The next start: new connections to the same collection and bucket.
		db.close();
		const next = new KartuDB(db.name);
		try {
			await next.open();
			await openJournal(next, Promise.resolve(bucket));
			// The older answer is written first; the later one, given on the card as it was, is then stale.
			expect(await replayJournal(next)).toBe(1);
			expect((await next.reviews.toArray()).map((r) => r.id)).toEqual(['killed-0']);
			expect(await bucketEntries(bucket)).toEqual([]);
			expect(await next.journal.count()).toBe(0);
			expect(await journalPending(Promise.resolve(bucket))).toBe(false);
		} finally {
			next.close();
		}
	});

	it('stays in the collection where the browser has no buckets', async () => {
		await syncDecks(db, [deck], t0);
		await openJournal(db, Promise.resolve(undefined));
		expect(journalInBucket(db)).toBe(false);
		const { written, remove } = journalAnswer(db, await firstCardAnswer('here-1'));
		await written;
		expect((await db.journal.toArray()).map((e) => e.id)).toEqual(['here-1']);
		await remove();
		expect(await db.journal.count()).toBe(0);
		expect(await journalPending(Promise.resolve(undefined))).toBe(false);
	});
});
