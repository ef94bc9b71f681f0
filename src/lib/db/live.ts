// Watching the database: a query kept live (Dexie's liveQuery, which also sees other tabs' writes),
// a signal after every committed write, and a newer version's upgrade from another tab, so that code
// outside db/ never needs Dexie itself.

import Dexie, { liveQuery } from 'dexie';

/** Runs `query` now and again after every write that could change its result; returns the unsubscribe. */
export function watchQuery<T>(
	query: () => Promise<T>,
	next: (value: T) => void,
	error: (e: unknown) => void
): () => void {
	const sub = liveQuery(query).subscribe({ next, error });
	return () => sub.unsubscribe();
}

/** Calls `changed` once a transaction has committed a write, in this tab or another. */
export function onDatabaseChanged(changed: () => void): void {
	Dexie.on('storagemutated', changed);
}

/**
 * Calls `changed` once a transaction has committed a write to one of `tables` of the database
 * `db` (by name), in this tab or another; returns the unsubscribe.
 */
export function onTablesChanged(db: string, tables: string[], changed: () => void): () => void {
	const prefixes = tables.map((t) => `idb://${db}/${t}/`);
	const listener = (parts: Record<string, unknown>) => {
		if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) changed();
	};
	Dexie.on('storagemutated', listener);
	return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/**
 * Keeps this connection out of the way of a newer version's upgrade: when another tab opens the
 * database at a higher schema version (or deletes it), the connection closes at once, so the
 * upgrade is not blocked, and stays closed (Dexie's own handler would let the next query reopen it
 * at the new version and write with this version's schema); then `upgraded` is called.
 */
export function closeForUpgrades(db: Dexie, upgraded: () => void): void {
	db.on('versionchange', () => {
		db.close({ disableAutoOpen: true });
		upgraded();
		return false; // Dexie's default handler, which would allow reopening, does not run
	});
}

/**
 * Closes the database for good and says true when it was opened at a schema newer than this
 * version of Kartu knows (a newer version upgraded it in another tab): Dexie opens it all the same,
 * but this version must not write to it.
 */
export function closeIfNewer(db: Dexie): boolean {
	// Dexie's version N is IndexedDB's 10 × N (+ 1 when Dexie patched a schema in place).
	const newer = Math.floor(db.backendDB().version / 10) > db.verno;
	if (newer) db.close({ disableAutoOpen: true });
	return newer;
}
