// One way for state classes to keep a database query live (across tabs too), once the database is ready.

import { watchQuery } from '../db/live';
import type { KartuDB } from '../db/schema';
import { ready, storageMessage } from './app';

/**
 * Call during component setup. Once the database is ready, `setup` may read what the query needs
 * (settings, a scheduler) and returns the query; every result goes to `next`, every failure to
 * `fail` as a message for the learner. The subscription ends with the component.
 */
export function liveFromDb<T>(
	setup: (db: KartuDB) => (() => Promise<T>) | Promise<() => Promise<T>>,
	next: (value: T) => void,
	fail: (message: string) => void
): void {
	$effect(() => subscribeLive(setup, next, fail));
}

/**
 * The subscription itself, for an `$effect` whose query depends on state: read that state in the
 * effect, before calling this, so the query is made again when it changes. Returns the cleanup.
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
