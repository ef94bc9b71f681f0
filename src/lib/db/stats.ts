// Statistics straight from the database: one ordered pass over the reviews, index counts for cards.

import Dexie from 'dexie';
import { studyDay } from '../srs/queue';
import { forecast, retentionByMonth, ReviewStats, studyDays, type DayCount, type RetentionPoint } from '../srs/stats';
import type { SchedulerSettings } from '../srs/settings';
import { QUEUE, type KartuDB, type StatDay } from './schema';

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

const CACHE = 'stats-cache';

interface CacheMeta {
	/** The "next day starts at" hour the cached days were cut with. */
	hour: number;
	/** End of the last cached (finished) study day, ms; reviews from here on are read again. */
	until: number;
	/** Headwords and roots already in review by `until`. */
	headwords: string[];
	roots: string[];
}

/** Forgets the statistics cache: after an import, a restore, or undoing an answer of a past day. */
export async function clearStatsCache(db: KartuDB): Promise<void> {
	await db.transaction('rw', db.statdays, db.settings, async () => {
		await db.statdays.clear();
		await db.settings.delete(CACHE);
	});
}

/**
 * Everything the statistics page shows. Finished study days are summed once and kept in
 * `statdays`; each visit reads only the reviews since the last cached day, through the time
 * index, so a long history is never read again nor held in memory. Card counts come from the
 * queue index.
 */
export async function computeStats(db: KartuDB, now: Date, settings: SchedulerSettings): Promise<Stats> {
	const hour = settings.dayStartHour;
	let meta = (await db.settings.get(CACHE))?.value as CacheMeta | undefined;
	if (!meta || meta.hour !== hour) {
		await clearStatsCache(db);
		meta = { hour, until: 0, headwords: [], roots: [] };
	}
	const today = studyDay(now, hour);
	// Dexie collections are changed by first() and limit(): build one for each use.
	const since = () => db.reviews.where('time').aboveOrEqual(new Date(meta.until));
	const first = await since().first();
	const scanFrom = first ? Math.max(meta.until, first.time.getTime()) : today.start;
	const agg = new ReviewStats(new Date(Math.min(scanFrom, today.start)), now, hour);
	await since().each((r) => agg.add(r));

	// Headwords and roots whose first card entered review in the scanned days.
	const seenHeadwords = new Set(meta.headwords);
	const seenRoots = new Set(meta.roots);
	const newHeadwords = new Map<string, number>();
	const newRoots = new Map<string, number>();
	if (agg.firstReview.size) {
		const cards = await db.cards.bulkGet([...agg.firstReview.keys()]);
		for (const c of cards) {
			if (!c) continue;
			const t = agg.firstReview.get(c.id)!;
			const hw = c.sibling;
			if (!seenHeadwords.has(hw) && !(newHeadwords.get(hw)! <= t)) newHeadwords.set(hw, t);
			if (!seenRoots.has(c.content.root) && !(newRoots.get(c.content.root)! <= t)) newRoots.set(c.content.root, t);
		}
	}
	const scanned: StatDay[] = agg.perDay.map((d, i) => {
		const end = i + 1 < agg.days.length ? agg.days[i + 1] : Infinity;
		const within = (m: Map<string, number>) => [...m.values()].filter((t) => t >= d.day && t < end).length;
		const r = agg.retentionByDay[i];
		return {
			day: d.day,
			reviews: d.reviews,
			ms: d.ms,
			young: [r.young.passed, r.young.total],
			mature: [r.mature.passed, r.mature.total],
			headwords: within(newHeadwords),
			roots: within(newRoots)
		};
	});
	// Finished days go into the cache; today is read again next time.
	const finished = scanned.filter((d) => d.day < today.start);
	if (finished.length || meta.until < today.start) {
		const before = (m: Map<string, number>) => [...m].filter(([, t]) => t < today.start).map(([k]) => k);
		const next: CacheMeta = {
			hour,
			until: today.start,
			headwords: [...meta.headwords, ...before(newHeadwords)],
			roots: [...meta.roots, ...before(newRoots)]
		};
		await db.transaction('rw', db.statdays, db.settings, async () => {
			await db.statdays.bulkPut(finished);
			await db.settings.put({ key: CACHE, value: next });
		});
	}
	const byDay = new Map((await db.statdays.toArray()).map((d) => [d.day, d]));
	for (const d of scanned) byDay.set(d.day, d);

	const days = studyDays(new Date(now.getTime() - 364 * 86_400_000), now, hour);
	const zero = (day: number): StatDay => ({ day, reviews: 0, ms: 0, young: [0, 0], mature: [0, 0], headwords: 0, roots: 0 });
	const rows = days.map((day) => byDay.get(day) ?? zero(day));
	const perDay = rows.map((d) => ({ day: d.day, reviews: d.reviews, ms: d.ms }));
	const retentionByDay = rows.map((d) => ({
		start: d.day,
		young: { passed: d.young[0], total: d.young[1] },
		mature: { passed: d.mature[0], total: d.mature[1] }
	}));
	const earlier = [...byDay.values()].filter((d) => d.day < days[0]);
	const running = (key: 'headwords' | 'roots') => {
		let total = earlier.reduce((a, d) => a + d[key], 0);
		return rows.map((d) => (total += d[key]));
	};
	let streak = 0;
	for (let i = perDay.length - 1 - (perDay.at(-1)?.reviews ? 0 : 1); i >= 0 && perDay[i].reviews > 0; i--) streak++;

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

	return {
		perDay,
		streak,
		retentionByDay,
		retentionByMonth: retentionByMonth(retentionByDay),
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
		headwordsInReview: running('headwords'),
		rootsInReview: running('roots')
	};
}
