// The home page's counts, kept live: an answer given in another tab shows here too.

import { liveQuery } from 'dexie';
import { homeCounts, type HomeCounts } from '../db/cards';
import { ready, storageMessage } from './app';

export class HomeStats {
	counts = $state.raw<HomeCounts | undefined>();
	error = $state<string | undefined>();

	/** Call during component setup: the subscription ends with the component. */
	constructor() {
		$effect(() => {
			let sub: { unsubscribe(): void } | undefined;
			let stopped = false;
			ready().then(
				(db) => {
					if (stopped) return;
					sub = liveQuery(() => homeCounts(db, new Date())).subscribe({
						next: (c) => (this.counts = c),
						error: (e) => (this.error = storageMessage(e))
					});
				},
				(e: Error) => (this.error = e.message)
			);
			return () => {
				stopped = true;
				sub?.unsubscribe();
			};
		});
	}
}
