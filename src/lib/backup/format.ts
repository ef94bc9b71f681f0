// Kartu's backup file: everything the learner has, as versioned JSON, and a validator that reads
// the whole file before anything is written, naming the first problem it finds and the field's path.
//
// Versions: 1 kept one set of cards per article and headword (ids `slug/headword/kind`, one
// `article` per card); 2 keeps one per headword (ids `headword/kind`, `articles` per card), as
// schema 6 does; 3 adds the learner's own articles (library entry, text, deck) and the meanings
// they gave headwords. All are read with the same field checks (read.ts); a version-1 file's cards
// are then mapped as the schema upgrade maps them (db/legacy-cards.ts), its reviews following their
// cards' new ids. Files of versions 1 and 2 have no articles or meanings.

import { cardIdFromV1 } from '../cards';
import { fromLegacyCards, type LegacyCard } from '../db/legacy-cards';
import { BackupError } from './fields';
import type { Clock } from './fsrs-state';
import { readParts } from './read';

export const BACKUP_FORMAT = 'kartu-backup';
export const BACKUP_VERSION = 3;
/** Larger files are refused before they are read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export type {
	Backup,
	BackupCard,
	BackupFsrs,
	BackupReview,
	BackupSetting,
	BackupWord,
	BackupArticle,
	BackupMeaning
} from './types';
import type { Backup, BackupCard } from './types';

/** The backup as JSON text; dates become ISO strings. */
export function serialiseBackup(b: Omit<Backup, 'format' | 'version'>): string {
	return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...b });
}

/** A file name with the date: kartu-backup-2026-11-27.json. */
export function backupFileName(now: Date): string {
	const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
	return `kartu-backup-${d}.json`;
}

/** A refusal names the field at fault (`cards[3].fsrs.stability`) in its message and in `path`. */
export type ParseResult =
	{ ok: true; backup: Backup } | { ok: false; error: string; path?: string };

/**
 * Reads and checks a whole backup file. Nothing is written by this function; callers write only
 * an `ok` result, which every card of can be scheduled at `now` and later.
 * @example parseBackup('{}') → { ok: false, error: 'This is not a Kartu backup (no "format": "kartu-backup").', path: 'format' }
 */
export function parseBackup(text: string, byteLength = text.length, now = new Date()): ParseResult {
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
	return checkBackup(raw, now);
}

/**
 * Checks a backup already parsed from JSON (dates still ISO strings), as `parseBackup` does for a
 * file, and returns it with dates. Used for backups assembled from parts, which have no size limit.
 * @example checkBackup({ format: 'anki' }) → { ok: false, error: 'This is not a Kartu backup (no "format": "kartu-backup").', path: 'format' }
 */
export function checkBackup(raw: unknown, now = new Date()): ParseResult {
	try {
		return { ok: true, backup: check(raw, { now }) };
	} catch (e) {
		if (e instanceof BackupError) return { ok: false, error: e.message, path: e.path };
		throw e;
	}
}

/**
 * The reader of each format version, each returning today's `Backup`. A new version adds its
 * reader here (version 2, cards keyed by headword, adds `2: readV2`); older files keep importing
 * through theirs, and their field checks (fields.ts, fsrs-state.ts) are shared.
 */
const READERS: Record<
	number,
	(root: Record<string, unknown>, clock: Clock) => Omit<Backup, 'format' | 'version'>
> = {
	1: (root, clock) => fromV1(readParts(sameVersion(root, 1, 1), clock, 1)),
	2: (root, clock) => readParts(sameVersion(root, 2, 2), clock, 2),
	3: (root, clock) => readParts(sameVersion(root, 3, 2), clock, 3)
};

/**
 * Refuses a file whose cards are of the other version than its `version` says (one `article` is
 * version 1, `articles` version 2): the version is what is wrong, not every card.
 */
function sameVersion(
	root: Record<string, unknown>,
	version: number,
	cards: 1 | 2 = version === 1 ? 1 : 2
): Record<string, unknown> {
	const first = Array.isArray(root.cards)
		? (root.cards[0] as Record<string, unknown> | undefined)
		: undefined;
	const shape =
		!first || typeof first !== 'object'
			? undefined
			: 'articles' in first
				? 2
				: 'article' in first
					? 1
					: undefined;
	if (shape !== undefined && shape !== cards)
		throw new BackupError(
			'version',
			`The backup says format version ${version}, but its cards are those of version ${shape}.`
		);
	return root;
}

/** A version-1 backup as version 2: cards keyed by headword, reviews following their cards. */
function fromV1(v1: Omit<Backup, 'format' | 'version'>): Omit<Backup, 'format' | 'version'> {
	const order = v1.settings.find((s) => s.key === 'articles')?.value;
	const cards = fromLegacyCards(
		v1.cards as unknown as LegacyCard[],
		Array.isArray(order) ? order.filter((a): a is string => typeof a === 'string') : []
	) as unknown as BackupCard[];
	const reviews = v1.reviews.map((r) => ({ ...r, cardId: cardIdFromV1(r.cardId) }));
	return { ...v1, cards, reviews };
}

function check(raw: unknown, clock: Clock): Backup {
	const root =
		typeof raw === 'object' && raw !== null && !Array.isArray(raw)
			? (raw as Record<string, unknown>)
			: {};
	if (root.format !== BACKUP_FORMAT)
		throw new BackupError(
			'format',
			`This is not a Kartu backup (no "format": "${BACKUP_FORMAT}").`
		);
	const version = root.version;
	if (typeof version !== 'number' || !Number.isInteger(version))
		throw new BackupError('version', 'The backup has no format version ("version").');
	if (version > BACKUP_VERSION) {
		throw new BackupError(
			'version',
			`This backup was made by a newer Kartu (format version ${version}); this Kartu reads version ${BACKUP_VERSION}. Update Kartu first.`
		);
	}
	const read = READERS[version];
	if (!read)
		throw new BackupError(
			'version',
			`The backup's format version ("version": ${version}) is not one Kartu ever wrote.`
		);
	return { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...read(root, clock) };
}
