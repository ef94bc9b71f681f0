// Reads Kartu's IndexedDB from inside the page, with the raw IndexedDB API (no app code involved).
import type { Page } from '@playwright/test';

export interface DbCard {
	id: string;
	queue: number;
	suspended: boolean;
	fsrs: { state: number; reps: number; lapses: number; due: string };
}
export interface DbReview {
	id: string;
	cardId: string;
	grade: number;
	ms: number;
	before: { state: number };
	after: { state: number };
}

/** The review screen shows the next card while the answer is being written: waits for the writes. */
export async function writesSettled(page: Page): Promise<void> {
	await page.waitForFunction(() => !document.querySelector('[data-saving]'));
}

export async function readDb(page: Page): Promise<{ cards: DbCard[]; reviews: DbReview[] }> {
	await writesSettled(page);
	return page.evaluate(
		() =>
			new Promise<{ cards: DbCard[]; reviews: DbReview[] }>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['cards', 'reviews'], 'readonly');
					const cards = tx.objectStore('cards').getAll();
					const reviews = tx.objectStore('reviews').getAll();
					tx.oncomplete = () => {
						const iso = (c: { fsrs: { due: Date } }) => ({
							...c,
							fsrs: { ...c.fsrs, due: c.fsrs.due.toISOString() }
						});
						resolve({
							cards: cards.result.map(iso) as DbCard[],
							reviews: reviews.result as DbReview[]
						});
						db.close();
					};
				};
			})
	);
}

/**
 * Moves the learner's whole history `ms` into the past: every due date, last review and review time.
 * This is how the tests reach "tomorrow" with the browser's real clock (a faked `Date` breaks
 * Dexie's cloning of dates read from IndexedDB).
 */
export async function ageDb(page: Page, ms: number): Promise<void> {
	await page.evaluate(
		(ms) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					// Each article's cards due by quarter-hour (src/lib/db/derived/article-due.ts) move with the cards.
					const tx = db.transaction(['cards', 'reviews', 'answerHours', 'articleDue'], 'readwrite');
					const shift = (c: { due: Date; last_review?: Date }) => {
						c.due = new Date(c.due.getTime() - ms);
						if (c.last_review) c.last_review = new Date(c.last_review.getTime() - ms);
					};
					const each = (store: IDBObjectStore, f: (v: any) => void, done?: () => void) => {
						store.openCursor().onsuccess = (e) => {
							const cursor = (e.target as IDBRequest<IDBCursorWithValue>).result;
							if (!cursor) return done?.();
							const v = cursor.value;
							f(v);
							cursor.update(v);
							cursor.continue();
						};
					};
					const due = new Map<string, { b: number; article: string; n: number }>();
					each(
						tx.objectStore('cards'),
						(c) => {
							shift(c.fsrs);
							if (![1, 2, 3].includes(c.queue)) return;
							const b = Math.floor(c.fsrs.due.getTime() / 900_000);
							for (const article of new Set<string>(c.articles)) {
								const key = `${b} ${article}`;
								const row = due.get(key) ?? due.set(key, { b, article, n: 0 }).get(key)!;
								row.n++;
							}
						},
						() => {
							const store = tx.objectStore('articleDue');
							store.clear();
							for (const row of due.values()) store.put(row);
						}
					);
					// The recent answers the app keeps by hour (src/lib/db/derived/answer-hours.ts) move with the reviews.
					const hours = tx.objectStore('answerHours');
					hours.getAll().onsuccess = (e) => {
						const rows = (
							e.target as IDBRequest<{ h: number; a: [string, string, number, number, number][] }[]>
						).result;
						const moved = new Map<number, [string, string, number, number, number][]>();
						for (const entry of rows.flatMap((r) => r.a)) {
							entry[4] -= ms;
							const h = Math.floor(entry[4] / 3_600_000);
							moved.set(h, [...(moved.get(h) ?? []), entry]);
						}
						hours.clear();
						for (const [h, a] of moved) hours.put({ h, a });
					};
					each(tx.objectStore('reviews'), (r) => {
						r.time = new Date(r.time.getTime() - ms);
						shift(r.before);
						shift(r.after);
					});
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		ms
	);
}

/**
 * Suspends, straight in IndexedDB, every card but those of `kind`, so that kind comes first. The
 * database must exist: a page that writes (not the home page) has opened it.
 */
export async function onlyKind(page: Page, kind: string) {
	await page.evaluate(
		(kind) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kartu');
				open.onsuccess = () => {
					const tx = open.result.transaction(['cards', 'counts'], 'readwrite');
					// The number of cards per queue the app keeps (src/lib/db/derived/queue-counts.ts), counted again.
					const n: Record<number, number> = {};
					tx.objectStore('cards').openCursor().onsuccess = (e) => {
						const cursor = (e.target as IDBRequest<IDBCursorWithValue>).result;
						if (!cursor) {
							tx.objectStore('counts').put({ key: 'queues', n });
							return;
						}
						let card = cursor.value;
						if (card.content.kind !== kind)
							cursor.update((card = { ...card, suspended: true, queue: -1 }));
						n[card.queue] = (n[card.queue] ?? 0) + 1;
						cursor.continue();
					};
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			}),
		kind
	);
}

/** Every row of one store of Kartu's database, read with the raw IndexedDB API once the
 * review screen's writes are done; none when there is no database yet (none is created). */
export async function readStore<T = Record<string, unknown>>(
	page: Page,
	store: string
): Promise<T[]> {
	await writesSettled(page);
	return page.evaluate(async (store) => {
		// A first visit leaves no database; opening one here would create it.
		if (!(await indexedDB.databases()).some((d) => d.name === 'kartu')) return [];
		return new Promise<T[]>((resolve, reject) => {
			const open = indexedDB.open('kartu');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const db = open.result;
				const get = db.transaction(store, 'readonly').objectStore(store).getAll();
				get.onsuccess = () => {
					db.close();
					resolve(get.result as T[]);
				};
				get.onerror = () => reject(get.error);
			};
		});
	}, store);
}
