// The statistics page's state: the figures, computed once the database is ready, and the progress
// of summing the history again when it must be (after an import or an upgrade).

import { loadSettings } from '../db/settings';
import { computeStats, type Stats } from '../db/stats';
import type { KartuDB } from '../db/schema';
import { ready, storageMessage } from './app';

export type { Stats };

export class StatsState {
	stats = $state.raw<Stats>();
	error = $state<string>();
	/** Share of the history summed, while it is being summed again. */
	summing = $state<number>();

	/** Computes the statistics for `now`; `open` gives the database (the app's, once ready). */
	async load(now = new Date(), open: () => Promise<KartuDB> = ready): Promise<void> {
		try {
			const db = await open();
			this.stats = await computeStats(
				db,
				now,
				await loadSettings(db),
				(share) => (this.summing = share)
			);
		} catch (e) {
			this.error = storageMessage(e);
		}
	}
}
