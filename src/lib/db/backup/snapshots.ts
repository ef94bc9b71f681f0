// Automatic backups inside IndexedDB, like Anki's: at most one a day, the last seven kept.
//
// Reviews are append-only rows with ids that sort by time, so they are stored once, in immutable
// compressed chunks shared by every snapshot that contains them (the "chain"): a day's snapshot reads
// and writes only the reviews added since the last one, plus that day's cards, settings and word
// marks. Every read is a short read-only transaction, so an answer never waits long. The app runs
// this in a worker (snapshot.worker.ts); here it is a plain function of the database.

import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	backupFileName,
	checkBackup,
	type Backup
} from '../../backup/format';
import { applyImport, articlesAndMeanings, type ImportSummary } from './backup';
import { snapshotDay } from './snapshot-day';
import { SETTING } from '../names';
import type { KartuDB } from '../schema';
import type {
	Setting,
	SnapshotData,
	StoredCard,
	StoredReview,
	StoredSnapshot,
	StoredWord
} from '../rows';

export const SNAPSHOTS_KEPT = 7;
/** The settings row holding the chain's bookkeeping. */
export const CHAIN_KEY = SETTING.snapshotChain;
/** Held while a snapshot is taken or restored, so two tabs never interleave. */
const LOCK = 'kartu-snapshot';

/** A snapshot's summary; `parts` names its data rows in order (absent in the one-row format of before). */
export interface SnapshotSummary extends StoredSnapshot {
	parts?: string[];
}

/** One compressed piece of a snapshot, in the `snapshotData` table beside rows of the older format. */
export interface SnapshotPart {
	id: string;
	/** `reviews`: a chunk of the chain; `cards`: a page of cards; `meta`: settings, marks, late cards. */
	kind: 'reviews' | 'cards' | 'meta';
	/** Rows inside. */
	count: number;
	/** For a chunk of reviews: the largest review id in it. */
	last?: string;
	/** JSON, deflated. */
	bytes: Uint8Array;
}

/** One chunk of the chain: the reviews with ids after the previous chunk's `last`, up to its own. */
export interface ChainChunk {
	id: string;
	last: string;
	count: number;
}

/** Every review with an id ≤ `lastId` (there are `count`) is in `chunks`, in id order. */
export interface SnapshotChain {
	lastId: string;
	count: number;
	chunks: ChainChunk[];
}

/** What a `meta` part holds. Its cards were re-read last and replace those of the `cards` parts. */
interface Meta {
	/**
	 * The backup format its rows are in (backup/format.ts); absent in snapshots taken before schema
	 * 6, whose rows are format 1 (cards per article), read as such.
	 */
	version?: number;
	exported: string;
	settings: Setting[];
	words: StoredWord[];
	cards: StoredCard[];
	/** The learner's own articles and meanings (format 3; absent before). */
	articles?: Backup['articles'];
	meanings?: Backup['meanings'];
}

/** Rows per read transaction and per stored part. */
export interface SnapshotSizes {
	cardPage: number;
	reviewPage: number;
	cardPart: number;
	reviewChunk: number;
}
export const SNAPSHOT_SIZES: SnapshotSizes = {
	cardPage: 1000,
	reviewPage: 2000,
	cardPart: 5000,
	reviewChunk: 10_000
};

/** What a snapshot run read and how long each step took (ms), for the benchmark and the curious. */
export interface SnapshotStats {
	reviewsRead: number;
	cardsRead: number;
	/** The chain was not usable: every review was read again. */
	newChain: boolean;
	ms: { verify: number; reviews: number; cards: number; finish: number };
}

/** The data changed under a snapshot in a way it cannot include: it is taken again from the start. */
class ChangedMeanwhile extends Error {}

/** The local date of `now` as YYYY-MM-DD (the snapshot's id). */
export function localDay(now: Date): string {
	return backupFileName(now).slice('kartu-backup-'.length, -'.json'.length);
}

function parts(db: KartuDB) {
	return db.table<SnapshotPart | SnapshotData, string>('snapshotData');
}

function pack(rows: unknown): Uint8Array {
	// Level 3: a third faster than the default for 7% more bytes (10,000 reviews: 5.6 MB → 0.6 MB).
	return deflateSync(strToU8(JSON.stringify(rows)), { level: 3 });
}

function unpack<T>(bytes: Uint8Array): T {
	return JSON.parse(strFromU8(inflateSync(bytes))) as T;
}

function partId(prefix: string): string {
	return `${prefix}:${crypto.randomUUID().slice(0, 8)}`;
}

