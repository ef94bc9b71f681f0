import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readStore, writesSettled } from './idb';
import { gradeThenKill } from './kill';
import { answerGood } from './learner';

// The full table (0-50 ms, 50 trials each) is `npm run test:durability`; here a few trials.
test('an answer is kept when the browser is killed 5 ms or more after the key press', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const profile = mkdtempSync(join(tmpdir(), 'kartu-kill-'));
	try {
		const kept: string[] = [];
		for (const delay of [5, 10, 20, 5, 10, 20]) {
			kept.push(
				`${delay} ms: ${(await gradeThenKill(baseURL!, profile, delay)) ? 'kept' : 'lost'}`
			);
		}
		expect(kept).toEqual(kept.map((k) => k.replace(/lost$/, 'kept')));
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('the journal takes each answer in a Storage Bucket of its own, and is empty once the answers are written', async ({
	page
}) => {
	// Where each journal entry is put: its database's name (the bucket's is kartu-journal).
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		const seen: string[] = [];
		(window as unknown as { __journalPuts: string[] }).__journalPuts = seen;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if (this.name === 'journal') seen.push(this.transaction.db.name);
			return put.apply(this, args);
		};
	});
	await page.goto('/review');
	for (let i = 0; i < 2; i++) await answerGood(page);
	await writesSettled(page);
	const puts = await page.evaluate(
		() => (window as unknown as { __journalPuts: string[] }).__journalPuts
	);
	expect(puts).toEqual(['kartu-journal', 'kartu-journal']);
	expect(await readStore(page, 'journal')).toEqual([]);
	expect(await readStore(page, 'reviews')).toHaveLength(2);
	const bucket = await page.evaluate(async () => {
		const buckets = (
			navigator as unknown as {
				storageBuckets: {
					keys(): Promise<string[]>;
					open(name: string): Promise<{ indexedDB: IDBFactory }>;
				};
			}
		).storageBuckets;
		const names = await buckets.keys();
		const factory = (await buckets.open('kartu-journal')).indexedDB;
		const entries = await new Promise<number>((resolve, reject) => {
			const open = factory.open('kartu-journal');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const r = open.result.transaction('journal').objectStore('journal').count();
				r.onsuccess = () => {
					open.result.close();
					resolve(r.result);
				};
			};
		});
		return { names, entries };
	});
	expect(bucket).toEqual({ names: ['kartu-journal'], entries: 0 });
});
