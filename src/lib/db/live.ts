// Watching the database: a query kept live (Dexie's liveQuery, which also sees other tabs' writes),
// and a signal after every committed write, so that code outside db/ never needs Dexie itself.

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
