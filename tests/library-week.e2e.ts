// Issue 13's done-criterion in Chromium: a learner adds three articles of their own (written for the
// tests) and studies them mixed with the bundled one for a week of simulated days (the history moved
// a day into the past each time, tests/idb.ts `ageDb`). Each day: nothing duplicated, every answer
// one review row, and home's counts and library rows equal a recount from IndexedDB. The same week
// in full, every day's whole queue, runs over the db code in Node (src/lib/db/week.test.ts).
import { expect, test, type Page } from '@playwright/test';
import { WEEK_ARTICLES } from '../src/lib/db/fixtures/week-articles';
import { ageDb, writesSettled } from './idb';

const DAY = 86_400_000;
/** Answers a day: enough to mix new cards, learning steps and reviews, few enough to stay quick. */
const PER_DAY = 12;
/** Again, Hard, Good, Easy in a learner's usual proportions, in a fixed order. */
const GRADES = [3, 3, 1, 3, 4, 3, 2, 3, 3, 4, 3, 1, 3, 2, 3, 3, 4] as const;

async function addArticle(page: Page, text: string): Promise<string> {
	await page.goto('/add');
	await page.getByLabel('Indonesian text').fill(text);
	await page.getByRole('button', { name: 'Analyse' }).click();
	await page.getByRole('button', { name: 'Create cards' }).click();
	await expect(page).toHaveURL(/\/read\?a=mine-/);
	return new URL(page.url()).searchParams.get('a')!;
}

interface Recount {
	cards: { id: string; sibling: string; kind: string; articles: string[] }[];
	reviews: { id: string; cardId: string; before: number }[];
	learned: number;
	/** Per article: cards in use, new, learned, due today, occurrences, readable occurrences. */
	rows: Record<string, [number, number, number, number, number, number]>;
}

/** Everything home shows, counted afresh from IndexedDB and the bundled decks, by the reader's rule. */
async function recount(page: Page): Promise<Recount> {
	await writesSettled(page);
	return page.evaluate(async () => {
		const decks = ((await (await fetch('/decks.json')).json()) as { decks: unknown[] })
			.decks as Deck[];
		interface Deck {
			article: { slug: string };
			sentences: { words: { headword: string }[] }[];
			cards: { headword: string }[];
		}
		interface Card {
			id: string;
			sibling: string;
			articles: string[];
			queue: number;
			retired: boolean;
			mark?: string;
			content: { kind: string };
			fsrs: { state: number; due: Date };
		}
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			const open = indexedDB.open('kartu');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const r = db.transaction(store).objectStore(store).getAll();
				r.onsuccess = () => resolve(r.result as T[]);
				r.onerror = () => reject(r.error);
			});
		const cards = await all<Card>('cards');
		const reviews = await all<{ id: string; cardId: string; before: { state: number } }>('reviews');
		const added = await all<{ deck: Deck }>('articles');
		db.close();
		// The end of today's study day (the next 4 a.m., the default).
		const end = new Date();
		end.setHours(4, 0, 0, 0);
		if (end.getTime() <= Date.now()) end.setDate(end.getDate() + 1);
		const byHeadword = new Map<string, Card[]>();
		for (const c of cards) byHeadword.set(c.sibling, [...(byHeadword.get(c.sibling) ?? []), c]);
		// The reader's rule (srs/word-state.ts): the mark first; else a card in review, not retired.
		const readable = (hw: string) => {
			const of = byHeadword.get(hw) ?? [];
			const mark = of.find((c) => c.mark)?.mark;
			if (mark) return mark === 'known';
			return of.some((c) => !c.retired && c.fsrs.state === 2);
		};
		const rows: Recount['rows'] = {};
		for (const deck of [...decks, ...added.map((a) => a.deck)]) {
			const slug = deck.article.slug;
			const mine = cards.filter((c) => c.articles.includes(slug));
			const counts = new Map<string, number>();
			for (const s of deck.sentences)
				for (const w of s.words) counts.set(w.headword, (counts.get(w.headword) ?? 0) + 1);
			let occ = 0;
			let read = 0;
			for (const hw of new Set(deck.cards.map((c) => c.headword))) {
				const n = counts.get(hw) ?? 0;
				occ += n;
				if (readable(hw)) read += n;
			}
			rows[slug] = [
				mine.filter((c) => c.queue !== -2 && c.queue !== -4).length,
				mine.filter((c) => c.queue === 0).length,
				mine.filter((c) => c.queue === 2 || c.queue === -3).length,
				mine.filter((c) => [1, 2, 3].includes(c.queue) && c.fsrs.due.getTime() < end.getTime())
					.length,
				occ,
				read
			];
		}
		return {
			cards: cards.map((c) => ({
				id: c.id,
				sibling: c.sibling,
				kind: c.content.kind,
				articles: c.articles
			})),
			reviews: reviews.map((r) => ({ id: r.id, cardId: r.cardId, before: r.before.state })),
			learned: cards.filter((c) => [1, 2, 3].includes(c.queue)).length,
			rows
		};
	});
}

