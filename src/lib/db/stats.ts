// Statistics kept up to date by every answer (a row per study day), summed again from the history only
// after an import or an upgrade; card counts come from the queue index.

import Dexie from 'dexie';
import {
	studyDay,
	CardState as State,
	passed,
	retentionBucket,
	retentionByMonth,
	ReviewStats,
	studyDays,
	type DayCount,
	type RetentionPoint,
	type SchedulerSettings
} from '../srs';
import { QUEUE } from './queues';
import { type KartuDB } from './schema';
import { type StatDay, type StoredCard, type StoredReview } from './rows';
import { cardsPerQueue } from './cards';
import { inQueue } from './queues';
import { INDEX, SETTING } from './names';
import { loadParameterHistory, type ParameterChange } from './settings';

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
	/** When the FSRS parameters changed, and how (settings.ts `ParameterChange`), oldest first. */
	parameterChanges: Pick<ParameterChange, 'time' | 'source'>[];
}

/** Reviews read per transaction when the statistics are summed again from the history. */
const PAGE = 20_000;

/** Whether the day rows and firsts describe the whole history, and with which "next day starts at" hour. */
interface StatsState {
	hour: number;
	dirty: boolean;
	/** Answers undone while the history was being summed: the summing starts again. */
	undone?: number;
}

type StatsTx = Pick<KartuDB, 'cards' | 'reviews' | 'settings' | 'statdays' | 'firsts'>;

const zero = (day: number): StatDay => ({
	day,
	reviews: 0,
	ms: 0,
	young: [0, 0],
	mature: [0, 0],
	headwords: 0,
	roots: 0
});

/**
 * Counts one answer into the statistics (`sign` 1), or takes it back (-1, after its review row was
 * deleted), inside the caller's read-write transaction over cards, reviews, settings, statdays and
 * firsts. Touches one or two day rows; only when a card enters review for the first time does it
 * look at the other cards of its headword and root. While the history is being summed again
 * (after an import or an upgrade), it does nothing: that summing includes the answer.
 */
export async function countAnswer(
	db: StatsTx,
	review: StoredReview,
	card: StoredCard,
	hour: number,
	sign: 1 | -1
): Promise<void> {
	const day = studyDay(review.time, hour).start;
	// Both reads at once: this runs inside every answer's transaction.
	const [setting, today] = await Promise.all([
		db.settings.get(SETTING.statsState),
		db.statdays.get(day)
	]);
	const stored = setting?.value as StatsState | undefined;
	const state = stored ?? { hour, dirty: false };
	if (state.hour !== hour) state.dirty = true;
	if (state.dirty) {
		if (sign < 0) state.undone = (state.undone ?? 0) + 1;
		await db.settings.put({ key: SETTING.statsState, value: state });
		return;
	}
	if (!stored) await db.settings.put({ key: SETTING.statsState, value: state });
	if (review.practice) return;
	const rows = new Map<number, StatDay>([[day, today ?? zero(day)]]);
	const row = async (t: number) => {
		const day = studyDay(new Date(t), hour).start;
		let r = rows.get(day);
		if (!r) rows.set(day, (r = (await db.statdays.get(day)) ?? zero(day)));
		return r;
	};
	const d = await row(review.time.getTime());
	d.reviews += sign;
	d.ms += sign * review.ms;
	const bucket = retentionBucket(review);
	if (bucket) {
		const i = bucket === 'young' ? 'young' : 'mature';
		d[i] = [d[i][0] + (passed(review) ? sign : 0), d[i][1] + sign];
	}
	if (review.after.state === State.Review) {
		const t = review.time.getTime();
		const groups = [
			[
				'headwords',
				`h:${card.sibling}`,
				() => db.cards.where('sibling').equals(card.sibling).primaryKeys()
			],
			[
				'roots',
				`r:${card.content.root}`,
				() => db.cards.where('content.root').equals(card.content.root).primaryKeys()
			]
		] as const;
		for (const [field, key, ids] of groups) {
			const old = (await db.firsts.get(key))?.time;
			let first = old;
			if (sign > 0 && (old === undefined || t < old)) first = t;
			if (sign < 0 && old === t) {
				// The group's first entry into review was this answer: find the next one, if any.
				const rest = await db.reviews
					.where('cardId')
					.anyOf(await ids())
					.filter((r) => !r.practice && r.after.state === State.Review)
					.toArray();
				first = rest.length ? Math.min(...rest.map((r) => r.time.getTime())) : undefined;
			}
			if (first === old) continue;
			if (old !== undefined) (await row(old))[field]--;
			if (first !== undefined) {
				(await row(first))[field]++;
				await db.firsts.put({ key, time: first });
			} else await db.firsts.delete(key);
		}
	}
	await db.statdays.bulkPut([...rows.values()]);
}

