// The one name the layout needs to decide whether to load live sync at all (state/live-sync.ts),
// in a module of its own so that the layout imports nothing else of sync.

/** localStorage key: '1' while live sync is on (a hint for the layout; the database decides). */
export const LIVE_SYNC_HINT = 'kartu:sync-live';

/** Whether the layout should load live sync. */
export function liveSyncHinted(): boolean {
	try {
		return localStorage.getItem(LIVE_SYNC_HINT) === '1';
	} catch {
		return false;
	}
}
