// Every schema upgrade keeps the learner's data: a database written by an old version of the app
// (a fixture made by the app at that version) opens at the current version with nothing lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdFromV1 } from '../cards';
import { homeCounts, loadQueue } from './cards';
import { syncDecks } from './decks';
import { readHomeCounts, readQueue } from './early/early';
import { newer } from './legacy-cards';
import { KartuDB } from './schema';
import { computeStats } from './stats';
import {
	answerNextIfAny,
	expectKeptFiguresRight,
	seed,
	T0,
	testSettings as settings,
	userArticle
} from './test-support';
import { addArticle, studyNext } from './articles';
import { ensureDecks } from './decks';
import { Rating } from '../srs';
import type { StoredCard, StoredReview } from './rows';
import { readFixture } from './fixtures/fixture';

const fixture = readFixture;

/** Writes `rows` (store → rows) into a new database of the old schema `stores` at `version`, closed. */
async function oldDatabase(
	version: number,
	stores: Record<string, string>,
	rows: Record<string, unknown[]>
): Promise<string> {
	const name = `v${version}-${++n}`;
	const old = new Dexie(name);
	old.version(version).stores(stores);
	for (const [store, list] of Object.entries(rows)) await old.table(store).bulkAdd(list);
	old.close();
	return name;
}

const TABLES = [
	'answerHours',
	'articleCounts',
	'articleDue',
	'articleReadable',
	'articles',
	'cards',
	'changes',
	'counts',
	'firsts',
	'headwords',
	'journal',
	'library',
	'meanings',
	'reviews',
	'settings',
	'snapshotData',
	'snapshots',
	'statdays',
	'words'
];

