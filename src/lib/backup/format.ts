// Kartu's backup file: everything the learner has, as versioned JSON, and a validator that reads
// the whole file before anything is written, naming the first problem it finds.
//
// Versions: 1 kept one set of cards per article and headword (ids `slug/headword/kind`, one
// `article` per card); 2 keeps one per headword (ids `headword/kind`, `articles` per card), as
// schema 6 does. A version-1 file is read as version 2: its cards mapped as the schema upgrade maps
// them (db/legacy-cards.ts), its reviews following their cards' new ids.

import { cardIdFromV1 } from '../cards';
import { fromLegacyCards, type LegacyCard } from '../db/legacy-cards';

export const BACKUP_FORMAT = 'kartu-backup';
export const BACKUP_VERSION = 2;
/** Larger files are refused before they are read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The FSRS card state as stored, with dates. */
export interface BackupFsrs {
	due: Date;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: number;
	last_review?: Date;
}

export interface BackupCard {
	id: string;
	/** The articles whose decks have the card (version 1: one `article`, mapped when read). */
	articles: string[];
	sibling: string;
	position: number;
	content: Record<string, unknown> & { headword: string; kind: string };
	fsrs: BackupFsrs;
	suspended: boolean;
	retired: boolean;
	mark?: 'known' | 'ignored';
	queue: number;
}

export interface BackupReview {
	id: string;
	cardId: string;
	grade: number;
	time: Date;
	ms: number;
	before: BackupFsrs;
	after: BackupFsrs;
	practice?: boolean;
}

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	exported: Date;
	cards: BackupCard[];
	reviews: BackupReview[];
	settings: { key: string; value: unknown }[];
	words: { headword: string; mark: 'known' | 'ignored'; time: Date }[];
}

/** The backup as JSON text; dates become ISO strings. */
export function serialiseBackup(b: Omit<Backup, 'format' | 'version'>): string {
	return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...b });
}

/** A file name with the date: kartu-backup-2026-11-27.json. */
export function backupFileName(now: Date): string {
	const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
	return `kartu-backup-${d}.json`;
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

class Invalid extends Error {}

/**
 * Reads and checks a whole backup file. Nothing is written by this function; callers write only
 * an `ok` result.
 * @example parseBackup('{}') → { ok: false, error: 'This is not a Kartu backup (no "format": "kartu-backup").' }
 */
export function parseBackup(text: string, byteLength = text.length): ParseResult {
	if (byteLength > MAX_BACKUP_BYTES) {
		return {
			ok: false,
			error: `The file is ${(byteLength / 1024 / 1024).toFixed(0)} MB; a Kartu backup can be at most 50 MB.`
		};
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The file is not JSON, so it is not a Kartu backup.' };
	}
	return checkBackup(raw);
}

/**
 * Checks a backup already parsed from JSON (dates still ISO strings), as `parseBackup` does for a
 * file, and returns it with dates. Used for backups assembled from parts, which have no size limit.
 * @example checkBackup({ format: 'anki' }) → { ok: false, error: 'This is not a Kartu backup (no "format": "kartu-backup").' }
 */
export function checkBackup(raw: unknown): ParseResult {
	try {
		return { ok: true, backup: check(raw) };
	} catch (e) {
		if (e instanceof Invalid) return { ok: false, error: e.message };
		throw e;
	}
}

function check(raw: unknown): Backup {
	const root = obj(raw, 'the file');
	if (root.format !== BACKUP_FORMAT)
		throw new Invalid(`This is not a Kartu backup (no "format": "${BACKUP_FORMAT}").`);
	if (typeof root.version !== 'number' || !Number.isInteger(root.version))
		throw new Invalid('The backup has no format version.');
	if (root.version > BACKUP_VERSION) {
		throw new Invalid(
			`This backup was made by a newer Kartu (format version ${root.version}); this Kartu reads version ${BACKUP_VERSION}. Update Kartu first.`
		);
	}
	const v1 = root.version === 1;
	let cards = arr(root.cards, 'cards').map((c, i) => card(c, `cards[${i}]`, v1));
	const ids = new Set<string>();
	for (const c of cards) {
		if (ids.has(c.id)) throw new Invalid(`The card "${c.id}" appears twice.`);
		ids.add(c.id);
	}
	const reviews = arr(root.reviews, 'reviews').map((r, i) => review(r, `reviews[${i}]`));
	const settings = arr(root.settings, 'settings').map((s, i) => {
		const o = obj(s, `settings[${i}]`);
		return { key: str(o.key, `settings[${i}].key`), value: o.value };
	});
	if (v1) {
		for (const r of reviews) {
			if (!ids.has(r.cardId))
				throw new Invalid(
					`A review (${r.id}) is for the card "${r.cardId}", which is not in the backup.`
				);
			r.cardId = cardIdFromV1(r.cardId);
		}
		const order = settings.find((s) => s.key === 'articles')?.value;
		cards = fromLegacyCards(
			cards as unknown as LegacyCard[],
			Array.isArray(order) ? order.filter((a): a is string => typeof a === 'string') : []
		) as unknown as BackupCard[];
		ids.clear();
		for (const c of cards) ids.add(c.id);
	}
	const reviewIds = new Set<string>();
	for (const r of reviews) {
		if (reviewIds.has(r.id)) throw new Invalid(`The review "${r.id}" appears twice.`);
		reviewIds.add(r.id);
		if (!ids.has(r.cardId))
			throw new Invalid(
				`A review (${r.id}) is for the card "${r.cardId}", which is not in the backup.`
			);
	}
	const words = arr(root.words ?? [], 'words').map((w, i) => {
		const o = obj(w, `words[${i}]`);
		const mark = o.mark;
		if (mark !== 'known' && mark !== 'ignored')
			throw new Invalid(`words[${i}].mark must be "known" or "ignored".`);
		return {
			headword: str(o.headword, `words[${i}].headword`),
			mark: mark as 'known' | 'ignored',
			time: date(o.time, `words[${i}].time`)
		};
	});
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exported: date(root.exported, 'exported'),
		cards,
		reviews,
		settings,
		words
	};
}

