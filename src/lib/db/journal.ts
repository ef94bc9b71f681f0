// The answer journal: each answer is put here in the key press's own task, in a transaction of its
// own that commits at once, and taken out once the answer's own transaction has committed
// (db/answers.ts). What a killed browser left here is written at the next start (`replayJournal`).
//
// Where the browser has Storage Buckets (Chromium), the journal is a small database in a bucket of
// its own, which the browser keeps in a store of its own on disk. A commit into the collection's
// store costs the browser CPU that grows with what is stored beside it, whatever it writes (one
// 2 kB put: 0.8-2 ms in the benchmark's profiles, 12.7 ms on a 100,000-card profile just after its
// year was written; 0.02-0.3 ms in the bucket: `npm run bench:commit`). The journal's commit runs
// while the frame showing the next card is drawn, and on two cores it delayed that frame (on that
// profile, grade → next front painted p95 9.0 ms with the journal in the collection, 5.3 ms in the
// bucket). Elsewhere the journal is the collection's own journal store.

import { request, STORE } from './names';
import type { JournalEntry } from './rows';
import type { KartuDB } from './schema';

/** The Storage Bucket that holds the journal, and the name of its database there. */
export const JOURNAL_BUCKET = 'kartu-journal';
export const JOURNAL_DB = 'kartu-journal';

interface StorageBucketManager {
	open(
		name: string,
		options?: { durability?: 'strict' | 'relaxed' }
	): Promise<{ indexedDB: IDBFactory }>;
}

/** The journal bucket's IndexedDB; undefined where the browser has no Storage Buckets (or refuses one). */
export function bucketFactory(): Promise<IDBFactory | undefined> {
	const buckets = (globalThis.navigator as { storageBuckets?: StorageBucketManager } | undefined)
		?.storageBuckets;
	if (!buckets) return Promise.resolve(undefined);
	return buckets.open(JOURNAL_BUCKET, { durability: 'strict' }).then(
		(b) => b.indexedDB,
		() => undefined
	);
}

/** The open journal database in the bucket, for each collection that has one. */
const inBucket = new WeakMap<KartuDB, IDBDatabase>();

/**
 * Opens the journal's database in its bucket (`factory`: the bucket's IndexedDB) for `db`'s answers.
 * Until it is open, and where there is none, answers go in `db`'s own journal store. Never rejects:
 * without a bucket the journal stays in the collection.
 */
export async function openJournal(
	db: KartuDB,
	factory: Promise<IDBFactory | undefined> = bucketFactory()
): Promise<void> {
	try {
		const f = await factory;
		if (!f || inBucket.has(db)) return;
		const journal = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = f.open(JOURNAL_DB, 1);
			r.onupgradeneeded = () => r.result.createObjectStore(STORE.journal, { keyPath: 'id' });
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
			r.onblocked = () => reject(new Error('The journal database is blocked.'));
		});
		journal.onversionchange = () => {
			journal.close();
			inBucket.delete(db);
		};
		inBucket.set(db, journal);
	} catch {
		// The collection's own journal store keeps the answers.
	}
}

/** Whether `db`'s journal is in a bucket of its own (openJournal succeeded). */
export function journalInBucket(db: KartuDB): boolean {
	return inBucket.has(db);
}

const settled = (tx: IDBTransaction) =>
	new Promise<unknown>((resolve) => {
		tx.oncomplete = tx.onerror = tx.onabort = resolve;
	});

/** Deletes one entry from `journal`'s store, committing at once. */
function removeFrom(journal: IDBDatabase, id: string): Promise<unknown> {
	const tx = journal.transaction(STORE.journal, 'readwrite');
	tx.objectStore(STORE.journal).delete(id);
	tx.commit();
	return settled(tx);
}

/**
 * Puts an answer in the journal and commits at once, in the caller's task: the put and the commit
 * leave together, without waiting for the put's success event (which waits behind the next frame).
 * `written` never rejects: a journal that cannot be written must not stop the answer itself.
 * `remove` takes the entry out again, from wherever it went.
 */
export function journalAnswer(
	db: KartuDB,
	entry: JournalEntry
): { written: Promise<unknown>; remove: () => Promise<unknown> } {
	try {
		const target = inBucket.get(db) ?? db.backendDB();
		const tx = target.transaction(STORE.journal, 'readwrite');
		tx.objectStore(STORE.journal).put(entry);
		tx.commit();
		const written = settled(tx);
		return { written, remove: () => written.then(() => removeFrom(target, entry.id)) };
	} catch {
		// The database is not open yet (or has no journal store): Dexie's own put, when it can.
		const written = db.journal.put(entry).catch(() => undefined);
		return { written, remove: () => written.then(() => db.journal.delete(entry.id)) };
	}
}

/** A journal entry, with the way to take it out. */
export interface Journalled {
	entry: JournalEntry;
	remove: () => Promise<unknown>;
}

/** Every answer in the journal, in the bucket's and in the collection's store, oldest first. */
export async function readJournal(db: KartuDB): Promise<Journalled[]> {
	const out: Journalled[] = (await db.journal.toArray()).map((entry) => ({
		entry,
		remove: () => db.journal.delete(entry.id)
	}));
	const bucket = inBucket.get(db);
	if (bucket) {
		const store = bucket.transaction(STORE.journal, 'readonly').objectStore(STORE.journal);
		for (const entry of (await request(store.getAll())) as JournalEntry[])
			out.push({ entry, remove: () => removeFrom(bucket, entry.id) });
	}
	return out.sort((a, b) => a.entry.time.getTime() - b.entry.time.getTime());
}
