// Runs inside the served site's page (bundled by bench/scale.ts with esbuild, added as a script tag):
// seeds IndexedDB with a synthetic collection through Kartu's own storage code, and times the
// baselines measured in the same page (bare IndexedDB transactions, one transaction per card).

import { State } from 'ts-fsrs';
import { syncDecks } from '../src/lib/db/decks';
import { rebuildStats } from '../src/lib/db/stats';
import { KartuDB, queueOf } from '../src/lib/db/schema';
import { QUEUE } from '../src/lib/db/queues';
import { type StoredCard, type StoredReview } from '../src/lib/db/rows';
import { cardId, type Deck, type DeckCard } from '../src/lib/cards';
import type { Card as FsrsCard } from 'ts-fsrs';

const DAY = 86_400_000;

/** A small deterministic random generator (mulberry32), so every run seeds the same collection. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function templateDeck(): Promise<Deck> {
	const r = await fetch(new URL('decks.json', document.baseURI));
	return ((await r.json()) as { decks: Deck[] }).decks[0];
}

/** `n` cards as decks of synthetic articles, each a copy of the real article's deck under a new slug. */
function syntheticDecks(template: Deck, n: number, prefix: string): Deck[] {
	const decks: Deck[] = [];
	for (let a = 0; decks.reduce((s, d) => s + d.cards.length, 0) < n; a++) {
		const slug = `${prefix}-${a}`;
		const left = n - decks.reduce((s, d) => s + d.cards.length, 0);
		// Each copy's headwords are its own (a headword in several articles is one set of cards).
		const cards: DeckCard[] = template.cards.slice(0, left).map((c) => {
			const headword = `${c.headword}~${a}`;
			return { ...c, id: cardId(headword, c.kind), headword, article: slug };
		});
		decks.push({
			...template,
			article: { ...template.article, slug, title: `${template.article.title} (${a})` },
			cards
		});
	}
	return decks;
}

function fsrsState(
	state: State,
	due: number,
	stability: number,
	last: number,
	reps: number
): FsrsCard {
	return {
		due: new Date(due),
		stability,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: Math.round(stability),
		learning_steps: 0,
		reps,
		lapses: state === State.Relearning ? 1 : 0,
		state,
		last_review: new Date(last)
	};
}

export interface SeedResult {
	cards: number;
	reviews: number;
	/** Cards written by syncDecks (one transaction over all decks), records per second. */
	cardsPerSecond: number;
	/** Time to sum the review history into the statistics once (as after an import). */
	statsSumMs: number;
	seedMs: number;
}

/**
 * Seeds `n` cards (FSRS states spread over new, learning, review, relearning, suspended and known,
 * due dates over the past and the future) and `reviews` review rows over the last two years, then
 * sums the statistics once.
 */
