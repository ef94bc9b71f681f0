// One way for state classes to keep a database query live (across tabs too), once the database is ready.

import { watchQuery } from '../db/live';
import type { KartuDB } from '../db/schema';
import { ready, storageMessage } from './app';

/**
 * Once the database is ready, `setup` may read what the query needs (settings, a scheduler) and
 * returns the query; every result goes to `next`, every failure to `fail` as a message for the
 * learner. Call it in an `$effect` (a state class's `watch()`), reading there the state the query
 * depends on, so that it is made again when that changes. Returns the cleanup.
 */
export function subscribeLive<T>(
	setup: (db: KartuDB) => (() => Promise<T>) | Promise<() => Promise<T>>,
	next: (value: T) => void,
	fail: (message: string) => void
): () => void {
	let unsubscribe: (() => void) | undefined;
	let stopped = false;
	ready()
		.then(async (db) => {
			const query = await setup(db);
			if (stopped) return;
			unsubscribe = watchQuery(query, next, (e) => fail(storageMessage(e)));
		})
		.catch((e: Error) => fail(e.message));
	return () => {
		stopped = true;
		unsubscribe?.();
	};
}
