// Two (and three) devices, each a fake-indexeddb database, syncing through a real CouchDB-protocol
// server (pouchdb-server in memory, tests/couch.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerNext, seed, T0, testSettings, userArticle } from '../db/test-support';
import { KartuDB } from '../db/schema';
import { syncDecks } from '../db/decks';
import { homeCounts } from '../db/cards';
import { forgetSync, loadSync, saveSyncConfig } from '../db/sync';
import { markWord } from '../db/words';
import { recordAnswer, undoAnswer } from '../db/answers';
import { setSuspended } from '../db/card-table';
import { addArticle, deleteArticle, renameArticle, setMeaning } from '../db/articles';
import { loadParameterHistory, loadSettings, saveSettings } from '../db/settings';
import { exportBackup } from '../db/backup/backup';
import { Rating, Scheduler } from '../srs';
import { createDatabase, startCouch, startProxy, type TestCouch } from '../../../tests/couch';
import { syncOnce } from './run';

let couch: TestCouch;
let serial = 0;
const devices: KartuDB[] = [];

beforeAll(async () => {
	couch = await startCouch(0);
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
	// Unlogged: each device's own starting point, not a change the learner made.
	await saveSettings(db, testSettings, undefined, new Date(0), false);
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

/** Written for this test: an article of the learner's own, sharing hubungan and presiden with the bundled one. */
const PASAR = `Pasar Ikan di Pelabuhan

Pedagang ikan di pelabuhan itu bangun sebelum matahari terbit.
Hubungan antara nelayan dan pedagang sangat erat sejak dulu.
Presiden mengunjungi pasar itu dan berbicara dengan para nelayan tentang harga solar.`;

let fresh = 0;
/** Two devices on a database of their own, so that what the other tests left does not count. */
async function pair(): Promise<[KartuDB, KartuDB, string]> {
	const url = await createDatabase(couch, `kartu-pair-${++fresh}`);
	return [await device('pw', url), await device('pw', url), url];
}

async function both(a: KartuDB, b: KartuDB, minute: number) {
	for (const [d, m] of [
		[a, minute],
		[b, minute + 1],
		[a, minute + 2]
	] as const) {
		const r = await syncOnce(d, () => at(m), fast);
		expect(r.error).toBeUndefined();
	}
}

describe('syncOnce: everything the learner made', () => {
	it('carries suspensions and the latest change of each scheduler setting, optimised parameters with their source', async () => {
		const [a, b] = await pair();
		const ids = (await a.cards.limit(3).toArray()).map((c) => c.id);
		await setSuspended(a, ids, true, at(1));
		await setSuspended(a, [ids[2]], false, at(2)); // let back in: travels too
		const sa = await loadSettings(a);
		await saveSettings(a, { ...sa, newPerDay: 35, desiredRetention: 0.85 }, undefined, at(3));
		const sb = await loadSettings(b);
		// b changes retention later (wins) and new cards/day earlier (loses).
		await saveSettings(b, { ...sb, desiredRetention: 0.93, newPerDay: 5 }, undefined, at(2));
		await saveSettings(
			b,
			{ ...sb, desiredRetention: 0.93, newPerDay: 5, dayStartHour: 6 },
			undefined,
			at(4)
		);
		await saveSettings(b, { ...(await loadSettings(b)), desiredRetention: 0.91 }, undefined, at(5));
		const weights = sa.weights.map((w, i) => (i === 0 ? w * 1.5 : w));
		await saveSettings(
			a,
			{ ...(await loadSettings(a)), weights },
			{ source: 'optimiser', fit: { reviews: 500, before: [0.4, 0.05], after: [0.3, 0.03] } },
			at(6)
		);
		await both(a, b, 10);
		for (const d of [a, b]) {
			const cards = await d.cards.bulkGet(ids);
			expect(cards.map((c) => c!.suspended)).toEqual([true, true, false]);
			expect(cards.map((c) => c!.queue < 0)).toEqual([true, true, false]);
			const s = await loadSettings(d);
			expect([s.newPerDay, s.desiredRetention, s.dayStartHour]).toEqual([35, 0.91, 6]);
			expect(s.weights).toEqual(weights);
		}
		const history = await loadParameterHistory(b);
		expect(history.at(-1)).toMatchObject({ source: 'optimiser', weights, fit: { reviews: 500 } });
		expect(await homeCounts(a, at(60))).toEqual(await homeCounts(b, at(60)));
	});

	it('carries a cleared mark and an undone answer: the card is replayed without it, on a third device too', async () => {
		const [a, b, url] = await pair();
		const word = (await a.cards.toArray())[5].content.headword;
		await markWord(a, word, 'known', at(0));
		const first = await answerNext(a, at(1), Rating.Good);
		const second = await answerNext(a, at(2), Rating.Good);
		await both(a, b, 5);
		expect((await b.words.get(word))?.mark).toBe('known');
		expect(await b.reviews.count()).toBe(2);
		// b answers the first card again, from the state a's answer left.
		const card = (await b.cards.get(first.card.id))!;
		const next = new Scheduler(testSettings).answer(card.fsrs, Rating.Easy, at(20));
		await recordAnswer(b, { card, grade: Rating.Easy, next, time: at(20), ms: 1, dayStartHour: 4 });
		// Meanwhile a, offline, clears the mark and undoes both its answers (the latest first).
		await markWord(a, word, undefined, at(21));
		await undoAnswer(a, second.review, 4, at(22));
		await undoAnswer(a, first.review, 4, at(23));
		await both(a, b, 30);
		for (const d of [a, b]) {
			expect(await d.words.get(word)).toBeUndefined();
			const marked = await d.cards.where('content.headword').equals(word).toArray();
			expect(marked.some((c) => c.mark)).toBe(false);
			expect(await d.reviews.get(second.review.id)).toBeUndefined();
			expect(await d.reviews.get(first.review.id)).toBeUndefined();
			expect((await d.cards.get(second.card.id))!.fsrs).toEqual(second.review.before);
			// b's answer stays, scheduled again from the new card that a's undone answer had left.
			const replayed = (await d.cards.get(first.card.id))!;
			expect(replayed.fsrs.reps).toBe(1);
			expect(replayed.fsrs).toEqual(
				new Scheduler(testSettings).answer(first.review.before, Rating.Easy, at(20))
			);
		}
		expect(await snapshot(a)).toEqual(await snapshot(b));
		const c = await device('pw', url);
		await syncOnce(c, () => at(50), fast);
		expect(await snapshot(c)).toEqual(await snapshot(a));
		expect(await snapshot(a)).toEqual(await snapshot(b));
	});

	it('carries an added article with its cards, its new title and its deletion, which keeps its history', async () => {
		const [a, b, url] = await pair();
		const pasar = await userArticle(PASAR);
		await addArticle(
			a,
			pasar,
			{ marks: { pedagang: 'known' }, meanings: { nelayan: 'fisherman' } },
			at(0)
		);
		await renameArticle(a, pasar.slug, 'Fish market', at(1));
		// An answer on one of the article's own cards, before b has the article.
		const own = (await a.cards.where('articles').equals(pasar.slug).toArray()).find(
			(c) => c.articles.length === 1 && c.queue === 0
		)!;
		const next = new Scheduler(testSettings).answer(own.fsrs, Rating.Good, at(2));
		await recordAnswer(a, {
			card: own,
			grade: Rating.Good,
			next,
			time: at(2),
			ms: 1,
			dayStartHour: 4
		});
		await both(a, b, 5);
		const cardsOf = async (d: KartuDB) =>
			(await d.cards.where('articles').equals(pasar.slug).toArray())
				.map((c) => [
					c.id,
					c.fsrs.reps,
					c.fsrs.due.getTime(),
					c.queue,
					c.content.gloss,
					c.mark ?? ''
				])
				.sort();
		const ca = await cardsOf(a);
		expect(ca.length).toBeGreaterThan(5);
		expect(await cardsOf(b)).toEqual(ca);
		for (const d of [a, b]) {
			expect(await d.library.get(pasar.slug)).toMatchObject({ title: 'Fish market', added: at(0) });
			expect((await d.articles.get(pasar.slug))?.deck.cards.length).toBe(pasar.deck.cards.length);
			expect((await d.words.get('pedagang'))?.mark).toBe('known');
			expect((await d.meanings.get('nelayan'))?.gloss).toBe('fisherman');
			expect((await d.cards.get(own.id))?.fsrs.reps).toBe(1);
		}
		await deleteArticle(b, pasar.slug, [seed.deck], at(20));
		await both(b, a, 25);
		for (const d of [a, b]) {
			expect(await d.library.get(pasar.slug)).toBeUndefined();
			expect(await d.articles.get(pasar.slug)).toBeUndefined();
			expect((await d.cards.get(own.id))?.retired).toBe(true);
			expect(await d.reviews.where('cardId').equals(own.id).count()).toBe(1);
		}
		// A third device gets the article's history, not the article.
		const c = await device('pw', url);
		expect((await syncOnce(c, () => at(30), fast)).error).toBeUndefined();
		expect(await c.library.count()).toBe(0);
		expect(await c.reviews.count()).toBe(1);
		expect(await homeCounts(a, at(60))).toEqual(await homeCounts(b, at(60)));
	});

	it('never takes anything away because the server lacks it', async () => {
		const [a] = await pair();
		await markWord(a, 'hubungan', 'ignored', at(0));
		await answerNext(a, at(1));
		await syncOnce(a, () => at(2), fast);
		// Another, empty database: a sends everything again and loses nothing.
		const url = await createDatabase(couch, 'kartu-empty');
		await saveSyncConfig(a, { url, user: 'ana', password: 'pw', live: false });
		const r = await syncOnce(a, () => at(3), fast);
		expect(r).toMatchObject({ sent: 1, received: 0 });
		expect((await a.words.get('hubungan'))?.mark).toBe('ignored');
		expect(await a.reviews.count()).toBe(1);
		const b = await device('pw', url);
		await syncOnce(b, () => at(4), fast);
		expect((await b.words.get('hubungan'))?.mark).toBe('ignored');
	});
});

describe('syncOnce: a server that fails', () => {
	it('splits a batch the server finds too large (413) and retries a failing one (503) with back-off, losing nothing', async () => {
		const url = await createDatabase(couch, 'kartu-proxied');
		let failures = 2;
		const proxy = await startProxy(couch.root, (r) => {
			if (r.docs !== undefined && r.docs > 50) return 413;
			if (r.path.includes('/_changes') && failures > 0) return (failures--, 503);
			return undefined;
		});
		try {
			const proxied = url.replace(couch.root, proxy.root);
			const a = await device('pw', proxied);
			const many = { ...testSettings, newPerDay: 500 };
			for (let i = 0; i < 120; i++) await answerNext(a, at(i / 10), Rating.Easy, 1000, many);
			const waits: number[] = [];
			const r = await syncOnce(a, () => at(20), {
				sleep: async (ms) => void waits.push(ms),
				attempts: 4
			});
			expect(r.error).toBeUndefined();
			expect(r.sent).toBe(120);
			expect(waits).toEqual([1000, 2000]);
			// Refused whole, then in halves, until the halves go through: 120 in all, none twice.
			const sizes = proxy.seen.filter((s) => s.docs !== undefined).map((s) => s.docs!);
			expect(sizes[0]).toBe(120);
			expect(sizes.filter((n) => n <= 50).reduce((x, y) => x + y, 0)).toBe(120);
			const b = await device('pw', url);
			expect(await syncOnce(b, () => at(21), fast)).toMatchObject({ received: 120 });

			// A server that keeps failing: a plain message, and a later sync goes on from where it was.
			failures = 100;
			await answerNext(a, at(30), Rating.Good, 1000, many);
			const down = await syncOnce(a, () => at(31), fast);
			expect(down.error).toMatch(/server is failing \(503\)/);
			expect(down.sent).toBe(1); // sent before the pull failed: kept as sent
			expect(await a.reviews.count()).toBe(121);
			failures = 0;
			expect((await syncOnce(a, () => at(32), fast)).error).toBeUndefined();
		} finally {
			await proxy.stop();
		}
	});

	it('says so when the server forbids (403) or cannot take one document (413)', async () => {
		const url = await createDatabase(couch, 'kartu-forbidden');
		let status = 403;
		const proxy = await startProxy(couch.root, (r) =>
			r.path.includes('/_bulk_docs') ? status : undefined
		);
		try {
			const a = await device('pw', url.replace(couch.root, proxy.root));
			await answerNext(a, at(0));
			expect((await syncOnce(a, () => at(1), fast)).error).toMatch(
				/does not let this user write.*\(403\)/
			);
			status = 413;
			expect((await syncOnce(a, () => at(2), fast)).error).toMatch(/too large/);
			expect(await a.reviews.count()).toBe(1);
			expect((await loadSync(a))?.progress.sentUpTo).toBe('');
		} finally {
			await proxy.stop();
		}
	});
});
