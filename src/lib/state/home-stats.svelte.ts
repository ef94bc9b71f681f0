// The home page's counts, kept live: an answer given in another tab shows here too.

import { homeCounts, type HomeCounts } from '../db/cards';
import { liveFromDb } from './live.svelte';

export class HomeStats {
	counts = $state.raw<HomeCounts | undefined>();
	error = $state<string | undefined>();

	/** Call during component setup: the subscription ends with the component. */
	constructor() {
		// Counts the page's early script read before the app started: shown until the live query answers.
		const early = globalThis.__kartuEarly;
		if (early) {
			early.claimed = true;
			this.counts = early.homeValue;
			early.home?.then((c) => (this.counts ??= c));
		}
		liveFromDb(
			(db) => () => homeCounts(db, new Date()),
			(c) => (this.counts = c),
			(m) => (this.error = m)
		);
	}
}
