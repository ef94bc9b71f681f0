// Runs inside the served site's page (bundled by bench/page.ts with esbuild, added as a script tag):
// seeds IndexedDB with a synthetic collection through Kartu's own storage code, and times the
// baselines measured in the same page (bare IndexedDB transactions, one transaction per card).

import { State, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import { syncDecks } from '../src/lib/db/decks';
import { rebuildStats } from '../src/lib/db/stats';
import { KartuDB, queueOf } from '../src/lib/db/schema';
import { QUEUE } from '../src/lib/db/queues';
import { type StoredCard, type StoredReview } from '../src/lib/db/rows';
import { cardId, type Deck, type DeckCard } from '../src/lib/cards';
import { newCard, Scheduler, studyDay } from '../src/lib/srs';
import { DEFAULT_SETTINGS } from '../src/lib/srs/settings';

const DAY = 86_400_000;
const HOUR = 3_600_000;

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

export interface SeedResult {
	cards: number;
	reviews: number;
	/** Cards written by syncDecks (a transaction per article), records per second. */
	cardsPerSecond: number;
	/** Time to sum the review history into the statistics once (as after an import). */
	statsSumMs: number;
	seedMs: number;
	/** What the year left: cards per FSRS state, reviews per grade, difficulty and stability deciles. */
	spread: {
		states: Record<string, number>;
		grades: Record<number, number>;
		difficulty: number[];
		stability: number[];
	};
}

/** The deciles (10th, 20th … 90th percentile) of `xs`, rounded to one decimal. */
function deciles(xs: number[]): number[] {
	const s = [...xs].sort((a, b) => a - b);
	return [1, 2, 3, 4, 5, 6, 7, 8, 9].map(
		(d) => Math.round(s[Math.floor((d / 10) * (s.length - 1))] * 10) / 10
	);
}

/**
 * A year of study as a learner does it: one session a day (some days missed) at a random hour, in
 * which the cards due are answered; new cards are first studied in position order over the year
 * until 70% of them have been; every answer goes through FSRS (the app's own scheduler and default
 * settings) with grades drawn as learners give them: on a review, Again with the probability of
 * having forgotten (1 - retrievability), else mostly Good; while learning, Again 15%, Hard 10%,
 * Good 70%, Easy 5%. A step that falls after the day's session waits for the next one, so learning
 * and relearning cards are left over from yesterday. Nothing is answered today: today's queue is
 * whole. Then 3% of the studied cards are suspended and 2% marked known.
 */
class Year {
	readonly #random: () => number;
	readonly #sessions: { start: number; end: number }[] = [];
	readonly end: number;

	constructor(now: Date, random: () => number, dayStartHour = 4) {
		this.#random = random;
		const today = studyDay(now, dayStartHour).start;
		this.end = today;
		for (let d = 365; d >= 1; d--) {
			if (random() < 0.08) continue; // a day without study
			const day = today - d * DAY;
			const start = day + (3 + random() * 15) * HOUR;
			this.#sessions.push({ start, end: start + (20 + random() * 40) * 60_000 });
		}
	}

	get sessions(): readonly { start: number; end: number }[] {
		return this.#sessions;
	}

	/** When the learner answers a card due at `due`: at once within a session, else during the next one; undefined: not this year. */
	answerAt(due: number): number | undefined {
		const s = this.#sessions;
		let lo = 0;
		let hi = s.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (s[mid].end <= due) lo = mid + 1;
			else hi = mid;
		}
		const session = s[lo];
		if (!session) return undefined;
		if (due >= session.start) return due + this.#random() * 30_000;
		return session.start + this.#random() * (session.end - session.start);
	}
}

/** A grade as a learner gives it to `card` at `t`. */
function drawGrade(card: FsrsCard, t: Date, scheduler: Scheduler, random: () => number): Grade {
	const r = random();
	if (card.state === State.Review) {
		if (random() > scheduler.retrievability(card, t)) return 1;
		return r < 0.08 ? 2 : r < 0.93 ? 3 : 4;
	}
	return r < 0.15 ? 1 : r < 0.25 ? 2 : r < 0.95 ? 3 : 4;
}

