// Automatic backups inside IndexedDB, like Anki's: at most one a day, the last seven kept.

import { backupFileName, parseBackup, serialiseBackup } from '../backup/format';
import { applyImport, exportBackup, type ImportSummary } from './backup';
import type { KartuDB, StoredSnapshot } from './schema';

export const SNAPSHOTS_KEPT = 7;

/** The local date of `now` as YYYY-MM-DD (the snapshot's id). */
export function localDay(now: Date): string {
	return backupFileName(now).slice('kartu-backup-'.length, -'.json'.length);
}

/**
 * Takes today's snapshot if there is none yet and the learner has reviewed anything, then keeps only
 * the newest seven. Returns the snapshot taken, if any.
 */
export async function takeSnapshot(db: KartuDB, now = new Date()): Promise<StoredSnapshot | undefined> {
	const id = localDay(now);
	if (await db.snapshots.get(id)) return undefined;
	if ((await db.reviews.count()) === 0) return undefined;
	const backup = await exportBackup(db, now);
	const snapshot: StoredSnapshot = { id, time: now, cards: backup.cards.length, reviews: backup.reviews.length };
	const data = serialiseBackup(backup);
	await db.transaction('rw', db.snapshots, db.snapshotData, async () => {
		await db.snapshots.put(snapshot);
		await db.snapshotData.put({ id, data });
		const ids = (await db.snapshots.toCollection().primaryKeys()).sort();
		const old = ids.slice(0, Math.max(0, ids.length - SNAPSHOTS_KEPT));
		await db.snapshots.bulkDelete(old);
		await db.snapshotData.bulkDelete(old);
	});
	return snapshot;
}

/** The snapshots, newest first (their summaries: the data is not read). */
export async function listSnapshots(db: KartuDB): Promise<StoredSnapshot[]> {
	return (await db.snapshots.toArray()).sort((a, b) => b.id.localeCompare(a.id));
}

/** Replaces everything with a snapshot, in one transaction. */
export async function restoreSnapshot(db: KartuDB, id: string): Promise<ImportSummary> {
	const snapshot = await db.snapshotData.get(id);
	if (!snapshot) throw new Error(`There is no snapshot of ${id}.`);
	const parsed = parseBackup(snapshot.data);
	if (!parsed.ok) throw new Error(`The snapshot of ${id} cannot be read: ${parsed.error}`);
	return applyImport(db, parsed.backup, 'replace');
}
