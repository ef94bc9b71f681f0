import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../../../../scripts/content-node';
import { Rating, type Grade, DEFAULT_SETTINGS, Scheduler, type SchedulerSettings } from '../../srs';
import { setSuspended } from '../card-table';
import { homeCounts, loadQueue } from '../cards';
import { openExisting, readFirstCard, readHomeCounts, readQueue } from './early';
import { pickNext, queueCounts } from '../../srs/queue';
import { firstNewCard } from '../../cards';
import { recordAnswer, recordPractice } from '../answers';
import { KartuDB } from '../schema';
import { answerNext, answerNextIfAny } from '../test-support';
import { loadAudioSettings, saveAudioSettings, saveSettings } from '../settings';
import { syncDecks } from '../decks';

const { deck } = readArticle('azerbaijan-iran');
const VERSION = 'build-1';
const t0 = new Date(2026, 2, 2, 9, 0);

let name = 0;
let db: KartuDB;
beforeEach(async () => {
	db = new KartuDB(`early-${++name}`);
	await syncDecks(db, [deck], t0);
	await db.settings.put({ key: 'content-version', value: VERSION });
});
afterEach(async () => {
	db.close();
	await db.delete();
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
	return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** The early script's queue and counts equal the app's, read through Dexie, at `at`. */
async function expectSame(at: Date, settings: SchedulerSettings) {
	const app = await homeCounts(db, at);
	expect(await readHomeCounts(db.backendDB(), at, VERSION), at.toString()).toEqual(app);
	const early = await readQueue(db.backendDB(), at, VERSION, 3);
	const loaded = await loadQueue(db, at, settings);
	expect(early!.loaded, at.toString()).toEqual(loaded);
	// With the settings the app last saw, right or stale, the read is the same.
	const stale = {
		...settings,
		dayStartHour: (settings.dayStartHour + 7) % 24,
		newPerDay: settings.newPerDay + 1,
		maxReviewsPerDay: 1
	};
	for (const hint of [settings, stale, { nonsense: true }]) {
		const hinted = await readQueue(db.backendDB(), at, VERSION, 3, hint);
		expect(hinted!.loaded, `${at} with a hint`).toEqual(loaded);
	}
	expect(early!.settings).toEqual(settings);
	expect(early!.autoplay).toBe((await loadAudioSettings(db)).autoplay);
	// The first card the early script draws is the one the review session shows first, with its counts.
	const next = pickNext(loaded.queue, at.getTime());
	// With the default rows read ahead, and with one (so that a buried first card is read around).
	for (const [hint, rows] of [
		[undefined, undefined],
		[settings, undefined],
		[stale, 1]
	] as const) {
		const first = await readFirstCard(db.backendDB(), at, VERSION, hint, rows);
		expect(first?.card, `${at}: the first card`).toEqual(
			next && ((await db.cards.get(next.id)) ?? undefined)
		);
		if (first) expect(first.counts).toEqual(queueCounts(loaded.queue, at.getTime()));
	}
	// The rows read ahead are the first review cards', as stored.
	const firstReviews = early!.loaded.queue.review.slice(0, 3).map((c) => c.id);
	expect(early!.ahead).toEqual(await db.cards.bulkGet(firstReviews));
	return app;
}

describe('readQueue and readHomeCounts (the early script, IndexedDB alone)', () => {
	it.each([
		['the default limits', {}],
		[
			'few new cards and reviews a day, the day starting at midnight',
			{ newPerDay: 3, maxReviewsPerDay: 4, dayStartHour: 0 }
		],
		['no new cards', { newPerDay: 0 }],
		['more new cards than the deck has', { newPerDay: 500, maxReviewsPerDay: 0 }]
	])(
		'read the queue and counts the app reads through weeks of answers, with %s',
		async (_, change) => {
			const next = random(7);
			const seen: string[] = [];
			for (let day = 0; day < 12; day++) {
				// The first day with the defaults, so that every variant has cards in learning and review.
				const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, ...(day ? change : {}) };
				await saveSettings(db, settings);
				const morning = new Date(t0.getTime() + day * 86_400_000);
				await expectSame(morning, settings);
				// A session of answers, some failed; a practice answer; a suspended card.
				for (let i = 0; i < 25; i++) {
					const at = new Date(morning.getTime() + i * 90_000);
					const grade = (
						[Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy] as Grade[]
					)[Math.floor(next() * 5)];
					if (!(await answerNextIfAny(db, at, grade, 3000, settings))) break;
				}
				const later = new Date(morning.getTime() + 40 * 60_000);
				const counts = await expectSame(later, settings);
				seen.push(`${counts.due}/${counts.fresh}/${counts.learned}`);
				const studied = await db.cards
					.where('[queue+fsrs.due]')
					.between([1, -Infinity], [3, []])
					.first();
				if (studied && day % 3 === 1) {
					await recordPractice(db, { card: studied, grade: Rating.Good, time: later, ms: 2000 });
					await expectSame(later, settings);
				}
				if (day === 6) {
					await saveAudioSettings(db, { autoplay: true });
					await expectSame(later, settings);
				}
				if (studied && day === 4) {
					await setSuspended(db, [studied.id], true);
					await expectSame(later, settings);
				}
				await expectSame(new Date(morning.getTime() + 15 * 3_600_000), settings);
			}
			// The collection did change over the weeks: the comparison covered more than one state.
			expect(new Set(seen).size).toBeGreaterThan(2);
		},
		60_000
	);

	it('reads nothing when the database holds another build’s decks, so the app loads them first', async () => {
		await db.settings.put({ key: 'content-version', value: 'build-0' });
		expect(await readHomeCounts(db.backendDB(), t0, VERSION)).toBeUndefined();
		expect(await readFirstCard(db.backendDB(), t0, VERSION)).toBeUndefined();
	});

	it('reads past the first (re)learning cards when today’s answers bury them', async () => {
		const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
		await saveSettings(db, settings);
		// Yesterday: two headwords' vocabulary cards failed, in learning and overdue since.
		const yesterday = new Date(t0.getTime() - 86_400_000);
		const a = await answerNext(db, yesterday, Rating.Again, 3000, settings);
		const b = await answerNext(
			db,
			new Date(yesterday.getTime() + 1000),
			Rating.Again,
			3000,
			settings
		);
		expect(a.card.sibling).not.toBe(b.card.sibling);
		// Today, the first one's cloze card was answered (on another device, say): its vocabulary
		// card, first in learning, waits for tomorrow.
		const cloze = (await db.cards.get(`${a.card.sibling}/cloze`))!;
		const next = new Scheduler(settings).answer(cloze.fsrs, Rating.Good, t0);
		await recordAnswer(db, {
			card: cloze,
			grade: Rating.Good,
			next,
			time: t0,
			ms: 3000,
			dayStartHour: settings.dayStartHour
		});
		const at = new Date(t0.getTime() + 60_000);
		const { queue } = await loadQueue(db, at, settings);
		expect(queue.learning[0].id).toBe(a.card.id);
		expect(pickNext(queue, at.getTime())?.id).toBe(b.card.id);
		// Reading one learning row ahead, the one read is buried: the read goes on to the rest.
		for (const rows of [1, 8])
			expect((await readFirstCard(db.backendDB(), at, VERSION, settings, rows))?.card.id).toBe(
				b.card.id
			);
	});

	it('on a first visit, the card the build puts on the review page is the first the app shows', async () => {
		// The bundled article stored into an empty collection (beforeEach), the default settings.
		const loaded = await loadQueue(db, t0, DEFAULT_SETTINGS);
		const built = firstNewCard(deck);
		expect(built?.id).toBe('menekankan/vocab');
		expect(pickNext(loaded.queue, t0.getTime())?.id).toBe(built?.id);
		expect((await readFirstCard(db.backendDB(), t0, VERSION))?.card.content).toEqual(built);
	});
});

describe('openExisting', () => {
	it('opens the database as it is, and never creates one', async () => {
		const seen: { absent?: boolean } = {};
		const opened = await openExisting(indexedDB, db.name, seen);
		expect(opened?.version).toBe(db.verno * 10);
		expect(seen.absent).toBeUndefined();
		opened?.close();
		// No database of that name: none is created, so the app's first open makes it at its own version.
		db.close();
		await db.delete();
		const none: { absent?: boolean } = {};
		expect(await openExisting(indexedDB, db.name, none)).toBeUndefined();
		// Told apart from a database there but not opened: only then is the build's first card drawn.
		expect(none.absent).toBe(true);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
	});
});
