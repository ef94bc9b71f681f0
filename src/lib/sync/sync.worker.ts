// Syncs off the main thread: opens the same database with the same KartuDB class and runs syncOnce,
// once ('sync', answered with what it moved) or live ('live': a sync, then a wait for the server's
// next change (CouchDB's long-polling `_changes`) or a 'push' from the page after a local write,
// and again; each result posted as it comes). Started by job.ts. Its connections go only to the
// server set up on Settings (syncOnce checks the address first; the credentials go nowhere else)
// and to the site itself, for the build's decks.

import { closeForUpgrades, closeIfNewer } from '../db/live';
import { KartuDB } from '../db/schema';
import { loadSync, type SyncResult } from '../db/sync';
import type { Deck } from '../cards';
import { Couch } from './couch';
import { syncOnce } from './run';

export type SyncRequest =
	| { type: 'sync' | 'live'; decks: string }
	/** After a local write (`urgent`: back online or shown again, which also ends a back-off). */
	| { type: 'push'; urgent?: boolean };
export type SyncReply = { ok: true; result: SyncResult } | { ok: false; error: string };

/** Longest wait for the server's next change before syncing anyway (CouchDB's long-poll timeout). */
const POLL_MS = 25_000;
/** Back-off while syncs fail: 1 s, 2 s, 4 s … at most 30 minutes. */
export const backOff = (failures: number) => Math.min(1000 * 2 ** (failures - 1), 30 * 60_000);

let wake: ((urgent: boolean) => void) | undefined;
let pushed = false;

onmessage = async (e: MessageEvent<SyncRequest>) => {
	const m = e.data;
	if (m.type === 'push') {
		pushed = true;
		wake?.(!!m.urgent);
		return;
	}
	const bundled = decksFrom(m.decks);
	const db = new KartuDB();
	closeForUpgrades(db, () => close());
	try {
		await db.open();
		if (closeIfNewer(db)) throw new Error('a newer version of Kartu has upgraded the database');
		if (m.type === 'sync') {
			postMessage({ ok: true, result: await syncOnce(db, () => new Date(), { bundled }) });
			db.close();
			return;
		}
		await live(db, bundled);
	} catch (err) {
		postMessage({ ok: false, error: (err as Error)?.message ?? String(err) } satisfies SyncReply);
		db.close();
	}
};

async function live(db: KartuDB, bundled: () => Promise<Deck[]>): Promise<never> {
	let failures = 0;
	for (;;) {
		pushed = false;
		const result = await syncOnce(db, () => new Date(), { bundled });
		postMessage({ ok: true, result } satisfies SyncReply);
		failures = result.error ? failures + 1 : 0;
		if (pushed && !failures) continue; // written while syncing: send it now
		const stop = new AbortController();
		wake = (urgent) => {
			if (urgent || !failures) stop.abort();
		};
		if (failures) await sleep(backOff(failures), stop.signal);
		else await serverChange(db, stop.signal);
		wake = undefined;
	}
}

/** Resolves at the server's next change after this device's checkpoint, or at `signal`. */
async function serverChange(db: KartuDB, signal: AbortSignal): Promise<void> {
	const row = await loadSync(db);
	if (!row) return sleep(POLL_MS, signal);
	const started = Date.now();
	try {
		await new Couch({ ...row.config, attempts: 1 }).waitForChange(
			row.progress.since,
			POLL_MS,
			signal
		);
	} catch {
		// The next sync says what is wrong; not at once, though, if the wait failed at once.
		if (!signal.aborted && Date.now() - started < 1000) await sleep(1000, signal);
	}
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const t = setTimeout(resolve, ms);
		signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
	});
}

function decksFrom(url: string): () => Promise<Deck[]> {
	let decks: Promise<Deck[]> | undefined;
	return () =>
		(decks ??= fetch(url).then(async (r) => {
			if (!r.ok) throw new Error(`the site's decks.json could not be read (${r.status})`);
			return ((await r.json()) as { decks: Deck[] }).decks;
		}));
}