/** A card; of a version-1 file (`v1`), with its one `article`, as a LegacyCard to be mapped. */
function card(raw: unknown, at: string, v1: boolean): BackupCard {
	const o = obj(raw, at);
	const content = obj(o.content, `${at}.content`);
	str(content.headword, `${at}.content.headword`);
	str(content.kind, `${at}.content.kind`);
	const mark = o.mark;
	if (mark !== undefined && mark !== 'known' && mark !== 'ignored')
		throw new Invalid(`${at}.mark must be "known" or "ignored".`);
	return {
		id: str(o.id, `${at}.id`),
		// A version-1 card's `articles` come from its one `article` when it is mapped (check).
		...(v1
			? { article: str(o.article, `${at}.article`), articles: [] }
			: { articles: articles(o.articles, at) }),
		sibling: str(o.sibling, `${at}.sibling`),
		position: num(o.position, `${at}.position`),
		content: content as BackupCard['content'],
		fsrs: fsrs(o.fsrs, `${at}.fsrs`),
		suspended: bool(o.suspended, `${at}.suspended`),
		retired: bool(o.retired, `${at}.retired`),
		...(mark ? { mark: mark as 'known' | 'ignored' } : {}),
		queue: num(o.queue, `${at}.queue`)
	};
}

function articles(v: unknown, at: string): string[] {
	if (!Array.isArray(v) || !v.length)
		throw new Invalid(`${at}.articles must be a list of articles.`);
	return v.map((a, i) => str(a, `${at}.articles[${i}]`));
}

function review(raw: unknown, at: string): BackupReview {
	const o = obj(raw, at);
	const grade = num(o.grade, `${at}.grade`);
	if (![1, 2, 3, 4].includes(grade)) throw new Invalid(`${at}.grade must be 1, 2, 3 or 4.`);
	return {
		id: str(o.id, `${at}.id`),
		cardId: str(o.cardId, `${at}.cardId`),
		grade,
		time: date(o.time, `${at}.time`),
		ms: num(o.ms, `${at}.ms`),
		before: fsrs(o.before, `${at}.before`),
		after: fsrs(o.after, `${at}.after`),
		...(o.practice === true ? { practice: true } : {})
	};
}

function fsrs(raw: unknown, at: string): BackupFsrs {
	const o = obj(raw, at);
	const state = num(o.state, `${at}.state`);
	if (![0, 1, 2, 3].includes(state)) throw new Invalid(`${at}.state must be 0, 1, 2 or 3.`);
	return {
		due: date(o.due, `${at}.due`),
		stability: num(o.stability, `${at}.stability`),
		difficulty: num(o.difficulty, `${at}.difficulty`),
		elapsed_days: num(o.elapsed_days, `${at}.elapsed_days`),
		scheduled_days: num(o.scheduled_days, `${at}.scheduled_days`),
		learning_steps: num(o.learning_steps ?? 0, `${at}.learning_steps`),
		reps: num(o.reps, `${at}.reps`),
		lapses: num(o.lapses, `${at}.lapses`),
		state,
		...(o.last_review !== undefined && o.last_review !== null
			? { last_review: date(o.last_review, `${at}.last_review`) }
			: {})
	};
}

function obj(v: unknown, at: string): Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v))
		throw new Invalid(`${at} must be an object.`);
	return v as Record<string, unknown>;
}
function arr(v: unknown, at: string): unknown[] {
	if (!Array.isArray(v)) throw new Invalid(`The backup has no "${at}" list.`);
	return v;
}
function str(v: unknown, at: string): string {
	if (typeof v !== 'string' || !v) throw new Invalid(`${at} is missing or not text.`);
	return v;
}
function num(v: unknown, at: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v))
		throw new Invalid(`${at} is missing or not a number.`);
	return v;
}
function bool(v: unknown, at: string): boolean {
	if (typeof v !== 'boolean') throw new Invalid(`${at} is missing or not true/false.`);
	return v;
}
function date(v: unknown, at: string): Date {
	const d = typeof v === 'string' || v instanceof Date ? new Date(v) : undefined;
	if (!d || Number.isNaN(d.getTime())) throw new Invalid(`${at} is missing or not a date.`);
	return d;
}
