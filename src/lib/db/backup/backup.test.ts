import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import {
	backupFileName,
	parseBackup,
	serialiseBackup,
	MAX_BACKUP_BYTES
} from '../../backup/format';
import { DEFAULT_SETTINGS } from '../../srs';
import { applyImport, exportBackup, planImport } from './backup';
import { loadQueue } from '../cards';
import { syncDecks } from '../decks';
import { computeStats } from '../stats';
import { KartuDB } from '../schema';
import { study } from '../test-support';
import { listSnapshots, restoreSnapshot, takeSnapshot } from './snapshots';
import { markWord } from '../words';

const { deck } = readArticle('azerbaijan-iran');
const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date(2026, 2, 2, 9, 0);

let n = 0;
const opened: KartuDB[] = [];
function fresh(): KartuDB {
	const db = new KartuDB(`backup-${++n}`);
	opened.push(db);
	return db;
}
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

async function snapshotOf(db: KartuDB) {
	return {
		cards: await db.cards.toArray(),
		reviews: await db.reviews.toArray(),
		settings: (await db.settings.toArray()).filter((s) => s.key !== 'stats-state'),
		words: await db.words.toArray()
	};
}

describe('export and import', () => {
	let a: KartuDB;
	beforeEach(async () => {
		a = fresh();
		await syncDecks(a, [deck], t0);
		await study(a, 4);
		await markWord(a, 'negara', 'known', t0);
	});

	it('round-trips every card, review, setting and mark through the file (replace)', async () => {
		const text = serialiseBackup(await exportBackup(a, t0));
		const parsed = parseBackup(text);
		expect(parsed.ok).toBe(true);
		const b = fresh();
		await syncDecks(b, [deck], t0);
		await study(b, 1, new Date(t0.getTime() + 86_400_000 * 3));
		if (!parsed.ok) return;
		const summary = await applyImport(b, parsed.backup, 'replace');
		expect(summary).toMatchObject({
			mode: 'replace',
			cardsAdded: deck.cards.length,
			reviewsAdded: 4,
			reviewsRemoved: 1
		});
		expect(await snapshotOf(b)).toEqual(await snapshotOf(a));
	});

	it('merges without counting a review twice, keeping the longer history of each card', async () => {
		const b = fresh();
		await syncDecks(b, [deck], t0);
		await study(b, 2, new Date(t0.getTime() + 86_400_000));
		const parsed = parseBackup(serialiseBackup(await exportBackup(a, t0)));
		if (!parsed.ok) throw new Error(parsed.error);
		const plan = await planImport(b, parsed.backup, 'merge');
		expect(plan).toMatchObject({ cardsAdded: 0, reviewsAdded: 4, reviewsSkipped: 0 });
		await applyImport(b, parsed.backup, 'merge');
		expect(await b.reviews.count()).toBe(6);
		const again = await planImport(b, parsed.backup, 'merge');
		expect(again).toMatchObject({ reviewsAdded: 0, reviewsSkipped: 4 });
		await applyImport(b, parsed.backup, 'merge');
		expect(await b.reviews.count()).toBe(6);
		expect((await b.words.get('negara'))?.mark).toBe('known');
	});

	it('names the date in the file name', () => {
		expect(backupFileName(new Date(2026, 10, 27, 23, 30))).toBe('kartu-backup-2026-11-27.json');
	});
});

describe('parseBackup refuses bad files with a clear message', () => {
	const good = async () => {
		const db = fresh();
		await syncDecks(db, [deck], t0);
		await study(db, 2);
		return JSON.parse(serialiseBackup(await exportBackup(db, t0)));
	};

	it.each([
		['not JSON', () => 'hello {', /not JSON/],
		['another format', () => JSON.stringify({ format: 'anki', version: 1 }), /not a Kartu backup/],
		[
			'a newer version',
			(g: any) => JSON.stringify({ ...g, version: 2 }),
			/newer Kartu \(format version 2\)/
		],
		[
			'a missing field',
			(g: any) =>
				JSON.stringify({
					...g,
					cards: g.cards.map((c: any, i: number) =>
						i === 3 ? { ...c, fsrs: { ...c.fsrs, due: undefined } } : c
					)
				}),
			/cards\[3\]\.fsrs\.due is missing or not a date/
		],
		[
			'a mistyped field',
			(g: any) =>
				JSON.stringify({ ...g, reviews: [{ ...g.reviews[0], grade: 'good' }, g.reviews[1]] }),
			/reviews\[0\]\.grade is missing or not a number/
		],
		[
			'a review of a card not in the file',
			(g: any) =>
				JSON.stringify({ ...g, cards: g.cards.filter((c: any) => c.id !== g.reviews[0].cardId) }),
			/is for the card .* not in the backup/
		]
	])('%s', async (_name, make, message) => {
		const result = parseBackup(make(await good()));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('an enormous file, before reading it', () => {
		const result = parseBackup('{}', MAX_BACKUP_BYTES + 1);
		expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most 50 MB/) });
	});
});

