// npm run bench:stats — statistics over 100,000 review rows: the one-pass aggregation that a first
// visit runs over the history (later visits read cached days). The database part is not timed here:
// fake-indexeddb's cursors re-search their tree at every step, so Node says nothing of a browser's
// IndexedDB; the browser benchmark of issue 6 measures the page itself.

import type { StoredCard, StoredReview } from '../src/lib/db/rows';
import { ReviewStats } from '../src/lib/srs';

const N = Number(process.env.REVIEWS ?? 100_000);
const CARDS = 10_000;
const now = new Date(2026, 10, 27, 12);
const day = 86_400_000;

// A seeded generator, so every run measures the same history.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const fsrs = (state: number, due: Date, scheduled: number) => ({
	due,
	stability: 5,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days: scheduled,
	learning_steps: 0,
	reps: 3,
	lapses: 0,
	state,
	last_review: new Date(due.getTime() - scheduled * day)
});
const cards: StoredCard[] = Array.from({ length: CARDS }, (_, i) => {
	const state = i % 10 === 0 ? 0 : i % 7 === 0 ? 1 : 2;
	const due = new Date(now.getTime() + (rand() * 60 - 10) * day);
	return {
		id: `w${i}/vocab`,
		articles: ['a'],
		sibling: `w${i}`,
		position: i,
		content: { headword: `w${i}`, root: `r${i % 3000}`, kind: 'vocab' } as StoredCard['content'],
		fsrs: fsrs(state, due, 10) as StoredCard['fsrs'],
		suspended: false,
		retired: false,
		queue: state
	};
});
const reviews: StoredReview[] = Array.from({ length: N }, (_, i) => {
	const time = new Date(now.getTime() - 730 * day + (i / N) * 730 * day);
	const scheduled = Math.floor(rand() * 60);
	return {
		id: `r${i}`,
		cardId: cards[Math.floor(rand() * CARDS)].id,
		grade: (rand() < 0.1 ? 1 : 3) as 1 | 3,
		time,
		ms: 4000 + Math.floor(rand() * 6000),
		before: fsrs(2, time, scheduled) as StoredReview['before'],
		after: fsrs(2, new Date(time.getTime() + scheduled * day), scheduled) as StoredReview['after']
	};
});

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f: () => unknown | Promise<unknown>, runs = 5) => {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		await f();
		t.push(performance.now() - s);
	}
	return median(t);
};

const pure = await time(() => {
	const s = new ReviewStats(new Date(now.getTime() - 364 * day), now, 4);
	for (const r of reviews) s.add(r);
	return s.streak();
});
// The baseline in the same run: merely walking the same rows.
const walk = await time(() => {
	let x = 0;
	for (const r of reviews) x += r.ms;
	return x;
});

console.log(
	`| ${N.toLocaleString('en')} reviews, ${CARDS.toLocaleString('en')} cards | median ms |`
);
console.log('| --- | --- |');
console.log(`| aggregation, one pass in memory | ${pure.toFixed(1)} |`);
console.log(`| baseline: walking the same rows | ${walk.toFixed(1)} |`);
