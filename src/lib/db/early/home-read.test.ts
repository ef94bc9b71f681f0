import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import { Rating, DEFAULT_SETTINGS, studyDay } from '../../srs';
import { headwordOccurrences } from '../../cards';
import { homeCounts } from '../cards';
import { bundledArticles, firstVisitCounts, firstVisitLibrary, readHome } from './home-read';
import { addArticle } from '../articles';
import { userArticle } from '../test-support';
import { KartuDB } from '../schema';
import { answerNext } from '../test-support';
import { snapshotDay } from '../backup/snapshot-day';
import { syncDecks } from '../decks';

const { deck } = readArticle('azerbaijan-iran');
const VERSION = 'build-1';
const t0 = new Date(2026, 2, 2, 9, 0);

const opened: KartuDB[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

/** A browser of its own: each test starts with no database at all. */
function browser() {
	const factory = new IDBFactory();
	const open = () => {
		const db = new KartuDB('kartu', { indexedDB: factory, IDBKeyRange });
		opened.push(db);
		return db;
	};
	return { factory, open };
}

async function stored(b: ReturnType<typeof browser>) {
	const db = b.open();
	await syncDecks(db, [deck], t0);
	await db.settings.put({ key: 'content-version', value: VERSION });
	return db;
}

describe('the home page read without Dexie', () => {
	it('on a first visit finds no database, creates none, and shows what the stored decks will show', async () => {
		const b = browser();
		expect(await readHome(t0, VERSION, bundledArticles([deck]), { factory: b.factory })).toEqual({
			kind: 'none'
		});
		expect(await b.factory.databases()).toEqual([]);

		const db = await stored(b);
		const first = firstVisitCounts([deck]);
		expect(first).toEqual(await homeCounts(db, t0));
		expect(first).toEqual({ due: 0, fresh: 20, learned: 0 });
		const read = await readHome(t0, VERSION, bundledArticles([deck]), { factory: b.factory });
		expect(read).toMatchObject({ kind: 'stored', counts: first, snapshotDue: false });
		expect(read.kind === 'stored' && read.library).toEqual(
			firstVisitLibrary(bundledArticles([deck]))
		);
		expect(firstVisitLibrary(bundledArticles([deck]))[0]).toMatchObject({
			fresh: deck.cards.length,
			cards: deck.cards.length
		});
	});

	it('reads the counts and progress the app reads, after answers; a snapshot is due until today’s exists', async () => {
		const b = browser();
		const db = await stored(b);
		for (let i = 0; i < 5; i++) {
			const at = new Date(t0.getTime() + i * 60_000);
			await answerNext(db, at, Rating.Good, 3000, DEFAULT_SETTINGS);
		}
		const later = new Date(t0.getTime() + 10 * 60_000);
		const read = await readHome(later, VERSION, bundledArticles([deck]), { factory: b.factory });
		if (read.kind !== 'stored') throw new Error(`read ${read.kind}`);
		expect(read.counts).toEqual(await homeCounts(db, later));
		expect(read.counts.learned).toBe(5);
		// The five answered cards are in learning: no longer new, due again today, not learned yet.
		expect(read.library).toEqual([
			expect.objectContaining({
				slug: deck.article.slug,
				bundled: true,
				cards: deck.cards.length,
				fresh: deck.cards.length - 5,
				learned: 0,
				due: 5
			})
		]);
		expect(read.snapshotDue).toBe(true);
		await db.snapshots.put({ id: snapshotDay(later), time: later, cards: 0, reviews: 5 });
		expect(
			await readHome(later, VERSION, bundledArticles([deck]), { factory: b.factory })
		).toMatchObject({
			kind: 'stored',
			snapshotDue: false
		});
	});

	it('lists the learner’s own articles after the bundled ones, each with its own figures', async () => {
		const b = browser();
		const db = await stored(b);
		const pasar = await userArticle(
			'Pasar Ikan\n\nPara pedagang menjual ikan segar di pasar.\nHubungan mereka baik.'
		);
		await addArticle(db, pasar, { marks: { ikan: 'known' }, meanings: {} }, t0);
		const read = await readHome(t0, VERSION, bundledArticles([deck]), { factory: b.factory });
		if (read.kind !== 'stored') throw new Error(`read ${read.kind}`);
		const cards = await db.cards.where('articles').equals(pasar.slug).toArray();
		expect(read.library.map((r) => [r.slug, r.title, r.bundled])).toEqual([
			[deck.article.slug, deck.article.title, true],
			[pasar.slug, 'Pasar Ikan', false]
		]);
		expect(read.library[1]).toMatchObject({
			cards: cards.length,
			fresh: cards.filter((c) => c.queue === 0).length,
			learned: cards.filter((c) => c.mark === 'known').length,
			due: 0
		});
		expect(read.library[1].learned).toBeGreaterThan(0);
		// Its readable share: the occurrences of ikan, marked known, of all its words with cards.
		const occurrences = headwordOccurrences(pasar.deck);
		expect(read.library[1]).toMatchObject({
			occurrences: [...occurrences.values()].reduce((a, b) => a + b, 0),
			readable: occurrences.get('ikan')
		});
		expect(occurrences.get('ikan')).toBeGreaterThan(0);
	});

	it('counts the cards due before the study day ends from the kept buckets, and reads the cards of a quarter-hour the end cuts', async () => {
		const tz = process.env.TZ;
		// Monrovia in 1960 was 44 min 30 s behind UTC: its study day ends inside a quarter-hour.
		for (const [zone, now] of [
			['Europe/Berlin', t0],
			['Africa/Monrovia', new Date(Date.UTC(1960, 5, 1, 10, 0))]
		] as const) {
			process.env.TZ = zone;
			try {
				const b = browser();
				const db = await stored(b);
				const end = studyDay(now, DEFAULT_SETTINGS.dayStartHour).end;
				const cards = await db.cards.limit(4).toArray();
				const dues = [end - 86_400_000, end - 60_000, end - 1, end + 60_000];
				await db.cards.bulkPut(
					cards.map((c, i) => ({
						...c,
						fsrs: { ...c.fsrs, state: 2, reps: 1, due: new Date(dues[i]) },
						queue: 2
					}))
				);
				const read = await readHome(now, VERSION, bundledArticles([deck]), {
					factory: b.factory
				});
				if (read.kind !== 'stored') throw new Error(`read ${read.kind}`);
				expect(read.library[0].due).toBe(3);
				expect(end % (15 * 60_000) === 0).toBe(zone === 'Europe/Berlin');
			} finally {
				process.env.TZ = tz;
			}
		}
	});

	it('leaves a database of a schema before 6 (cards per article) to the app to upgrade', async () => {
		const b = browser();
		const old = new Dexie('kartu', { indexedDB: b.factory, IDBKeyRange });
		old.version(5).stores({
			cards:
				'id, article, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
			reviews: 'id, cardId, time',
			settings: 'key',
			snapshots: 'id'
		});
		await old.table('settings').put({ key: 'content-version', value: VERSION });
		old.close();
		expect(await readHome(t0, VERSION, bundledArticles([deck]), { factory: b.factory })).toEqual({
			kind: 'stale'
		});
	});

	it('leaves a database holding another build’s decks to the app', async () => {
		const b = browser();
		await stored(b);
		expect(await readHome(t0, 'build-2', bundledArticles([deck]), { factory: b.factory })).toEqual({
			kind: 'stale'
		});
	});
});
