// Live sync: while any page of Kartu is open and the learner turned it on, a worker that stays
// (sync/job.ts `startLive`) syncs at once, then again at each change on the server (long polling)
// and soon after each answer or change here, when the browser comes back online and when the page
// is shown again; while the server fails it backs off (1 s, 2 s, 4 s … up to 30 minutes). The
// layout starts it only when the localStorage hint says live sync is on, so that a learner without
// sync loads nothing of it; the sync itself then checks the saved setup (a stale hint syncs nothing).

import { DB_NAME, STORE } from '../db/names';
import { onTablesChanged } from '../db/live';
import type { SyncResult } from '../db/sync';
import { liveSyncHinted } from './live-sync-hint';

export { LIVE_SYNC_HINT } from './live-sync-hint';

let stop: (() => void) | undefined;
const listeners = new Set<(r: SyncResult) => void>();

/** Hears each live sync's result (Settings shows the last); returns the unsubscribe. */
export function onLiveResult(listener: (r: SyncResult) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Starts live sync if the hint says it is on (once per page). */
export function startLiveSync(): void {
	if (stop || !liveSyncHinted()) return;
	let stopped = false;
	let end = () => {
		stopped = true;
	};
	stop = () => {
		end();
		stop = undefined;
	};
	void import('../sync/job').then(({ startLive }) => {
		if (stopped) return;
		const live = startLive((r) => listeners.forEach((l) => l(r)));
		if (!live) return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		// The answers and changes the sync carries; a burst of writes is one push.
		const off = onTablesChanged(DB_NAME, [STORE.reviews, STORE.changes], () => {
			clearTimeout(timer);
			timer = setTimeout(() => live.push(), 100);
		});
		const urgent = () => live.push(true);
		const visible = () => {
			if (document.visibilityState === 'visible') urgent();
		};
		addEventListener('online', urgent);
		document.addEventListener('visibilitychange', visible);
		end = () => {
			clearTimeout(timer);
			off();
			removeEventListener('online', urgent);
			document.removeEventListener('visibilitychange', visible);
			live.stop();
		};
	});
}

/** After the learner changed the setup: stops live sync, and starts it again if it is on. */
export function restartLiveSync(): void {
	stop?.();
	startLiveSync();
}