/** Says that the statistics must be summed again from the history (after an import or a restore). */
export async function markStatsStale(db: Pick<KartuDB, 'settings'>): Promise<void> {
	await db.settings.put({
		key: SETTING.statsState,
		value: { hour: -1, dirty: true } satisfies StatsState
	});
}

/** Whether computeStats will first have to sum the history again (slow on a long history). */
export async function statsStale(db: KartuDB, hour: number): Promise<boolean> {
	const state = (await db.settings.get(SETTING.statsState))?.value as StatsState | undefined;
	return !!state && (state.dirty || state.hour !== hour);
}

/**
 * Sums the whole review history again into day rows and firsts, reading it in pages of 20,000
 * through the time index so memory stays bounded; answers given meanwhile are included at the end.
 * Runs once after an import, a restore, an upgrade, or a change of the day's start hour.
 */
export function rebuildStats(
	db: KartuDB,
	hour: number,
	now: Date,
	progress?: (share: number) => void
): Promise<void> {
	// One summing at a time per database: a second caller waits for the same one and hears its progress.
	let run = rebuilding.get(db);
	if (!run || run.hour !== hour) {
		const listeners = new Set<(share: number) => void>();
		const promise = sumHistory(db, hour, now, (share) =>
			listeners.forEach((l) => l(share))
		).finally(() => {
			if (rebuilding.get(db) === run) rebuilding.delete(db);
		});
		run = { hour, promise, listeners };
		rebuilding.set(db, run);
	}
	if (progress) run.listeners.add(progress);
	return run.promise;
}

const rebuilding = new WeakMap<
	KartuDB,
	{ hour: number; promise: Promise<void>; listeners: Set<(share: number) => void> }
>();

async function sumHistory(
	db: KartuDB,
	hour: number,
	now: Date,
	progress: (share: number) => void
): Promise<void> {
	for (;;) {
		const undone = await db.transaction('rw', db.settings, async () => {
			const state = ((await db.settings.get(SETTING.statsState))?.value as
				StatsState | undefined) ?? { hour, dirty: true };
			await db.settings.put({ key: SETTING.statsState, value: { ...state, hour, dirty: true } });
			return state.undone ?? 0;
		});
		const total = await db.reviews.count();
		const oldest = await db.reviews.orderBy('time').first();
		const agg = new ReviewStats(
			new Date(Math.min(oldest?.time.getTime() ?? now.getTime(), now.getTime())),
			now,
			hour
		);
		let from = -Infinity;
		let seen = new Set<string>();
		let done = 0;
		// One page: reviews from `from` on, skipping those of the same instant already read.
		const page = async () => {
			const limit = PAGE + seen.size;
			const rows = await db.reviews
				.where('time')
				.aboveOrEqual(from === -Infinity ? Dexie.minKey : new Date(from))
				.limit(limit)
				.toArray();
			for (const r of rows) {
				const t = r.time.getTime();
				if (t === from && seen.has(r.id)) continue;
				agg.add(r);
				done++;
				if (t !== from) {
					from = t;
					seen = new Set();
				}
				seen.add(r.id);
			}
			return rows.length === limit;
		};
		while (await page()) progress(Math.min(0.99, done / Math.max(1, total)));
		// Which headword and root each card belongs to, from the indexes alone.
		const siblingOf = new Map<string, string>();
		const rootOf = new Map<string, string>();
		await db.cards
			.orderBy('sibling')
			.eachKey((k, c) => siblingOf.set(c.primaryKey as string, k as string));
		await db.cards
			.orderBy('content.root')
			.eachKey((k, c) => rootOf.set(c.primaryKey as string, k as string));
		const finished = await db.transaction(
			'rw',
			[db.reviews, db.settings, db.statdays, db.firsts],
			async () => {
				const state = (await db.settings.get(SETTING.statsState))?.value as StatsState | undefined;
				if ((state?.undone ?? 0) !== undone) return false;
				await page(); // answers given while the history was read
				const firsts = new Map<string, number>();
				for (const [id, t] of agg.firstReview) {
					for (const key of [`h:${siblingOf.get(id)}`, `r:${rootOf.get(id)}`]) {
						if (!(firsts.get(key)! <= t)) firsts.set(key, t);
					}
				}
				const rows = new Map(
					agg.perDay.map((d, i) => {
						const r = agg.retentionByDay[i];
						return [
							d.day,
							{
								...zero(d.day),
								reviews: d.reviews,
								ms: d.ms,
								young: [r.young.passed, r.young.total],
								mature: [r.mature.passed, r.mature.total]
							} as StatDay
						];
					})
				);
				for (const [key, t] of firsts) {
					const day = studyDay(new Date(t), hour).start;
					const row = rows.get(day) ?? zero(day);
					rows.set(day, row);
					row[key.startsWith('h:') ? 'headwords' : 'roots']++;
				}
				await Promise.all([db.statdays.clear(), db.firsts.clear()]);
				await db.statdays.bulkPut(
					[...rows.values()].filter((d) => d.reviews || d.headwords || d.roots)
				);
				await db.firsts.bulkPut([...firsts].map(([key, time]) => ({ key, time })));
				await db.settings.put({
					key: SETTING.statsState,
					value: { hour, dirty: false } satisfies StatsState
				});
				return true;
			}
		);
		if (finished) break;
	}
	progress(1);
}