/** Shows the answer and grades the card on screen; false when the day's queue is done. */
async function answerOne(page: Page, grade: number): Promise<boolean> {
	const card = page.locator('article.card[data-card-id]:visible');
	try {
		await card.waitFor({ timeout: 3000 });
	} catch {
		return false;
	}
	await page.getByRole('button', { name: /Show answer/ }).click();
	const bar = page.getByRole('group', { name: 'Grade your answer' });
	await expect(bar).toBeVisible();
	await page.keyboard.press(String(grade));
	await expect(bar).toBeHidden();
	await writesSettled(page);
	return true;
}

test('a week with three articles of the learner’s own beside the bundled one: nothing duplicated, lost or miscounted', async ({
	page
}) => {
	test.setTimeout(240_000);
	const slugs: string[] = [];
	for (const text of WEEK_ARTICLES) slugs.push(await addArticle(page, text));
	let given = 0;
	for (let day = 0; day < 7; day++) {
		if (day > 0) await ageDb(page, DAY);
		if (day === 2) {
			// The learner chooses the third article to study next.
			await page.goto(`/read?a=${slugs[2]}`);
			await page.getByRole('button', { name: 'Study this article next' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'come next' })).toBeVisible();
		}
		const before = (await recount(page)).reviews.length;
		await page.goto('/review');
		for (let i = 0; i < PER_DAY; i++) {
			if (!(await answerOne(page, GRADES[(day * PER_DAY + i) % GRADES.length]))) break;
			given++;
		}
		const now = await recount(page);

		// Nothing duplicated: a card's id is its headword and kind, so a headword has one of each.
		for (const c of now.cards) expect(c.id).toBe(`${c.sibling}/${c.kind}`);
		// Nothing lost: every answer is one review row.
		expect(now.reviews).toHaveLength(given);
		expect(new Set(now.reviews.map((r) => r.id)).size).toBe(given);
		// After the choice, the new cards of the day are the chosen article's (it has plenty).
		const fresh = now.reviews.slice(before).filter((r) => r.before === 0);
		const articlesOf = (id: string) => now.cards.find((c) => c.id === id)!.articles;
		if (day === 2) {
			expect(fresh.length).toBeGreaterThan(0);
			for (const r of fresh) expect(articlesOf(r.cardId), r.cardId).toContain(slugs[2]);
		}
		if (day === 0) expect(fresh.some((r) => !articlesOf(r.cardId).includes(slugs[2]))).toBe(true);

		// Home: today's learned count and each library row equal the recount.
		await page.goto('/');
		await expect(page.getByTestId('learned')).toHaveText(String(now.learned));
		for (const [slug, [cards, fresh, learned, due, occ, read]] of Object.entries(now.rows)) {
			const row = page.locator(`[data-article="${slug}"]`);
			await expect(row.getByTestId('new-cards'), `${slug} day ${day}`).toHaveText(String(fresh));
			await expect(row.getByTestId('due-cards'), `${slug} day ${day}`).toHaveText(String(due));
			await expect(row.getByTestId('learned-cards')).toHaveText(String(learned));
			await expect(row.locator('.progress')).toContainText(`of ${cards} cards learned`);
			await expect(row.locator('.progress')).toContainText(`(${read} of ${occ} words)`);
		}
	}
	expect(given).toBeGreaterThan(5 * PER_DAY);
});
