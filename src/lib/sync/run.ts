// One sync with the server: send this device's new reviews and changes (db/changes.ts), then
// receive everyone's, merging each batch in its own transactions (db/sync.ts `mergeReviews`,
// `mergeChanges`) so that no step holds the thread or the database for long; then the statistics
// are summed again if anything arrived. Run in the sync
// worker (sync.worker.ts), or directly by tests.

import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import { Scheduler } from '../srs/schedule';
import type { KartuDB } from '../db/schema';
import type { StoredReview, SyncChange } from '../db/rows';
import type { Deck } from '../cards';
import { loadSettings } from '../db/settings';
import { rebuildStats } from '../db/stats';
import { changesAfter } from '../db/changes';
import {
	articleBody,
	loadSync,
	mergeChanges,
	mergeReviews,
	reviewsAfter,
	saveSyncProgress,
	type ArticleBody,
	type ReceivedChange,
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

/** A change (db/changes.ts) as the server keeps it: `_id` is the change's id; an added article's with the article. */
export function changeDoc(c: SyncChange, article?: ArticleBody): Record<string, unknown> {
	return {
		_id: c.id,
		key: c.key,
		time: c.time.toISOString(),
		value: c.value ?? null,
		...(c.meta ? { meta: c.meta } : {}),
		...(article ? { article } : {})
	};
}

const KINDS = ['w:', 'm:', 's:', 'p:', 'a:', 't:', 'u:'];

/**
 * The change a server document holds, if it is one: a change document (`c:…`), or a word mark or
 * meaning as sent before the change log (`w:headword:time`, `m:headword:time`), read as a change
 * whose id is the document's.
 */
export function docChange(d: Record<string, unknown>): ReceivedChange | undefined {
	const id = d._id;
	const time = new Date(d.time as string);
	if (typeof id !== 'string' || Number.isNaN(time.getTime())) return undefined;
	if (id.startsWith('c:')) {
		const key = d.key;
		if (typeof key !== 'string' || !KINDS.includes(key.slice(0, 2)) || key.length < 3)
			return undefined;
		let value = d.value ?? null;
		if (key.startsWith('u:')) {
			const v = value as Record<string, unknown> | null;
			const before = fsrsCard(v?.before);
			if (!before || typeof v?.time !== 'number') return undefined;
			value = { before, time: v.time, ...(v.practice === true ? { practice: true } : {}) };
		}
		const article = key.startsWith('a:') && value ? articleOf(d.article) : undefined;
		const meta =
			d.meta && typeof d.meta === 'object' ? (d.meta as Record<string, unknown>) : undefined;
		return { id, key, time, value, ...(meta ? { meta } : {}), ...(article ? { article } : {}) };
	}
	if (typeof d.headword !== 'string') return undefined;
	if (id.startsWith('w:') && (d.mark === 'known' || d.mark === 'ignored'))
		return { id, key: `w:${d.headword}`, time, value: d.mark };
	if (id.startsWith('m:') && typeof d.gloss === 'string' && d.gloss.trim())
		return {
			id,
			key: `m:${d.headword}`,
			time,
			value: { gloss: d.gloss, pos: typeof d.pos === 'string' ? d.pos : '' }
		};
	return undefined;
}

/** An article as a change document carries it, with its dates read back. */
function articleOf(v: unknown): ArticleBody | undefined {
	const a = v as { entry?: Record<string, unknown>; text?: unknown; deck?: Deck } | null;
	const e = a?.entry;
	if (!e || typeof a.text !== 'string' || !a.deck?.article || !Array.isArray(a.deck.cards))
		return undefined;
	const added = new Date(e.added as string);
	if (
		typeof e.slug !== 'string' ||
		typeof e.fingerprint !== 'string' ||
		Number.isNaN(added.getTime())
	)
		return undefined;
	return {
		entry: {
			slug: e.slug,
			title: String(e.title ?? ''),
			source: String(e.source ?? ''),
			added,
			words: Number(e.words) || 0,
			fingerprint: e.fingerprint
		},
		text: a.text,
		deck: a.deck
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

/** What syncOnce may be given besides the database: the network and waits (tests), the build's decks. */
export type SyncOptions = Pick<CouchOptions, 'fetch' | 'sleep' | 'attempts'> & {
	/** The build's decks (deleting an article received needs them). */
	bundled?: () => Promise<Deck[]>;
};

/** Largest request body sent at once (an article's text and deck can be large); 413 splits further. */
const BATCH_BYTES = 2_000_000;

/**
 * Syncs once with the server set up on Settings; the result is saved as the last sync (with its
 * error, if any) and returned. Never deletes anything here because of what the server holds.
 */
export async function syncOnce(
	db: KartuDB,
	now: () => Date,
	options: SyncOptions = {}
): Promise<SyncResult> {
	const row = await loadSync(db);
	if (!row) throw new SyncError('Sync is not set up.');
	const { config } = row;
	let progress = row.progress;
	const result: SyncResult = { time: now(), sent: 0, received: 0, marks: 0 };
	const bundled = options.bundled ?? (async () => []);
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
		// Then the change log, in the order it was written (an added article with its text and deck).
		for (;;) {
			const batch = await changesAfter(db, progress.changesSentUpTo ?? 0, BATCH);
			if (!batch.length) break;
			let docs: Record<string, unknown>[] = [];
			let bytes = 0;
			for (const c of batch) {
				const body =
					c.key.startsWith('a:') && c.value ? await articleBody(db, c.key.slice(2)) : undefined;
				const doc = changeDoc(c, body);
				const size = body ? JSON.stringify(doc).length : 500;
				if (docs.length && bytes + size > BATCH_BYTES) {
					await couch.put(docs);
					docs = [];
					bytes = 0;
				}
				docs.push(doc);
				bytes += size;
			}
			await couch.put(docs);
			progress = { ...progress, changesSentUpTo: batch[batch.length - 1].seq! };
			await saveSyncProgress(db, progress);
		}
		// Receive: everything since the last checkpoint (this device's own documents are noticed as had).
		const scheduler = new Scheduler(await loadSettings(db));
		for (;;) {
			const page = await couch.changes(progress.since, BATCH);
			const reviews = page.docs.map(docReview).filter((r): r is StoredReview => !!r);
			result.received += await mergeReviews(db, reviews, scheduler);
			const changes = page.docs.map(docChange).filter((c): c is ReceivedChange => !!c);
			result.marks! += await mergeChanges(db, changes, scheduler, bundled);
			progress = { ...progress, since: page.lastSeq };
			await saveSyncProgress(db, progress);
			if (!page.more) break;
		}
		if (result.received || result.marks)
			await rebuildStats(db, (await loadSettings(db)).dayStartHour, now());
	} catch (e) {
		result.error =
			e instanceof SyncError ? e.message : `Sync failed: ${(e as Error)?.message ?? String(e)}`;
	}
	result.time = now();
	await saveSyncProgress(db, { ...progress, last: result });
	return result;
}
