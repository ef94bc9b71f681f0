// Live sync: while any page of Kartu is open and the learner turned it on, a sync every minute,
// when the browser comes back online, and soon after the page is shown again. The layout starts it
// only when the localStorage hint says live sync is on, so that a learner without sync loads
// nothing of it; the sync itself then checks the saved setup (a stale hint syncs nothing).

import { ready } from './app';
import { liveSyncHinted } from './live-sync-hint';

export { LIVE_SYNC_HINT } from './live-sync-hint';
const EVERY = 60_000;

let stop: (() => void) | undefined;

/** Starts live sync if the hint says it is on (once per page). */
export function startLiveSync(): void {
	if (stop || !liveSyncHinted()) return;
	let failures = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const once = async () => {
		clearTimeout(timer);
		const { runSync } = await import('../sync/job');
		const result = await runSync(ready).catch((e: Error) => ({ error: e.message }));
		// Back off while the server fails: 1, 2, 4 … up to 30 minutes.
		failures = result.error ? failures + 1 : 0;
		if (stop) timer = setTimeout(once, Math.min(EVERY * 2 ** failures, 30 * EVERY));
	};
	const online = () => void once();
	const visible = () => {
		if (document.visibilityState === 'visible') void once();
	};
	addEventListener('online', online);
	document.addEventListener('visibilitychange', visible);
	stop = () => {
		clearTimeout(timer);
		removeEventListener('online', online);
		document.removeEventListener('visibilitychange', visible);
		stop = undefined;
	};
	timer = setTimeout(once, 2000);
}

/** After the learner changed the setup: stops live sync, and starts it again if it is on. */
export function restartLiveSync(): void {
	stop?.();
	startLiveSync();
}
