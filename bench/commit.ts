// npm run bench:commit — what one small IndexedDB commit costs the browser on a seeded collection's
// profile: the answer journal's write (db/journal.ts), one 2 kB put committed at once, 20 times 200 ms
// apart, traced (CDP Tracing), and the browser process's CPU time in its IndexedDB tasks summed per
// commit. Into a database in the collection's own origin (where the journal was: the same store on
// disk as the collection), and into a database in a Storage Bucket of its own (where it is now).
// Used by bench/scale.ts at each size; alone: SIZE (10000) or PROFILE (a seeded profile kept with
// `KEEP=1 RUNS=0 npm run bench:cold`, served on the port it was seeded at: BENCH_PORT).

import { serveBuild, median, fmt } from './lib';
import { coldCopy, firstPage, launchProfile, removeProfile } from './page';
import { seedProfile } from './scale';
import { startTrace, stopTrace, type TraceEvent } from './trace';

export interface CommitCost {
	/** Browser CPU (ms) per commit in IndexedDB tasks, median over the puts. */
	collection: number;
	bucket: number;
	puts: number;
}

/**
 * The puts, run in the page, each after a user-timing mark: `where` is 'collection' or 'bucket'.
 * A string, not a function: see bench/cold.ts.
 */
const PUTS = (where: string, puts: number) => `(async () => {
	const factory = ${JSON.stringify(where)} === 'bucket'
		? (await navigator.storageBuckets.open('kartu-bench-commit')).indexedDB
		: indexedDB;
	const db = await new Promise((resolve, reject) => {
		const r = factory.open('kartu-bench-commit', 1);
		r.onupgradeneeded = () => r.result.createObjectStore('s');
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
	for (let i = 0; i < ${puts}; i++) {
		performance.mark('kartu-bench-put');
		const tx = db.transaction('s', 'readwrite');
		tx.objectStore('s').put({ i, text: 'x'.repeat(2000) }, 'k' + i);
		tx.commit();
		await new Promise((r) => (tx.oncomplete = r));
		await new Promise((r) => setTimeout(r, 200));
	}
	db.close();
	await new Promise((r) => { const d = factory.deleteDatabase('kartu-bench-commit'); d.onsuccess = d.onerror = r; });
})()`;

/** Browser-process CPU (ms) in IndexedDB tasks in each put's 200 ms window. */
function perCommit(events: TraceEvent[], puts: number): number {
	const browser = events.find(
		(e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Browser'
	)?.pid;
	const tasks = events.filter(
		(e) =>
			e.pid === browser &&
			e.ph === 'X' &&
			e.name === 'ThreadPool_RunTask' &&
			/indexed_db/.test(String((e.args as { src_file?: string } | undefined)?.src_file ?? ''))
	) as (TraceEvent & { tdur?: number })[];
	const marks = events
		.filter((e) => e.name === 'kartu-bench-put')
		.map((e) => e.ts)
		.sort((a, b) => a - b);
	if (marks.length !== puts) throw new Error(`${marks.length} of ${puts} puts traced`);
	return median(
		marks.map(
			(t) =>
				tasks
					.filter((e) => e.ts >= t && e.ts < t + 200_000)
					.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000
		)
	);
}

/** The cost of a commit into the collection's origin and into a bucket, on a copy of `profile`. */
export async function measureCommitCost(
	baseUrl: string,
	profile: string,
	puts = 20
): Promise<CommitCost> {
	const dir = coldCopy(profile, 'commit');
	const context = await launchProfile(dir, { serviceWorkers: 'block' });
	try {
		const page = await firstPage(context);
		// A page of the app's origin that opens no database of its own.
		await page.goto(baseUrl + '/decks.json');
		const out: Partial<CommitCost> = { puts };
		for (const where of ['collection', 'bucket'] as const) {
			const cdp = await context.newCDPSession(page);
			await startTrace(cdp);
			await page.evaluate(PUTS(where, puts));
			const events = await stopTrace(cdp);
			await cdp.detach();
			out[where] = perCommit(events, puts);
		}
		return out as CommitCost;
	} finally {
		await context.close();
		removeProfile(dir);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const size = Number(process.env.SIZE ?? 10_000);
	const server = await serveBuild(Number(process.env.BENCH_PORT ?? 4398));
	const seeded = process.env.PROFILE ? undefined : await seedProfile(server.url, size);
	try {
		const cost = await measureCommitCost(server.url, process.env.PROFILE ?? seeded!.dir);
		console.log(
			`browser CPU per commit (median of ${cost.puts}): collection's origin ${fmt(cost.collection, 2)} ms, journal bucket ${fmt(cost.bucket, 2)} ms`
		);
	} finally {
		if (seeded) removeProfile(seeded.dir);
		server.stop();
	}
}
