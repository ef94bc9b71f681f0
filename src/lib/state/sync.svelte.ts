// Settings → Sync: the server's address, user name and password, "Sync now", live sync on or off,
// what the last sync moved, and "Forget this server". Off until the learner sets it up: until then
// nothing is sent anywhere, and the sync code (lib/sync/job.ts) is not even loaded.

import { forgetSync, loadSync, saveSyncConfig, type SyncResult } from '../db/sync';
import { serverProblem } from '../sync/merge';
import { ready, storageMessage } from './app';
import { LIVE_SYNC_HINT, onLiveResult, restartLiveSync } from './live-sync';

export type { SyncResult };

export class SyncSettings {
	loaded = $state(false);
	/** Whether a server is set up (saved). */
	configured = $state(false);
	url = $state('');
	user = $state('');
	/** Empty when a saved password is kept: it is never shown again. */
	password = $state('');
	hasPassword = $state(false);
	live = $state(false);
	running = $state(false);
	last = $state.raw<SyncResult>();
	/** A problem with the form (not with the server: that is `last.error`). */
	problem = $state('');

	constructor() {
		void this.load();
	}

	async load(): Promise<void> {
		try {
			const row = await loadSync(await ready());
			this.configured = !!row;
			this.url = row?.config.url ?? '';
			this.user = row?.config.user ?? '';
			this.hasPassword = !!row?.config.password;
			this.password = '';
			this.live = row?.config.live ?? false;
			this.last = row?.progress.last;
		} catch (e) {
			this.problem = storageMessage(e);
		}
		this.loaded = true;
	}

	/** Saves the server and syncs at once; says what is wrong with the form instead, if anything. */
	async save(): Promise<void> {
		const url = this.url.trim();
		this.problem = serverProblem(url) ?? (this.user.trim() ? '' : 'Give the user name.');
		if (this.problem) return;
		const db = await ready();
		const row = await loadSync(db);
		const password = this.password || (row?.config.url === url ? row.config.password : '');
		if (!password) {
			this.problem = 'Give the password.';
			return;
		}
		await saveSyncConfig(db, { url, user: this.user.trim(), password, live: this.live });
		localStorage.setItem(LIVE_SYNC_HINT, this.live ? '1' : '');
		this.configured = true;
		this.hasPassword = true;
		this.password = '';
		await this.syncNow();
		restartLiveSync();
	}

	async syncNow(): Promise<void> {
		if (!this.configured || this.running) return;
		this.running = true;
		try {
			const { runSync } = await import('../sync/job');
			this.last = await runSync(ready);
		} catch (e) {
			this.last = { time: new Date(), sent: 0, received: 0, error: (e as Error).message };
		} finally {
			this.running = false;
		}
	}

	/** Shows each live sync's result as it comes (from the panel's `$effect`); returns the unsubscribe. */
	watchLive(): () => void {
		return onLiveResult((r) => {
			if (this.configured && !this.running) this.last = r;
		});
	}

	/** Removes the address and credentials; every card, answer and setting here stays. */
	async forget(): Promise<void> {
		await forgetSync(await ready());
		localStorage.removeItem(LIVE_SYNC_HINT);
		restartLiveSync();
		this.configured = false;
		this.url = this.user = this.password = '';
		this.hasPassword = this.live = false;
		this.last = undefined;
	}
}

/** "12 answers sent, 30 received", as the last sync's summary says it. */
export function movedText(r: Pick<SyncResult, 'sent' | 'received' | 'marks'>): string {
	const n = (k: number) => (k === 1 ? '1 answer' : `${k} answers`);
	const marks = r.marks
		? `; ${r.marks === 1 ? '1 other change' : `${r.marks} other changes`} taken (marks, meanings, suspensions, settings, articles, undos)`
		: '';
	return `${n(r.sent)} sent, ${r.received} received${marks}`;
}
