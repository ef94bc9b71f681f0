// Runs sync in a module worker, so the page only starts it and hears what it moved: once ("Sync
// now", `runSync`) or live (`startLive`: a worker that stays, syncing at each change on the server
// and after each write here); on the main thread only where there are no workers (tests under
// Node). Loaded only once sync is set up (state/sync.svelte.ts, state/live-sync.ts import it
// dynamically): the home page never pays for it.

import { base } from '$app/paths';
import type { KartuDB } from '../db/schema';
import type { SyncResult } from '../db/sync';
import type { Deck } from '../cards';
import type { SyncReply, SyncRequest } from './sync.worker';

/** One sync at a time per page: a second caller gets the one under way. */
let running: Promise<SyncResult> | undefined;

const decksUrl = () => new URL(`${base}/decks.json`, location.href).href;

function worker(): Worker | undefined {
	try {
		return new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return undefined;
	}
}

export function runSync(database: () => Promise<KartuDB>): Promise<SyncResult> {
	running ??= (async () => {
		if (typeof Worker !== 'undefined') {
			const reply = await inWorker();
			if (reply) return reply;
		}
		const [{ syncOnce }, db] = await Promise.all([import('./run'), database()]);
		const bundled = async () =>
			((await (await fetch(decksUrl())).json()) as { decks: Deck[] }).decks;
		return syncOnce(db, () => new Date(), { bundled });
	})().finally(() => (running = undefined));
	return running;
}

function inWorker(): Promise<SyncResult | undefined> {
	return new Promise((resolve, reject) => {
		const w = worker();
		if (!w) return resolve(undefined);
		w.onmessage = (e: MessageEvent<SyncReply>) => {
			w.terminate();
			if (e.data.ok) resolve(e.data.result);
			else reject(new Error(e.data.error));
		};
		w.onerror = (e) => {
			e.preventDefault();
			w.terminate();
			resolve(undefined);
		};
		w.postMessage({ type: 'sync', decks: decksUrl() } satisfies SyncRequest);
	});
}

/** Live sync in a worker of its own: `push` after a local write, `stop` to end it. */
export interface LiveSync {
	push(urgent?: boolean): void;
	stop(): void;
}

/** Starts live sync; `result` hears each sync's result. Undefined where there are no workers. */
export function startLive(result: (r: SyncResult) => void): LiveSync | undefined {
	const w = typeof Worker === 'undefined' ? undefined : worker();
	if (!w) return undefined;
	w.onmessage = (e: MessageEvent<SyncReply>) =>
		result(
			e.data.ok ? e.data.result : { time: new Date(), sent: 0, received: 0, error: e.data.error }
		);
	w.postMessage({ type: 'live', decks: decksUrl() } satisfies SyncRequest);
	return {
		push: (urgent) => w.postMessage({ type: 'push', urgent } satisfies SyncRequest),
		stop: () => w.terminate()
	};
}
