// Runs inside the served site's page (bundled by bench/optimiser.ts with esbuild, added as a script
// tag): seeds IndexedDB with a simulated learner's history of exactly `reviews` answers, through
// Kartu's own database class, for the optimiser's timing in Chromium, and, for the rescheduling's,
// parameters of the learner's own in use (a change of parameters, as applying a fit leaves).

import { KartuDB, queueOf } from '../src/lib/db/schema';
import { saveSettings } from '../src/lib/db/settings';
import { DEFAULT_SETTINGS } from '../src/lib/srs';
import type { StoredCard, StoredReview } from '../src/lib/db/rows';
import { drawParameters, seeded, simulateLearner } from '../src/lib/srs/simulate';
import type { DeckCard } from '../src/lib/cards';

const PAGE = 20_000;

export interface SeedOptions {
	cards: number;
	days: number;
	newPerDay: number;
	/** Put the learner's own parameters in use, as applying a fit does. */
	ownParameters?: boolean;
}

/**
 * Seeds a learner who studied `cards` cards over `days` days (by default 8,000 over 900 days, 12
 * new ones a day), missing one day in ten; keeps their first `reviews` answers, and each card as
 * its last kept answer left it.
 */
async function seedHistory(
	reviews: number,
	nowMs: number,
	o: SeedOptions = { cards: 8000, days: 900, newPerDay: 12 }
): Promise<{ reviews: number; cards: number; ms: number }> {
	const t0 = performance.now();
	const start = new Date(nowMs - (o.days + 1) * 86_400_000);
	const weights = drawParameters(seeded(100));
	const answers = simulateLearner({
		seed: 100,
		weights,
		cards: o.cards,
		days: o.days,
		newPerDay: o.newPerDay,
		skipDay: 0.1,
		start
	}).slice(0, reviews);
	const rows: StoredReview[] = answers.map((a, i) => ({
		id: `${a.time.getTime().toString(36)}-${i.toString(36).padStart(6, '0')}`,
		cardId: a.cardId,
		grade: a.grade,
		time: a.time,
		ms: 6000,
		before: a.before,
		after: a.after
	}));
	const last = new Map(answers.map((a) => [a.cardId, a.after]));
	const cards: StoredCard[] = [...last].map(([id, fsrs], i) => {
		const card: StoredCard = {
			id,
			articles: ['optimiser-bench'],
			sibling: id.split('/')[0],
			position: i,
			content: { kind: 'vocab', headword: id } as unknown as DeckCard,
			fsrs,
			suspended: false,
			retired: false,
			queue: 0
		};
		card.queue = queueOf(card);
		return card;
	});
	const db = new KartuDB();
	for (let i = 0; i < cards.length; i += PAGE) await db.cards.bulkPut(cards.slice(i, i + PAGE));
	for (let i = 0; i < rows.length; i += PAGE) await db.reviews.bulkAdd(rows.slice(i, i + PAGE));
	if (o.ownParameters)
		await saveSettings(db, { ...DEFAULT_SETTINGS, weights }, { source: 'optimiser' });
	db.close();
	return { reviews: rows.length, cards: cards.length, ms: performance.now() - t0 };
}

(window as unknown as { kartuOptimiserBench: unknown }).kartuOptimiserBench = { seedHistory };