/** Runs `run` under the snapshot lock where the browser has one (Web Locks); `skipIfBusy` gives up instead of waiting. */
async function exclusive<T>(run: () => Promise<T>, skipIfBusy: boolean): Promise<T | undefined> {
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (!locks) return run();
	return locks.request(LOCK, { ifAvailable: skipIfBusy }, (lock) => (lock ? run() : undefined));
}

/** A snapshot other than the day's: its own id, and waiting for another tab's snapshot instead of giving up. */
export interface SnapshotOptions {
	/** The snapshot's id, shown in the list: `2026-11-27 before rescheduling (14:05)`. Today's date by default. */
	id?: string;
	/** Wait while another tab takes or restores a snapshot, instead of returning nothing. */
	wait?: boolean;
}

/**
 * Takes today's snapshot if there is none yet and the learner has reviewed anything, then keeps only
 * the newest seven and deletes the chunks none of them uses. Returns the snapshot taken, if any.
 * Another tab taking one at the same time makes this one return nothing (unless `options.wait`).
 * With `options.id`, takes a snapshot of that name instead (one before a change the learner may
 * want to undo), which counts among the seven.
 */
export async function takeSnapshot(
	db: KartuDB,
	now = new Date(),
	sizes = SNAPSHOT_SIZES,
	stats?: SnapshotStats,
	options: SnapshotOptions = {}
): Promise<SnapshotSummary | undefined> {
	return exclusive(async () => {
		for (let attempt = 1; ; attempt++) {
			try {
				return await snapshotOnce(db, now, sizes, stats, options.id ?? localDay(now));
			} catch (e) {
				if (!(e instanceof ChangedMeanwhile) || attempt === 3) throw e;
			}
		}
	}, !options.wait);
}

async function snapshotOnce(
	db: KartuDB,
	now: Date,
	sizes: SnapshotSizes,
	stats: SnapshotStats | undefined,
	id: string
): Promise<SnapshotSummary | undefined> {
	if (await db.snapshots.get(id)) return undefined;
	if ((await db.reviews.limit(1).count()) === 0) return undefined;
	let t = performance.now();
	const lap = () => -t + (t = performance.now());
	const stored = (await db.settings.get(CHAIN_KEY))?.value;
	const verified = await verifiedChain(db, stored);
	const start = verified ?? { lastId: '', count: 0, chunks: [] };
	const verify = lap();
	const chain: SnapshotChain = { ...start, chunks: [...start.chunks] };
	const reviews = new ChunkWriter(db, chain, sizes.reviewChunk);

	// 1. The reviews added since the chain's last one, through the primary key, a page per transaction;
	// the next page is read while this one is compressed.
	const reviewPage = (after: string) =>
		db.reviews.where(':id').above(after).limit(sizes.reviewPage).toArray();
	let read = 0;
	for (let next = reviewPage(chain.lastId); ;) {
		const page = await next;
		const more = page.length === sizes.reviewPage;
		if (more) next = reviewPage(page.at(-1)!.id);
		read += page.length;
		await reviews.add(page);
		if (!more) break;
	}
	const reviewsMs = lap();

	// 2. Every card, a page per transaction, stored in parts as they come.
	const cardIds = new Set<string>();
	const cardParts: string[] = [];
	let buffer: StoredCard[] = [];
	const flushCards = async () => {
		if (!buffer.length) return;
		const part: SnapshotPart = {
			id: partId(`cards:${id}`),
			kind: 'cards',
			count: buffer.length,
			bytes: pack(buffer)
		};
		await parts(db).put(part);
		cardParts.push(part.id);
		buffer = [];
	};
	const cardPage = (after?: string) =>
		(after === undefined ? db.cards.orderBy(':id') : db.cards.where(':id').above(after))
			.limit(sizes.cardPage)
			.toArray();
	for (let next = cardPage(); ;) {
		const page = await next;
		const more = page.length === sizes.cardPage;
		if (more) next = cardPage(page.at(-1)!.id);
		for (const c of page) cardIds.add(c.id);
		buffer.push(...page);
		if (buffer.length >= sizes.cardPart) await flushCards();
		if (!more) break;
	}
	await flushCards();
	const cardsMs = lap();

	// 3. A review deleted or added among those read (an undo, an import) makes the pages stale: each
	// new chunk must still hold what its id range holds (a short count each). Then one consistent read
	// to close: answers given meanwhile (their reviews and, re-read, their cards), settings and marks.
	await reviews.flush();
	if (!(await chunksHold(db, chain.chunks.slice(start.chunks.length), start.lastId)))
		throw new ChangedMeanwhile();
	const tail = await db.transaction(
		'r',
		[db.cards, db.reviews, db.settings, db.words, db.library, db.articles, db.meanings],
		async () => {
			const late = await db.reviews.where(':id').above(chain.lastId).toArray();
			const cards = (await db.cards.bulkGet([...new Set(late.map((r) => r.cardId))])).filter(
				(c): c is StoredCard => !!c
			);
			const settings = (await db.settings.toArray()).filter((s) => s.key !== CHAIN_KEY);
			return {
				late,
				cards,
				settings,
				words: await db.words.toArray(),
				...(await articlesAndMeanings(db))
			};
		}
	);
	await reviews.add(tail.late);
	await reviews.flush();
	for (const c of tail.cards) cardIds.add(c.id);
	const meta: Meta = {
		version: BACKUP_VERSION,
		exported: now.toISOString(),
		settings: tail.settings,
		words: tail.words,
		cards: tail.cards,
		articles: tail.articles,
		meanings: tail.meanings
	};
	const metaPart: SnapshotPart = {
		id: partId(`meta:${id}`),
		kind: 'meta',
		count: 1,
		bytes: pack(meta)
	};
	await parts(db).put(metaPart);

	const snapshot: SnapshotSummary = {
		id,
		time: now,
		cards: cardIds.size,
		reviews: chain.count,
		parts: [...chain.chunks.map((c) => c.id), ...cardParts, metaPart.id]
	};
	// 4. Publish: the summary, the extended chain, and the week's pruning, in one short transaction.
	const published = await db.transaction(
		'rw',
		[db.snapshots, db.snapshotData, db.settings],
		async () => {
			if (await db.snapshots.get(id)) return undefined;
			if (JSON.stringify((await db.settings.get(CHAIN_KEY))?.value) !== JSON.stringify(stored))
				throw new ChangedMeanwhile();
			await db.snapshots.put(snapshot);
			await db.settings.put({ key: CHAIN_KEY, value: chain });
			await prune(db, chain);
			return snapshot;
		}
	);
	if (stats) {
		Object.assign(stats, {
			reviewsRead: read + tail.late.length,
			cardsRead: cardIds.size,
			newChain: !verified,
			ms: { verify, reviews: reviewsMs, cards: cardsMs, finish: lap() }
		});
	}
	return published;
}