/**
 * Everything the statistics page shows, from the day rows each answer keeps up to date (one row per
 * study day: a visit reads no review), and card counts from the queue index. After an import or an
 * upgrade the history is summed once first (`rebuildStats`).
 */
export async function computeStats(
	db: KartuDB,
	now: Date,
	settings: SchedulerSettings,
	progress?: (share: number) => void
): Promise<Stats> {
	const hour = settings.dayStartHour;
	const state = (await db.settings.get(SETTING.statsState))?.value as StatsState | undefined;
	if (!state ? (await db.reviews.limit(1).count()) > 0 : state.dirty || state.hour !== hour) {
		await rebuildStats(db, hour, now, progress);
	}
	const byDay = new Map((await db.statdays.toArray()).map((d) => [d.day, d]));
	const days = studyDays(new Date(now.getTime() - 364 * 86_400_000), now, hour);
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
	for (
		let i = perDay.length - 1 - (perDay.at(-1)?.reviews ? 0 : 1);
		i >= 0 && perDay[i].reviews > 0;
		i--
	)
		streak++;

	const perQueue = await cardsPerQueue(db);
	const [fresh, learning, review, relearning, suspended, known, ignored] = [
		QUEUE.new,
		QUEUE.learning,
		QUEUE.review,
		QUEUE.relearning,
		QUEUE.suspended,
		QUEUE.known,
		QUEUE.ignored
	].map((q) => inQueue(perQueue, q));
	// Cards due on each of the next 30 study days (today with everything overdue), counted per day
	// range in the index: no card is read.
	const starts = studyDays(now, new Date(now.getTime() + 29 * 86_400_000), hour).slice(0, 30);
	const bounds = [...starts.slice(1), studyDay(new Date(starts[starts.length - 1]), hour).end];
	const dueCounts = await Promise.all(
		bounds.map((end, i) =>
			Promise.all(
				[QUEUE.learning, QUEUE.review, QUEUE.relearning].map((q) =>
					db.cards
						.where(INDEX.queueDue)
						.between(
							[q, i ? new Date(bounds[i - 1]) : Dexie.minKey],
							[q, new Date(end)],
							true,
							false
						)
						.count()
				)
			).then((n) => n.reduce((a, b) => a + b, 0))
		)
	);

	return {
		perDay,
		streak,
		retentionByDay,
		retentionByMonth: retentionByMonth(retentionByDay),
		desiredRetention: settings.desiredRetention,
		forecast: dueCounts,
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
		rootsInReview: running('roots'),
		parameterChanges: (await loadParameterHistory(db)).map(({ time, source }) => ({ time, source }))
	};
}