describe('snapshots', () => {
	it('takes one a day once there are reviews, keeps seven, and restores one', async () => {
		const db = fresh();
		await syncDecks(db, [deck], t0);
		expect(await takeSnapshot(db, t0)).toBeUndefined(); // nothing studied yet
		await study(db, 1);
		expect(await takeSnapshot(db, t0)).toBeDefined();
		expect(await takeSnapshot(db, new Date(t0.getTime() + 3600_000))).toBeUndefined(); // same day
		for (let d = 1; d <= 8; d++) {
			await study(db, 1, new Date(t0.getTime() + d * 86_400_000));
			await takeSnapshot(db, new Date(t0.getTime() + d * 86_400_000));
		}
		const list = await listSnapshots(db);
		expect(list).toHaveLength(7);
		expect(list[0].reviews).toBe(9);
		const oldest = list.at(-1)!;
		await restoreSnapshot(db, oldest.id);
		expect(await db.reviews.count()).toBe(oldest.reviews);
	});
});

describe('upgrades keep data', () => {
	it('opens a database written by schema version 1 and keeps every card and review', async () => {
		const fixture = JSON.parse(
			readFileSync(new URL('../fixtures/v1-database.json', import.meta.url), 'utf8')
		);
		const revive = (o: any): any =>
			Array.isArray(o)
				? o.map(revive)
				: o && typeof o === 'object'
					? Object.fromEntries(
							Object.entries(o).map(([k, v]) => [
								k,
								['due', 'last_review', 'time'].includes(k) && typeof v === 'string'
									? new Date(v)
									: revive(v)
							])
						)
					: o;
		const name = `v1-${++n}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({
			cards: 'id, article, sibling, [queue+fsrs.due], [queue+position]',
			reviews: 'id, cardId, time',
			settings: 'key'
		});
		await v1.table('cards').bulkAdd(revive(fixture.cards));
		await v1.table('reviews').bulkAdd(revive(fixture.reviews));
		await v1.table('settings').bulkAdd(fixture.settings);
		v1.close();

		const db = new KartuDB(name);
		opened.push(db);
		const cards = await db.cards.toArray();
		expect(cards).toHaveLength(fixture.cards.length);
		expect(await db.reviews.count()).toBe(fixture.reviews.length);
		expect(db.verno).toBe(5);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'answerHours',
			'cards',
			'counts',
			'firsts',
			'reviews',
			'settings',
			'snapshotData',
			'snapshots',
			'statdays',
			'words'
		]);
		for (const c of revive(fixture.cards)) expect(cards.find((x) => x.id === c.id)).toEqual(c);
		// The upgrade counted the cards of each queue once.
		const tally: Record<number, number> = {};
		for (const c of cards) tally[c.queue] = (tally[c.queue] ?? 0) + 1;
		expect((await db.counts.get('queues'))?.n).toEqual(tally);
		// And filed the answers of the last days before the newest by hour.
		const reviews = await db.reviews.orderBy('time').toArray();
		const from = (Math.floor(reviews.at(-1)!.time.getTime() / 3_600_000) - 72) * 3_600_000;
		const recent = reviews.filter((r) => r.time.getTime() >= from).map((r) => r.id);
		expect(recent.length).toBeGreaterThan(0);
		expect((await db.answerHours.toArray()).flatMap((h) => h.a.map((e) => e[0])).sort()).toEqual(
			recent.sort()
		);
		// The new indexes and tables work on the old data.
		expect(await db.cards.where('content.headword').equals('menekankan').count()).toBe(3);
		expect(await db.words.count()).toBe(0);
		const { queue } = await loadQueue(db, new Date('2026-03-02T10:00:00Z'), settings);
		expect(queue.learning.length + queue.review.length + queue.fresh.length).toBeGreaterThan(0);
		// The history from before the upgrade is summed into the statistics on the first visit.
		const stats = await computeStats(db, new Date('2026-03-02T10:00:00Z'), settings);
		expect(stats.perDay.reduce((a, d) => a + d.reviews, 0)).toBe(
			fixture.reviews.filter((r: { practice?: boolean }) => !r.practice).length
		);
	});
});
