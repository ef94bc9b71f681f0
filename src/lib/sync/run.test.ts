// Two (and three) devices, each a fake-indexeddb database, syncing through a real CouchDB-protocol
// server (pouchdb-server in memory, tests/couch.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerNext, seed, T0, testSettings } from '../db/test-support';
import { KartuDB } from '../db/schema';
import { syncDecks } from '../db/decks';
import { saveSettings } from '../db/settings';
import { homeCounts } from '../db/cards';
import { forgetSync, loadSync, saveSyncConfig } from '../db/sync';
import { recordAnswer } from '../db/answers';
import { markWord } from '../db/words';
import { exportBackup } from '../db/backup/backup';
import { setMeaning } from '../db/articles';
import { Rating, Scheduler } from '../srs';
import { startCouch, type TestCouch } from '../../../tests/couch';
import { syncOnce } from './run';

let couch: TestCouch;
let serial = 0;
const devices: KartuDB[] = [];

beforeAll(async () => {
	couch = await startCouch(5986);
});
afterAll(async () => {
	for (const d of devices) {
		d.close();
		await d.delete();
	}
	await couch?.stop();
});

/** A device with the bundled deck stored and sync set up with `password`. */
async function device(password = 'pw', url = couch.url): Promise<KartuDB> {
	const db = new KartuDB(`sync-${++serial}`);
	devices.push(db);
	await syncDecks(db, [seed.deck], T0);
	await saveSettings(db, testSettings);
	await saveSyncConfig(db, { url, user: 'ana', password, live: false });
	return db;
}

const fast = { sleep: async () => {}, attempts: 2 };
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function snapshot(db: KartuDB) {
	const reviews = (await db.reviews.toArray()).map((r) => r.id).sort();
	const cards = (await db.cards.toArray())
		.filter((c) => c.fsrs.reps > 0)
		.map((c) => [c.id, c.fsrs.reps, c.fsrs.due.getTime(), c.fsrs.stability, c.queue])
		.sort();
	return { reviews, cards, counts: await homeCounts(db, at(60)) };
}

describe('syncOnce', () => {
	it('makes two devices that studied offline, the same card too, identical; a third gets all', async () => {
		const a = await device();
		const b = await device();
		// Both answer the first new card (the same card on both), then a few more.
		for (let i = 0; i < 3; i++) await answerNext(a, at(i), Rating.Good);
		for (let i = 0; i < 4; i++) await answerNext(b, at(i + 0.5), Rating.Easy);
		const aFirst = await syncOnce(a, () => at(10), fast);
		expect(aFirst).toMatchObject({ sent: 3, received: 0 });
		expect(aFirst.error).toBeUndefined();
		const bFirst = await syncOnce(b, () => at(11), fast);
		expect(bFirst).toMatchObject({ sent: 4, received: 3 });
		const aSecond = await syncOnce(a, () => at(12), fast);
		expect(aSecond).toMatchObject({ sent: 0, received: 4 });
		const sa = await snapshot(a);
		expect(sa.reviews).toHaveLength(7);
		expect(sa).toEqual(await snapshot(b));
		// The card both answered has both answers, replayed in time order.
		const shared = (await a.cards.toArray()).filter((c) => c.fsrs.reps === 2);
		expect(shared.length).toBeGreaterThan(0);
		// Syncing again moves nothing.
		expect(await syncOnce(b, () => at(13), fast)).toMatchObject({ sent: 0, received: 0 });
		const c = await device();
		expect(await syncOnce(c, () => at(14), fast)).toMatchObject({ sent: 0, received: 7 });
		expect(await snapshot(c)).toEqual(sa);
		expect((await loadSync(c))?.progress.last).toMatchObject({ sent: 0, received: 7 });
	});

	it('goes on from the state replayed: an answer after the merge is sent and merged as usual', async () => {
		const a = devices[0];
		const b = devices[1];
		const card = (await a.cards.toArray()).find((c) => c.fsrs.reps === 2)!;
		const next = new Scheduler(testSettings).answer(card.fsrs, Rating.Good, at(30));
		await recordAnswer(a, { card, grade: Rating.Good, next, time: at(30), ms: 1, dayStartHour: 4 });
		expect(await syncOnce(a, () => at(31), fast)).toMatchObject({ sent: 1 });
		expect(await syncOnce(b, () => at(32), fast)).toMatchObject({ received: 1 });
		expect(await snapshot(a)).toEqual(await snapshot(b));
	});

	it('keeps the latest word mark and meaning on every device, and the cards follow', async () => {
		const a = await device();
		const b = await device();
		const [first, second] = [...new Set((await a.cards.toArray()).map((c) => c.content.headword))];
		await markWord(a, first, 'known', at(100));
		await markWord(b, first, 'ignored', at(101)); // later: wins on both
		await markWord(a, second, 'ignored', at(102));
		await setMeaning(b, second, 'an earlier meaning', '', at(103));
		await setMeaning(a, second, 'the later meaning', '', at(104));
		await syncOnce(a, () => at(110), fast);
		expect(await syncOnce(b, () => at(111), fast)).toMatchObject({ marks: 2 });
		expect(await syncOnce(a, () => at(112), fast)).toMatchObject({ marks: 1 });
		for (const d of [a, b]) {
			expect((await d.words.get(first))?.mark).toBe('ignored');
			expect((await d.words.get(second))?.mark).toBe('ignored');
			expect((await d.meanings.get(second))?.gloss).toBe('the later meaning');
			const cards = await d.cards.where('content.headword').equals(first).toArray();
			expect(cards.every((c) => c.mark === 'ignored')).toBe(true);
		}
		expect(await homeCounts(a, at(120))).toEqual(await homeCounts(b, at(120)));
	});

	it('says so on a wrong password, an unreachable server or a database not Kartu’s, and keeps everything', async () => {
		const d = await device('wrong');
		await answerNext(d, at(0));
		const wrong = await syncOnce(d, () => at(1), fast);
		expect(wrong.error).toMatch(/user name or password/);
		expect(await d.reviews.count()).toBe(1);

		await saveSyncConfig(d, {
			url: 'http://127.0.0.1:5999/kartu-ana',
			user: 'ana',
			password: 'pw',
			live: false
		});
		const down = await syncOnce(d, () => at(2), fast);
		expect(down.error).toMatch(/could not be reached/);
		expect(await d.reviews.count()).toBe(1);

		await fetch(`${couch.root}/other`, {
			method: 'PUT',
			headers: { Authorization: 'Basic ' + Buffer.from('admin:secret').toString('base64') }
		});
		await fetch(`${couch.root}/other/note`, {
			method: 'PUT',
			headers: { Authorization: 'Basic ' + Buffer.from('admin:secret').toString('base64') },
			body: '{"x":1}'
		});
		await saveSyncConfig(d, {
			url: `${couch.root}/other`,
			user: 'admin',
			password: 'secret',
			live: false
		});
		expect((await syncOnce(d, () => at(3), fast)).error).toMatch(/not Kartu's/);
		await saveSyncConfig(d, {
			url: `${couch.root}/missing`,
			user: 'admin',
			password: 'secret',
			live: false
		});
		expect((await syncOnce(d, () => at(4), fast)).error).toMatch(/No database/);
		expect(await d.reviews.count()).toBe(1);

		// The credentials never go into a backup file.
		expect(JSON.stringify(await exportBackup(d))).not.toContain('"sync"');
		await forgetSync(d);
		expect(await loadSync(d)).toBeUndefined();
		expect(await d.reviews.count()).toBe(1);
	});
});