/** Collects reviews in id order and stores them as chunks of `size`, extending `chain`. */
class ChunkWriter {
	#rows: StoredReview[] = [];
	#db: KartuDB;
	#chain: SnapshotChain;
	#size: number;
	constructor(db: KartuDB, chain: SnapshotChain, size: number) {
		this.#db = db;
		this.#chain = chain;
		this.#size = size;
	}

	async add(rows: StoredReview[]): Promise<void> {
		if (!rows.length) return;
		this.#rows.push(...rows);
		this.#chain.lastId = rows.at(-1)!.id;
		this.#chain.count += rows.length;
		while (this.#rows.length >= this.#size) await this.#write(this.#rows.splice(0, this.#size));
	}

	async flush(): Promise<void> {
		if (this.#rows.length) await this.#write(this.#rows.splice(0));
	}

	async #write(rows: StoredReview[]): Promise<void> {
		const last = rows.at(-1)!.id;
		const part: SnapshotPart = {
			id: partId(`reviews:${last}`),
			kind: 'reviews',
			count: rows.length,
			last,
			bytes: pack(rows)
		};
		await parts(this.#db).put(part);
		this.#chain.chunks.push({ id: part.id, last, count: rows.length });
	}
}

/**
 * The stored chain if it still describes the reviews: each chunk is there and holds as many reviews
 * as the database has in its id range (one short count each). An undo or an import that removed or
 * added an older review breaks it, and so does a chain that came in a backup from elsewhere.
 */
async function verifiedChain(db: KartuDB, value: unknown): Promise<SnapshotChain | undefined> {
	const chain = value as SnapshotChain | undefined;
	if (
		!chain ||
		typeof chain.lastId !== 'string' ||
		!Array.isArray(chain.chunks) ||
		!chain.chunks.length
	)
		return undefined;
	const ids = chain.chunks.map((c) => c.id);
	if ((await parts(db).where(':id').anyOf(ids).primaryKeys()).length !== new Set(ids).size)
		return undefined;
	const total = chain.chunks.reduce((sum, c) => sum + c.count, 0);
	if (total !== chain.count || chain.chunks.at(-1)!.last !== chain.lastId) return undefined;
	return (await chunksHold(db, chain.chunks, '')) ? chain : undefined;
}

/** Whether the database holds exactly `count` reviews in each chunk's id range, the first starting after `after`. */
async function chunksHold(db: KartuDB, chunks: ChainChunk[], after: string): Promise<boolean> {
	let prev = after;
	for (const chunk of chunks) {
		// One count per transaction: at most a chunk's worth of keys, so an answer never waits long.
		if (
			(await db.reviews.where(':id').between(prev, chunk.last, false, true).count()) !== chunk.count
		)
			return false;
		prev = chunk.last;
	}
	return true;
}

/** Keeps the newest seven snapshots and the data rows they and the chain use; deletes the rest. */
async function prune(db: KartuDB, chain: SnapshotChain | undefined): Promise<void> {
	const all = (await db.snapshots.toArray()) as SnapshotSummary[];
	all.sort((a, b) => b.id.localeCompare(a.id));
	const kept = all.slice(0, SNAPSHOTS_KEPT);
	await db.snapshots.bulkDelete(all.slice(SNAPSHOTS_KEPT).map((s) => s.id));
	// A snapshot of the older format has one data row, under its own id.
	const used = new Set([
		...kept.flatMap((s) => s.parts ?? [s.id]),
		...(chain?.chunks.map((c) => c.id) ?? [])
	]);
	const stored = await parts(db).toCollection().primaryKeys();
	await parts(db).bulkDelete(stored.filter((k) => !used.has(k)));
}

/** The snapshots, newest first (their summaries: the data is not read). */
export async function listSnapshots(db: KartuDB): Promise<SnapshotSummary[]> {
	return (await db.snapshots.toArray()).sort((a, b) => b.id.localeCompare(a.id));
}

/** A snapshot as a checked backup, rebuilt from its parts (or read from its one row, in the older format). */
export async function readSnapshot(
	db: KartuDB,
	id: string
): Promise<{ backup: Backup; chain?: SnapshotChain }> {
	const { summary, rows } = await db.transaction('r', db.snapshots, db.snapshotData, async () => {
		const summary = (await db.snapshots.get(id)) as SnapshotSummary | undefined;
		return { summary, rows: summary ? await parts(db).bulkGet(summary.parts ?? [id]) : [] };
	});
	if (!summary) throw new Error(`There is no snapshot of ${id}.`);
	const unreadable = (why: string) => new Error(`The snapshot of ${id} cannot be read: ${why}`);
	if (rows.some((r) => !r)) throw unreadable('part of its data is missing.');
	let raw: unknown;
	let chain: SnapshotChain | undefined;
	if (!summary.parts) {
		try {
			raw = JSON.parse((rows[0] as SnapshotData).data);
		} catch {
			throw unreadable('its data is not JSON.');
		}
	} else {
		const cards = new Map<string, StoredCard>();
		const reviews: StoredReview[] = [];
		const chunks: ChainChunk[] = [];
		let meta: Meta | undefined;
		for (const row of rows as SnapshotPart[]) {
			if (row.kind === 'reviews') {
				for (const r of unpack<StoredReview[]>(row.bytes)) reviews.push(r);
				chunks.push({ id: row.id, last: row.last!, count: row.count });
			} else if (row.kind === 'cards') {
				for (const c of unpack<StoredCard[]>(row.bytes)) cards.set(c.id, c);
			} else meta = unpack<Meta>(row.bytes);
		}
		if (!meta) throw unreadable('it has no settings part.');
		for (const c of meta.cards) cards.set(c.id, c);
		raw = {
			format: BACKUP_FORMAT,
			version: meta.version ?? 1,
			exported: meta.exported,
			cards: [...cards.values()],
			reviews,
			settings: meta.settings,
			words: meta.words,
			...(meta.articles ? { articles: meta.articles, meanings: meta.meanings ?? [] } : {})
		};
		if (chunks.length) chain = { lastId: chunks.at(-1)!.last, count: reviews.length, chunks };
	}
	const checked = checkBackup(raw);
	if (!checked.ok) throw unreadable(checked.error);
	return { backup: checked.backup, chain };
}

/**
 * Replaces everything with a snapshot, in one transaction (`applyImport`). The database then holds
 * exactly the snapshot's reviews, so the chain carries on from that snapshot's chunks.
 */
export async function restoreSnapshot(db: KartuDB, id: string): Promise<ImportSummary> {
	const summary = await exclusive(async () => {
		const { backup, chain } = await readSnapshot(db, id);
		const result = await applyImport(db, backup, 'replace');
		if (chain) await db.settings.put({ key: CHAIN_KEY, value: chain });
		return result;
	}, false);
	return summary!;
}

/** Whether today's automatic snapshot is still to be taken: none for `now`'s day yet, and reviews to keep. */
export async function snapshotDue(db: KartuDB, now: Date): Promise<boolean> {
	return !(await db.snapshots.get(snapshotDay(now))) && (await db.reviews.limit(1).count()) > 0;
}
