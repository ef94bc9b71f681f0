// One sync with the server: send this device's new reviews, then receive everyone's, merging each
// batch in its own transaction (db/sync.ts `mergeReviews`) so that no step holds the thread or the
// database for long; then the statistics are summed again if anything arrived. Run in the sync
// worker (sync.worker.ts), or directly by tests.

import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import { Scheduler } from '../srs/schedule';
import type { KartuDB } from '../db/schema';
import type { StoredMeaning, StoredReview, StoredWord } from '../db/rows';
import { loadSettings } from '../db/settings';
import { rebuildStats } from '../db/stats';
import {
	loadSync,
	marksAfter,
	mergeMeaning,
	mergeReviews,
	mergeWord,
	reviewsAfter,
	saveSyncProgress,
	type SyncResult
} from '../db/sync';
import { Couch, SyncError, type CouchOptions } from './couch';
import { serverProblem } from './merge';

/** Reviews per request, each way. */
export const BATCH = 200;

/** A review as the server keeps it: `r:` + its id; dates as ISO strings. */
export function reviewDoc(r: StoredReview): Record<string, unknown> {
	return {
		_id: `r:${r.id}`,
		cardId: r.cardId,
		grade: r.grade,
		time: r.time.toISOString(),
		ms: r.ms,
		before: r.before,
		after: r.after,
		...(r.practice ? { practice: true } : {})
	};
}

function fsrsCard(v: unknown): FsrsCard | undefined {
	const c = v as Record<string, unknown> | null;
	if (!c || typeof c !== 'object' || typeof c.due !== 'string') return undefined;
	const due = new Date(c.due);
	if (Number.isNaN(due.getTime())) return undefined;
	for (const k of ['stability', 'difficulty', 'reps', 'lapses', 'state'])
		if (typeof c[k] !== 'number') return undefined;
	return {
		...(c as unknown as FsrsCard),
		due,
		last_review: typeof c.last_review === 'string' ? new Date(c.last_review) : undefined
	};
}

/**
 * A word mark or meaning as the server keeps it: one immutable document per change,
 * `w:headword:time` or `m:headword:time` (time in base 36), so that changes never conflict; the
 * merge keeps the latest (sync/merge.ts `later`).
 */
export function markDoc(kind: 'w' | 'm', v: StoredWord | StoredMeaning): Record<string, unknown> {
	return {
		...v,
		_id: `${kind}:${v.headword}:${v.time.getTime().toString(36)}`,
		time: v.time.toISOString()
	};
}

/** The word mark a server document holds, if it is one. */
export function docWord(d: Record<string, unknown>): StoredWord | undefined {
	const time = new Date(d.time as string);
	if (typeof d._id !== 'string' || !d._id.startsWith('w:') || typeof d.headword !== 'string')
		return undefined;
	if ((d.mark !== 'known' && d.mark !== 'ignored') || Number.isNaN(time.getTime()))
		return undefined;
	return { headword: d.headword, mark: d.mark, time };
}

/** The meaning a server document holds, if it is one. */
export function docMeaning(d: Record<string, unknown>): StoredMeaning | undefined {
	const time = new Date(d.time as string);
	if (typeof d._id !== 'string' || !d._id.startsWith('m:') || typeof d.headword !== 'string')
		return undefined;
	if (typeof d.gloss !== 'string' || !d.gloss.trim() || Number.isNaN(time.getTime()))
		return undefined;
	return {
		headword: d.headword,
		gloss: d.gloss,
		pos: typeof d.pos === 'string' ? d.pos : '',
		time
	};
}

/** The review a server document holds; undefined for any other document or a malformed one. */
export function docReview(d: Record<string, unknown>): StoredReview | undefined {
	if (typeof d._id !== 'string' || !d._id.startsWith('r:')) return undefined;
	const before = fsrsCard(d.before);
	const after = fsrsCard(d.after);
	const time = new Date(d.time as string);
	if (
		!before ||
		!after ||
		typeof d.cardId !== 'string' ||
		![1, 2, 3, 4].includes(d.grade as number) ||
		Number.isNaN(time.getTime())
	)
		return undefined;
	return {
		id: d._id.slice(2),
		cardId: d.cardId,
		grade: d.grade as Grade,
		time,
		ms: typeof d.ms === 'number' ? d.ms : 0,
		before,
		after,
		...(d.practice === true ? { practice: true } : {})
	};
}

/**
 * Syncs once with the server set up on Settings; the result is saved as the last sync (with its
 * error, if any) and returned. Never deletes anything here.
 */
export async function syncOnce(
	db: KartuDB,
	now: () => Date,
	options: Pick<CouchOptions, 'fetch' | 'sleep' | 'attempts'> = {}
): Promise<SyncResult> {
	const row = await loadSync(db);
	if (!row) throw new SyncError('Sync is not set up.');
	const { config } = row;
	let progress = row.progress;
	const result: SyncResult = { time: now(), sent: 0, received: 0 };
	try {
		const problem = serverProblem(config.url);
		if (problem) throw new SyncError(problem);
		const couch = new Couch({ ...config, ...options });
		await couch.open();
		// Send: this device's reviews in id order, from where the last sync stopped.
		for (;;) {
			const batch = await reviewsAfter(db, progress.sentUpTo, BATCH);
			if (!batch.length) break;
			result.sent += await couch.put(batch.map(reviewDoc));
			progress = { ...progress, sentUpTo: batch[batch.length - 1].id };
			await saveSyncProgress(db, progress);
		}
		// Word marks and meanings changed since the last sync.
		const marks = await marksAfter(db, progress.marksSentUpTo ?? -Infinity);
		const docs = [
			...marks.words.map((w) => markDoc('w', w)),
			...marks.meanings.map((m) => markDoc('m', m))
		];
		for (let i = 0; i < docs.length; i += BATCH) await couch.put(docs.slice(i, i + BATCH));
		const latest = Math.max(
			progress.marksSentUpTo ?? -Infinity,
			...[...marks.words, ...marks.meanings].map((v) => v.time.getTime())
		);
		if (Number.isFinite(latest)) {
			progress = { ...progress, marksSentUpTo: latest };
			await saveSyncProgress(db, progress);
		}
		// Receive: everything since the last checkpoint (this device's own reviews are noticed as had).
		const scheduler = new Scheduler(await loadSettings(db));
		result.marks = 0;
		for (;;) {
			const page = await couch.changes(progress.since, BATCH);
			const reviews = page.docs.map(docReview).filter((r): r is StoredReview => !!r);
			result.received += await mergeReviews(db, reviews, scheduler);
			// Marks in time order, so that of several changes to one word the latest is left.
			const words = page.docs.map(docWord).filter((w): w is StoredWord => !!w);
			for (const w of words.sort((x, y) => x.time.getTime() - y.time.getTime()))
				if (await mergeWord(db, w)) result.marks++;
			const meanings = page.docs.map(docMeaning).filter((m): m is StoredMeaning => !!m);
			for (const m of meanings.sort((x, y) => x.time.getTime() - y.time.getTime()))
				if (await mergeMeaning(db, m)) result.marks++;
			progress = { ...progress, since: page.lastSeq };
			await saveSyncProgress(db, progress);
			if (!page.more) break;
		}
		if (result.received) await rebuildStats(db, (await loadSettings(db)).dayStartHour, now());
	} catch (e) {
		result.error =
			e instanceof SyncError ? e.message : `Sync failed: ${(e as Error)?.message ?? String(e)}`;
	}
	result.time = now();
	await saveSyncProgress(db, { ...progress, last: result });
	return result;
}
