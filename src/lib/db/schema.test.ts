// Every schema upgrade keeps the learner's data: a database written by an old version of the app
// (a fixture made by the app at that version) opens at the current version with nothing lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQueue } from './cards';
import { KartuDB } from './schema';
import { computeStats } from './stats';
import { testSettings as settings } from './test-support';

let n = 0;
const opened: KartuDB[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

describe('upgrades keep data', () => {
	it('opens a database written by schema version 1 and keeps every card and review', async () => {
		const fixture = JSON.parse(
			readFileSync(new URL('./fixtures/v1-database.json', import.meta.url), 'utf8')
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
		expect(db.verno).toBe(6);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'answerHours',
			'cards',
			'counts',
			'firsts',
			'journal',
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
