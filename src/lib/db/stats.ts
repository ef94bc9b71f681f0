// Statistics straight from the database: one ordered pass over the reviews, index counts for cards.

import Dexie from 'dexie';
import { cumulative, forecast, ReviewStats, type DayCount, type RetentionPoint } from '../srs/stats';
import type { SchedulerSettings } from '../srs/settings';
import { QUEUE, type KartuDB } from './schema';

export interface Stats {
	/** Reviews per study day over the last year, oldest first (the last 30 are the last month). */
	perDay: DayCount[];
	streak: number;
	retentionByDay: RetentionPoint[];
	retentionByMonth: RetentionPoint[];
	desiredRetention: number;
	/** Cards due on each of the next 30 days, today (with overdue) first. */
	forecast: number[];
	/** Cards per state. */
	states: { label: string; count: number }[];
	/** Headwords and roots with a card in review, at the end of each day of the last year. */
	headwordsInReview: number[];
	rootsInReview: number[];
}

/**
 * Everything the statistics page shows. Reviews are streamed in time order (never all in memory);
 * card counts come from the queue index.
 */
export async function computeStats(db: KartuDB, now: Date, settings: SchedulerSettings): Promise<Stats> {
	const from = new Date(now.getTime() - 364 * 86_400_000);
	const agg = new ReviewStats(from, now, settings.dayStartHour);
	await db.reviews.orderBy('time').each((r) => agg.add(r));

	const count = (q: number) => db.cards.where('[queue+fsrs.due]').between([q, Dexie.minKey], [q, Dexie.maxKey]).count();
	const [fresh, learning, review, relearning, suspended, known, ignored] = await Promise.all(
		[QUEUE.new, QUEUE.learning, QUEUE.review, QUEUE.relearning, QUEUE.suspended, QUEUE.known, QUEUE.ignored].map(count)
	);
	const horizon = new Date(now.getTime() + 31 * 86_400_000);
	const dueKeys = (
		await Promise.all(
			[QUEUE.learning, QUEUE.review, QUEUE.relearning].map((q) =>
				db.cards.where('[queue+fsrs.due]').between([q, Dexie.minKey], [q, horizon]).keys()
			)
		)
	).flat() as unknown as [number, Date][];

	// Headwords and roots in review over time: the first day each card entered review.
	const firstHeadword = new Map<string, number>();
	const firstRoot = new Map<string, number>();
	if (agg.firstReview.size) {
		const cards = await db.cards.bulkGet([...agg.firstReview.keys()]);
		for (const c of cards) {
			if (!c) continue;
			const t = agg.firstReview.get(c.id)!;
			const hw = `${c.article}/${c.content.headword}`;
			if (!(firstHeadword.get(hw)! <= t)) firstHeadword.set(hw, t);
			if (!(firstRoot.get(c.content.root)! <= t)) firstRoot.set(c.content.root, t);
		}
	}
	return {
		perDay: agg.perDay,
		streak: agg.streak(),
		retentionByDay: agg.retentionByDay,
		retentionByMonth: agg.retentionByMonth(),
		desiredRetention: settings.desiredRetention,
		forecast: forecast(
			dueKeys.map((k) => k[1]),
			now,
			settings.dayStartHour
		),
		states: [
			{ label: 'New', count: fresh },
			{ label: 'Learning', count: learning },
			{ label: 'Review', count: review },
			{ label: 'Relearning', count: relearning },
			{ label: 'Suspended', count: suspended },
			{ label: 'Known', count: known },
			{ label: 'Ignored', count: ignored }
		],
		headwordsInReview: cumulative([...firstHeadword.values()], agg.days),
		rootsInReview: cumulative([...firstRoot.values()], agg.days)
	};
}