/** The counts row agrees with the cards, and the early script reads what Dexie reads. */
async function expectCountsAgree(db: KartuDB, at: Date) {
	const cards = await db.cards.toArray();
	const tally: Record<number, number> = {};
	for (const c of cards) tally[c.queue] = (tally[c.queue] ?? 0) + 1;
	expect((await db.counts.get('queues'))?.n).toEqual(tally);
	// And each article's, a card counted under each of its articles.
	const byArticle: Record<string, Record<number, number>> = {};
	for (const c of cards)
		for (const a of c.articles) (byArticle[a] ??= {})[c.queue] = (byArticle[a][c.queue] ?? 0) + 1;
	const rows = await db.articleCounts.toArray();
	expect(Object.fromEntries(rows.map((r) => [r.article, r.n]))).toEqual(byArticle);
	await db.settings.put({ key: 'content-version', value: 'build' });
	const home = await homeCounts(db, at);
	expect(await readHomeCounts(db.backendDB(), at, 'build')).toEqual(home);
	expect((await readQueue(db.backendDB(), at, 'build'))!.loaded).toEqual(
		await loadQueue(db, at, settings)
	);
	return home;
}

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
		const v1 = fixture('v1-database.json');
		const name = await oldDatabase(
			1,
			{
				cards: 'id, article, sibling, [queue+fsrs.due], [queue+position]',
				reviews: 'id, cardId, time',
				settings: 'key'
			},
			{ cards: v1.cards, reviews: v1.reviews, settings: v1.settings }
		);
		const db = new KartuDB(name);
		opened.push(db);
		const cards = await db.cards.toArray();
		// One article: every card stays a card of its own, under its new id.
		expect(cards).toHaveLength(v1.cards.length);
		expect(await db.reviews.count()).toBe(v1.reviews.length);
		expect(db.verno).toBe(10);
		expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
		for (const c of v1.cards) {
			const now = cards.find((x) => x.id === cardIdFromV1(c.id))!;
			const { article, content, ...rest } = c;
			const { contexts, ...sameContent } = now.content;
			expect(now).toMatchObject({
				...rest,
				id: now.id,
				articles: [article],
				sibling: c.content.headword
			});
			expect(sameContent).toEqual({ ...content, id: now.id });
			if (c.content.kind === 'cloze') expect(contexts).toHaveLength(1);
		}
		// The upgrades counted the cards of each queue once.
		const tally: Record<number, number> = {};
		for (const c of cards) tally[c.queue] = (tally[c.queue] ?? 0) + 1;
		expect((await db.counts.get('queues'))?.n).toEqual(tally);
		// And filed the answers of the last days before the newest by hour, under the new ids.
		const reviews = await db.reviews.orderBy('time').toArray();
		const from = (Math.floor(reviews.at(-1)!.time.getTime() / 3_600_000) - 72) * 3_600_000;
		const recent = reviews.filter((r) => r.time.getTime() >= from);
		expect(recent.length).toBeGreaterThan(0);
		const filed = (await db.answerHours.toArray()).flatMap((h) => h.a);
		expect(filed.map((e) => e[0]).sort()).toEqual(recent.map((r) => r.id).sort());
		for (const [id, cardId] of filed) expect(cardId).toBe(recent.find((r) => r.id === id)!.cardId);
		// The indexes work on the old data.
		expect(await db.cards.where('content.headword').equals('menekankan').count()).toBe(3);
		expect(await db.cards.where('articles').equals('azerbaijan-iran').count()).toBe(cards.length);
		expect(await db.words.count()).toBe(0);
		const { queue } = await loadQueue(db, new Date('2026-03-02T10:00:00Z'), settings);
		expect(queue.learning.length + queue.review.length + queue.fresh.length).toBeGreaterThan(0);
		// The history from before the upgrade is summed into the statistics on the first visit.
		const stats = await computeStats(db, new Date('2026-03-02T10:00:00Z'), settings);
		expect(stats.perDay.reduce((a, d) => a + d.reviews, 0)).toBe(
			v1.reviews.filter((r: { practice?: boolean }) => !r.practice).length
		);
	});

	describe('a database written by schema version 5, with two articles sharing headwords', () => {
		const v5 = fixture('v5-database.json');
		const oldCards = v5.cards as (Omit<StoredCard, 'articles'> & { article: string })[];
		const oldReviews = v5.reviews as StoredReview[];
		let db: KartuDB;
		beforeEach(async () => {
			const name = await oldDatabase(
				5,
				{
					cards:
						'id, article, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
					reviews: 'id, cardId, time',
					settings: 'key',
					words: 'headword',
					snapshots: 'id',
					snapshotData: 'id',
					statdays: 'day',
					firsts: 'key',
					counts: 'key',
					answerHours: 'h'
				},
				{
					cards: oldCards,
					reviews: oldReviews,
					// As if a snapshot had been taken: its chain of review chunks holds the old card ids.
					settings: [
						...v5.settings,
						{ key: 'snapshot-chain', value: { lastId: 'x', count: 1, chunks: [] } }
					],
					words: v5.words,
					statdays: v5.statdays,
					firsts: v5.firsts,
					counts: v5.counts,
					answerHours: v5.answerHours
				}
			);
			db = new KartuDB(name);
			opened.push(db);
			await db.open();
		});

		it('gives each headword one card of each kind, with the state of the one most studied', async () => {
			expect(db.verno).toBe(10);
			expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
			const cards = await db.cards.toArray();
			const groups = new Map<string, typeof oldCards>();
			for (const c of oldCards)
				groups.set(cardIdFromV1(c.id), [...(groups.get(cardIdFromV1(c.id)) ?? []), c]);
			expect(cards.map((c) => c.id).sort()).toEqual([...groups.keys()].sort());
			expect([...groups.values()].some((g) => g.length > 1)).toBe(true);
			for (const card of cards) {
				const group = groups.get(card.id)!;
				const kept = group.reduce((a, b) => newer(a, b));
				expect(card.fsrs, card.id).toEqual(kept.fsrs);
				expect(card.sibling).toBe(card.content.headword);
				expect(card.id).toBe(`${card.content.headword}/${card.content.kind}`);
				expect(card.articles).toEqual(
					['azerbaijan-iran', 'kunjungan-baku'].filter((a) => group.some((c) => c.article === a))
				);
				expect(card.position).toBe(Math.min(...group.map((c) => c.position)));
				if (card.content.kind === 'cloze')
					expect(card.content.contexts!.map((c) => c.article)).toEqual(card.articles);
			}
			// hubungan was in both articles: one cloze card holding a sentence of each.
			const cloze = cards.find((c) => c.id === 'hubungan/cloze')!;
			expect(cloze.content.contexts!.map((c) => c.sentence)).toEqual(
				oldCards
					.filter((c) => c.content.headword === 'hubungan' && c.content.kind === 'cloze')
					.map((c) => c.content.sentence)
			);
			// The word marked known stays marked, and so do its cards.
			expect(await db.words.toArray()).toEqual(v5.words);
			expect(
				cards.filter((c) => c.content.headword === 'negara').every((c) => c.mark === 'known')
			).toBe(true);
		});

		it('fills the change log of schema 10 with the word marks and settings it holds', async () => {
			const changes = await db.changes.toArray();
			const word = v5.words[0] as { headword: string; mark: string; time: string };
			expect(changes.find((c) => c.key === `w:${word.headword}`)).toMatchObject({
				value: word.mark,
				time: new Date(word.time)
			});
			// Only what differs from the defaults, at the epoch: any change made since holds over it.
			const settings = changes.filter((c) => c.key.startsWith('p:'));
			for (const c of settings) expect(c.time.getTime()).toBe(0);
			expect(changes.every((c) => /^c:[0-9a-z]+-[0-9a-f]{8}$/.test(c.id))).toBe(true);
			expect(changes).toHaveLength(1 + settings.length);
		});

		it('keeps every review, each following its card to its new id', async () => {
			const reviews = await db.reviews.toArray();
			expect(reviews).toHaveLength(oldReviews.length);
			const ids = new Set(await db.cards.toCollection().primaryKeys());
			for (const old of oldReviews) {
				const r = reviews.find((x) => x.id === old.id)!;
				expect(r).toEqual({ ...old, cardId: cardIdFromV1(old.cardId) });
				expect(ids.has(r.cardId)).toBe(true);
			}
			// A card of one article only: its last answer left it in the state it is in.
			const cards = await db.cards.toArray();
			for (const card of cards.filter((c) => c.articles.length === 1 && c.fsrs.reps > 0)) {
				const last = reviews
					.filter((r) => r.cardId === card.id && !r.practice)
					.sort((a, b) => a.time.getTime() - b.time.getTime())
					.at(-1)!;
				expect(last.after, card.id).toEqual(card.fsrs);
			}
		});

		it('keeps the derived stores right: counts, answers by hour, firsts, day rows', async () => {
			const reviews = await db.reviews.toArray();
			const filed = (await db.answerHours.toArray()).flatMap((h) => h.a);
			const before = (v5.answerHours as { a: [string, string][] }[]).flatMap((h) => h.a);
			expect(filed.map((e) => e[0]).sort()).toEqual(before.map((e) => e[0]).sort());
			for (const [id, cardId] of filed)
				expect(cardId).toBe(reviews.find((r) => r.id === id)!.cardId);
			const firsts = await db.firsts.toArray();
			const expected = new Map<string, number>();
			for (const f of v5.firsts as { key: string; time: number }[]) {
				const key = f.key.startsWith('h:') ? `h:${f.key.slice(2).split('/')[1]}` : f.key;
				expected.set(key, Math.min(f.time, expected.get(key) ?? Infinity));
			}
			expect(new Map(firsts.map((f) => [f.key, f.time]))).toEqual(expected);
			expect(await db.statdays.toArray()).toEqual(v5.statdays);
			// The decks are stored afresh at the next sync.
			expect(await db.settings.where('key').startsWith('deck-hash:').count()).toBe(0);
			// The next snapshot starts a chain of its own, with the new ids.
			expect(await db.settings.get('snapshot-chain')).toBeUndefined();
			const home = await expectCountsAgree(db, new Date(2026, 2, 8, 10, 0));
			expect(home.learned).toBeGreaterThan(0);
			// Summed again from the history, the statistics give what the answers kept.
			const stats = await computeStats(db, new Date(2026, 2, 8, 10, 0), settings);
			expect(stats.perDay.reduce((a, d) => a + d.reviews, 0)).toBe(
				oldReviews.filter((r) => !r.practice).length
			);
		});

		it('then takes the bundled deck without a new card for a headword it has, and keeps every state', async () => {
			const before = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
			await syncDecks(db, [seed.deck], new Date(2026, 2, 8, 9, 0));
			const after = await db.cards.toArray();
			// A headword studied from the other article only gets no affix drill from this one.
			const studiedElsewhere = new Set(
				[...before.values()]
					.filter((c) => c.fsrs.reps > 0 && !c.articles.includes('azerbaijan-iran'))
					.map((c) => c.sibling)
			);
			const skipped = seed.deck.cards.filter(
				(c) => !before.has(c.id) && studiedElsewhere.has(c.headword)
			);
			expect(skipped.map((c) => c.id)).toEqual(['penting/drill']);
			expect(after.map((c) => c.id).sort()).toEqual(
				[...new Set([...before.keys(), ...seed.deck.cards.map((c) => c.id)])]
					.filter((id) => !skipped.some((c) => c.id === id))
					.sort()
			);
			for (const c of after.filter((c) => before.has(c.id)))
				expect(c.fsrs, c.id).toEqual(before.get(c.id)!.fsrs);
			const hubungan = after.find((c) => c.id === 'hubungan/cloze')!;
			expect(hubungan.articles).toEqual(['azerbaijan-iran', 'kunjungan-baku']);
			expect(hubungan.content.contexts).toHaveLength(2);
			await expectCountsAgree(db, new Date(2026, 2, 8, 10, 0));
			// The upgrade counted the due buckets and readable tallies of the studied cards.
			await expectKeptFiguresRight(db, [seed.deck], new Date(2026, 2, 8, 10, 0));
			expect((await db.articleReadable.get('azerbaijan-iran'))!.read).toBeGreaterThan(0);
			expect(await db.articleDue.count()).toBeGreaterThan(0);
		});
	});

	describe('a database written by schema version 8, with an added article and a week of answers', () => {
		/** Version 8's stores, as its schema declared them. */
		const V8 = {
			cards:
				'id, *articles, sibling, content.headword, content.root, [queue+fsrs.due], [queue+position]',
			reviews: 'id, cardId, time',
			settings: 'key',
			words: 'headword',
			snapshots: 'id',
			snapshotData: 'id',
			statdays: 'day',
			firsts: 'key',
			counts: 'key',
			answerHours: 'h',
			articles: 'slug, added',
			articleCounts: 'article',
			journal: 'id',
			library: 'slug, &fingerprint',
			meanings: 'headword'
		};
		let db: KartuDB;
		let rows: Record<string, unknown[]>;
		const pasar = userArticle(`Pasar Ikan di Pelabuhan

Pedagang ikan di pelabuhan itu bangun sebelum matahari terbit.
Hubungan antara nelayan dan pedagang sangat erat sejak dulu.
Presiden mengunjungi pasar itu dan berbicara dengan para nelayan.`);
		beforeEach(async () => {
			// The rows of version 8's stores as the app writes them (versions 9 and 10 only add stores).
			const made = new KartuDB(`v8-source-${++n}`);
			opened.push(made);
			await syncDecks(made, [seed.deck], T0);
			await addArticle(made, await pasar, { marks: { ikan: 'known' }, meanings: {} }, T0);
			await studyNext(made, (await pasar).slug, T0);
			for (let day = 0; day < 7; day++)
				for (let i = 0; i < 12; i++)
					await answerNextIfAny(
						made,
						new Date(T0.getTime() + day * 86_400_000 + i * 60_000),
						i % 4 ? Rating.Good : Rating.Again
					);
			await made.settings.put({ key: 'content-version', value: 'build' });
			rows = Object.fromEntries(
				await Promise.all(Object.keys(V8).map(async (t) => [t, await made.table(t).toArray()]))
			);
			const name = await oldDatabase(8, V8, rows);
			db = new KartuDB(name);
			opened.push(db);
			await db.open();
		});

		it('counts each article’s due buckets and readable share, and has the bundled decks stored again', async () => {
			expect(db.verno).toBe(10);
			expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
			const slug = (await pasar).slug;
			// Nothing lost but the two settings rows that make the next start store the bundled deck again.
			for (const t of Object.keys(V8))
				expect(await db.table(t).count(), t).toBe(rows[t].length - (t === 'settings' ? 2 : 0));
			const cards = await db.cards.toArray();
			expect(cards.filter((c) => c.fsrs.state === 2).length).toBeGreaterThan(0);
			// The added article's share is counted now; the bundled one's once its deck is stored again,
			// which the next start does: the content version and the bundled deck's hash are forgotten.
			expect(await db.articleReadable.get(slug)).toMatchObject({ article: slug });
			expect(await db.articleReadable.get('azerbaijan-iran')).toBeUndefined();
			expect(await db.settings.get('content-version')).toBeUndefined();
			expect(await db.settings.get('deck-hash:azerbaijan-iran')).toBeUndefined();
			expect(await db.settings.get(`deck-hash:${slug}`)).toBeDefined();
			const at = new Date(T0.getTime() + 7 * 86_400_000);
			await ensureDecks(db, 'build', async () => [seed.deck], at);
			await expectKeptFiguresRight(db, [seed.deck], at);
			expect((await db.articleReadable.get(slug))!.read).toBeGreaterThan(0);
		});
	});
});
