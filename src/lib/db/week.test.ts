// Issue 13's done-criterion, over the app's own db/ code in Node: a learner adds three articles of
// their own (written for this test; they share words with each other and with the bundled article),
// studies them mixed with the bundled one for a week of simulated days, and nothing is duplicated,
// lost or counted wrong. The end-to-end twin is tests/library-week.e2e.ts.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { pickNext, Rating, Scheduler, studyDay, type Grade } from '../srs';
import { recordAnswer } from './answers';
import { addArticle, studyNext } from './articles';
import { homeCounts, loadQueue } from './cards';
import { ensureDecks } from './decks';
import { readHomeCounts } from './early/early';
import { bundledArticles, readHome } from './early/home-read';
import { QUEUE } from './queues';
import type { StoredCard } from './rows';
import { KartuDB } from './schema';
import { expectKeptFiguresRight, seed, T0, testSettings, userArticle } from './test-support';
import { WEEK_ARTICLES } from './fixtures/week-articles';

const DAY = 86_400_000;
const VERSION = 'week-build';

/** A grade drawn from a learner's usual mix (about 10% Again, 15% Hard, 60% Good, 15% Easy). */
function grader(seed: number): () => Grade {
	let x = seed;
	return () => {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		const u = x / 2 ** 31;
		return u < 0.1 ? Rating.Again : u < 0.25 ? Rating.Hard : u < 0.85 ? Rating.Good : Rating.Easy;
	};
}

describe('a week with three articles of the learner’s own beside the bundled one', () => {
	it('studies every day’s queue with nothing duplicated, lost or miscounted, new cards in the order chosen', async () => {
		const factory = new IDBFactory();
		const db = new KartuDB('kartu', { indexedDB: factory, IDBKeyRange });
		try {
			const mine = await Promise.all(WEEK_ARTICLES.map((t) => userArticle(t)));
			await ensureDecks(db, VERSION, async () => [seed.deck], T0);
			for (const a of mine) await addArticle(db, a, { marks: {}, meanings: {} }, T0);
			const scheduler = new Scheduler(testSettings);
			const grade = grader(13);
			const answered: string[] = [];
			const bundled = bundledArticles([seed.deck]);
			// On day 3 the learner chooses the third article to study next.
			const chosen = mine[2].slug;

			for (let day = 0; day < 7; day++) {
				let now = new Date(T0.getTime() + day * DAY);
				if (day === 3) await studyNext(db, chosen, now);
				const newToday: StoredCard[] = [];
				const answeredToday = new Set<string>();
				// Study until the queue is empty, a few seconds per card; learning steps come back later the same day.
				for (let n = 0; n < 2000; n++) {
					const { queue } = await loadQueue(db, now, testSettings);
					const next = pickNext(queue, now.getTime());
					if (!next) {
						const soon = queue.learning.find((c) => c.due < queue.day.end);
						if (!soon) break;
						now = new Date(Math.max(now.getTime() + 1000, soon.due));
						continue;
					}
					const card = (await db.cards.get(next.id))!;
					if (card.queue === QUEUE.new) newToday.push(card);
					answeredToday.add(card.sibling);
					const g = grade();
					const { review } = await recordAnswer(db, {
						card,
						grade: g,
						next: scheduler.answer(card.fsrs, g, now),
						time: now,
						ms: 4000,
						dayStartHour: testSettings.dayStartHour
					});
					answered.push(review.id);
					now = new Date(now.getTime() + 8000);
				}
				const end = new Date(studyDay(now, testSettings.dayStartHour).end - 60_000);
				const cards = await db.cards.toArray();

				// Nothing duplicated: one card of each kind per headword, its id its headword and kind.
				const kinds = new Set<string>();
				for (const c of cards) {
					expect(c.id, c.id).toBe(`${c.sibling}/${c.content.kind}`);
					expect(c.content.headword).toBe(c.sibling);
					if (c.content.kind !== 'drill') {
						expect(kinds.has(`${c.sibling}/${c.content.kind}`), c.id).toBe(false);
						kinds.add(`${c.sibling}/${c.content.kind}`);
					}
				}
				// Nothing lost: every answer is one review row, and there are no others.
				const reviews = await db.reviews.toCollection().primaryKeys();
				expect(reviews.length).toBe(answered.length);
				expect(new Set(reviews)).toEqual(new Set(answered));
				expect(new Set(answered).size).toBe(answered.length);
				// The day's limit of new cards was met. After the choice, the chosen article's new cards came
				// first: any other article's only once it had none left to give that day (none left at all, or
				// only siblings of words answered that day, which wait for the next).
				expect(newToday.length).toBe(testSettings.newPerDay);
				const isChosen = (c: StoredCard) => c.articles.includes(chosen);
				if (day < 3) expect(newToday.some((c) => !isChosen(c))).toBe(true);
				else {
					const firstOther = newToday.findIndex((c) => !isChosen(c));
					expect(firstOther === -1 ? 0 : newToday.slice(firstOther).filter(isChosen).length).toBe(
						0
					);
					if (day === 3) expect(firstOther === -1 || firstOther > 5).toBe(true);
					if (firstOther !== -1) {
						const left = cards.filter((c) => isChosen(c) && c.queue === QUEUE.new);
						for (const c of left) expect(answeredToday.has(c.sibling), c.id).toBe(true);
					}
				}
				// Home's counts: the kept counts equal a tally of the cards; Dexie's and the early reader's agree.
				const tally: Record<number, number> = {};
				for (const c of cards) tally[c.queue] = (tally[c.queue] ?? 0) + 1;
				expect((await db.counts.get('queues'))!.n).toEqual(tally);
				await db.settings.put({ key: 'content-version', value: VERSION });
				const counts = await homeCounts(db, end);
				expect(await readHomeCounts(db.backendDB(), end, VERSION)).toEqual(counts);
				expect(counts.learned).toBe(
					cards.filter((c) =>
						[QUEUE.learning, QUEUE.review, QUEUE.relearning].includes(c.queue as never)
					).length
				);
				// Library rows: each article's figures equal a count over its cards and its text.
				await expectKeptFiguresRight(db, [seed.deck], end);
				const read = await readHome(end, VERSION, bundled, { factory, counts });
				if (read.kind !== 'stored') throw new Error(`read ${read.kind}`);
				expect(read.library.map((r) => r.slug)).toEqual([
					seed.deck.article.slug,
					...mine.map((a) => a.slug)
				]);
				const dayEnd = studyDay(end, testSettings.dayStartHour).end;
				for (const row of read.library) {
					const of = cards.filter((c) => c.articles.includes(row.slug));
					const live = of.filter((c) => c.queue !== QUEUE.retired && c.queue !== QUEUE.ignored);
					expect(row, row.slug).toMatchObject({
						cards: live.length,
						fresh: of.filter((c) => c.queue === QUEUE.new).length,
						learned: of.filter((c) => c.queue === QUEUE.review || c.queue === QUEUE.known).length,
						due: of.filter(
							(c) =>
								[QUEUE.learning, QUEUE.review, QUEUE.relearning].includes(c.queue as never) &&
								c.fsrs.due.getTime() < dayEnd
						).length
					});
					expect(row.readable!).toBeLessThanOrEqual(row.occurrences!);
				}
			}
			// A week on, something of each article is readable, and reviews came back due.
			const rows = await db.articleReadable.toArray();
			expect(rows.filter((r) => r.read > 0).length).toBe(4);
			expect(answered.length).toBeGreaterThan(7 * testSettings.newPerDay);
		} finally {
			db.close();
		}
	}, 300_000);
});