/**
 * Seeds `n` cards as a year of study leaves them (see `Year`): each studied card's history is
 * simulated answer by answer through FSRS, its review rows written as the app writes them (the
 * states before and after), then the statistics are summed once.
 */
async function seedCollection(n: number, nowMs: number): Promise<SeedResult> {
	const t0 = performance.now();
	const db = new KartuDB();
	const template = await templateDeck();
	const now = new Date(nowMs);
	const decks = syntheticDecks(template, n, 'bench');
	const random = rng(n);
	const scheduler = new Scheduler(DEFAULT_SETTINGS);
	const year = new Year(now, random, DEFAULT_SETTINGS.dayStartHour);
	const sessions = year.sessions;
	const studied = Math.round(n * 0.7);
	const states: Record<string, number> = {};
	const grades: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
	const difficulty: number[] = [];
	const stability: number[] = [];
	let written = 0;
	let serial = 0;
	let syncMs = 0;
	// New cards come in position order: article by article, each in its deck's order of first appearance.
	const KIND = { vocab: 0, cloze: 1, drill: 2 };
	let index = 0;
	// Article by article, as a learner adds them, and in transactions of the size the app writes
	// (a deck, a few hundred rows): one transaction over the whole collection would leave IndexedDB's
	// storage (LevelDB) in a state no year of use leaves it in — every card written as new and moved
	// out of the new queue within minutes, millions of undo-log entries — and that state, not the
	// app, would then weigh on every cold start.
	for (const deck of decks) {
		const ts = performance.now();
		await syncDecks(db, [deck], now);
		syncMs += performance.now() - ts;
		const ids = [...deck.cards]
			.sort((a, b) => a.position * 3 + KIND[a.kind] - (b.position * 3 + KIND[b.kind]))
			.map((c) => c.id);
		const page = await db.cards.bulkGet(ids);
		const cards: StoredCard[] = [];
		const rows: StoredReview[] = [];
		for (const c of page) {
			const i = index++;
			if (!c || i >= studied) continue;
			// First studied in position order over the year, in that day's session.
			const session = sessions[Math.floor((i / studied) * sessions.length)];
			let t: number | undefined = session.start + random() * 0.6 * (session.end - session.start);
			let fsrs = newCard(new Date(t));
			while (t !== undefined && t < year.end) {
				const at = new Date(Math.round(t));
				const grade = drawGrade(fsrs, at, scheduler, random);
				const after = scheduler.answer(fsrs, grade, at);
				rows.push({
					id: `${at.getTime().toString(36)}-${(serial++).toString(36).padStart(8, '0')}`,
					cardId: c.id,
					grade,
					time: at,
					ms: 2000 + Math.floor(random() * 12_000),
					before: fsrs,
					after
				});
				grades[grade]++;
				fsrs = after;
				t = year.answerAt(fsrs.due.getTime());
			}
			const card: StoredCard = { ...c, fsrs };
			const x = random();
			if (x < 0.03) card.suspended = true;
			else if (x < 0.05) card.mark = 'known';
			card.queue = queueOf(card);
			cards.push(card);
			states[State[fsrs.state]] = (states[State[fsrs.state]] ?? 0) + 1;
			difficulty.push(fsrs.difficulty);
			stability.push(fsrs.stability);
		}
		if (cards.length) await db.cards.bulkPut(cards);
		for (let r = 0; r < rows.length; r += 500) await db.reviews.bulkAdd(rows.slice(r, r + 500));
		written += rows.length;
	}
	states.New = n - Math.min(n, studied);
	const tStats = performance.now();
	await rebuildStats(db, DEFAULT_SETTINGS.dayStartHour, now);
	const statsSumMs = performance.now() - tStats;
	db.close();
	return {
		cards: n,
		reviews: written,
		cardsPerSecond: n / (syncMs / 1000),
		statsSumMs,
		seedMs: performance.now() - t0,
		spread: { states, grades, difficulty: deciles(difficulty), stability: deciles(stability) }
	};
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