async function seedCollection(n: number, reviews: number, nowMs: number): Promise<SeedResult> {
	const t0 = performance.now();
	const db = new KartuDB();
	const template = await templateDeck();
	const now = new Date(nowMs);
	const decks = syntheticDecks(template, n, 'bench');
	const ts = performance.now();
	await syncDecks(db, decks, now);
	const cardsPerSecond = n / ((performance.now() - ts) / 1000);

	// Give the cards a history: states and due dates as a learner who studies most days would have
	// (30% new, 0.1% learning and 0.05% relearning — about 150 at 100,000 cards, a heavy day's worth —, the rest in review with stabilities from 2 to 400
	// days, due from half a day ago on; 3% of studied cards suspended, 2% marked known).
	const random = rng(n);
	const studied: StoredCard[] = [];
	const PAGE = 10_000;
	for (let offset = 0; offset < n; offset += PAGE) {
		const page = await db.cards
			.where('articles')
			.startsWith('bench-')
			.offset(offset)
			.limit(PAGE)
			.toArray();
		const changed: StoredCard[] = [];
		for (const c of page) {
			const x = random();
			if (x < 0.3) continue; // new
			let fsrs: FsrsCard;
			if (x < 0.301)
				fsrs = fsrsState(
					State.Learning,
					nowMs + (random() - 0.5) * 3_600_000,
					1,
					nowMs - 600_000,
					1
				);
			else if (x < 0.3015)
				fsrs = fsrsState(
					State.Relearning,
					nowMs + (random() - 0.5) * 3_600_000,
					2,
					nowMs - 600_000,
					8
				);
			else {
				const stability = Math.exp(Math.log(2) + random() * Math.log(200));
				const due = nowMs + (-0.5 + random() * (stability + 0.5)) * DAY;
				fsrs = fsrsState(
					State.Review,
					due,
					stability,
					due - stability * DAY,
					3 + Math.floor(random() * 10)
				);
			}
			const card: StoredCard = { ...c, fsrs };
			if (x > 0.97) card.suspended = true;
			else if (x > 0.95) card.mark = 'known';
			card.queue = queueOf(card);
			changed.push(card);
			studied.push(card);
		}
		await db.cards.bulkPut(changed);
	}

	// The review history: `reviews` rows over two years, oldest first, each of a studied card.
	let written = 0;
	const span = 730 * DAY;
	for (let start = 0; start < reviews; start += 20_000) {
		const rows: StoredReview[] = [];
		for (let i = start; i < Math.min(reviews, start + 20_000); i++) {
			const card = studied[Math.floor(random() * studied.length)];
			const t = nowMs - span + Math.floor((i / reviews) * span);
			const young = random() < 0.5;
			const before = fsrsState(State.Review, t, young ? 5 : 40, t - (young ? 5 : 40) * DAY, 4);
			const grade = (random() < 0.1 ? 1 : 3) as StoredReview['grade'];
			const after = fsrsState(
				grade === 1 ? State.Relearning : State.Review,
				t + DAY,
				young ? 8 : 60,
				t,
				5
			);
			rows.push({
				id: `${t.toString(36)}-${i.toString(36).padStart(6, '0')}`,
				cardId: card.id,
				grade,
				time: new Date(t),
				ms: 3000 + Math.floor(random() * 9000),
				before,
				after
			});
		}
		await db.reviews.bulkAdd(rows);
		written += rows.length;
	}
	const tStats = performance.now();
	await rebuildStats(db, 4, now);
	const statsSumMs = performance.now() - tStats;
	db.close();
	return { cards: n, reviews: written, cardsPerSecond, statsSumMs, seedMs: performance.now() - t0 };
}

/** Baseline: `n` bare IndexedDB read-write transactions, each one put and one get; their times in ms. */
async function bareTransactions(n: number): Promise<number[]> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open('kartu');
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('settings', 'readwrite');
			const store = tx.objectStore('settings');
			store.put({ key: 'bench-bare', value: { i, at: new Date() } });
			store.get('bench-bare');
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		times.push(performance.now() - t);
	}
	await new Promise<void>((resolve) => {
		const tx = db.transaction('settings', 'readwrite');
		tx.objectStore('settings').delete('bench-bare');
		tx.oncomplete = () => resolve();
	});
	db.close();
	return times;
}

/**
 * Batch loading against one transaction per card, in a scratch database: the same `n` cards
 * written by syncDecks (one transaction) and by `put` each in its own transaction. Records per second.
 */
async function batchVersusOneByOne(n: number): Promise<{ batch: number; oneByOne: number }> {
	const template = await templateDeck();
	const now = new Date();
	const scratch = new KartuDB('kartu-bench-scratch');
	try {
		let t = performance.now();
		await syncDecks(scratch, syntheticDecks(template, n, 'batch'), now);
		const batch = n / ((performance.now() - t) / 1000);
		const rows = (await scratch.cards.toArray()).map((c) => ({
			...c,
			id: `single-${c.id}`,
			articles: c.articles.map((a) => a.replace('batch-', 'single-'))
		}));
		t = performance.now();
		for (const row of rows) await scratch.cards.put(row);
		const oneByOne = n / ((performance.now() - t) / 1000);
		return { batch, oneByOne };
	} finally {
		scratch.close();
		await scratch.delete();
	}
}

/** How many cards are in each queue (to check the seeded spread). */
async function queueSpread(): Promise<Record<string, number>> {
	const db = new KartuDB();
	const out: Record<string, number> = {};
	for (const [name, q] of Object.entries(QUEUE))
		out[name] = await db.cards
			.where('[queue+fsrs.due]')
			.between([q, new Date(0)], [q, new Date(8.64e15)])
			.count();
	db.close();
	return out;
}

(globalThis as unknown as { kartuBench: unknown }).kartuBench = {
	seedCollection,
	bareTransactions,
	batchVersusOneByOne,
	queueSpread
};
