import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerNext, eachTestDatabase, T0 } from '../db/test-support';
import type { KartuDB } from '../db/schema';
import { saveSettings } from '../db/settings';
import { DEFAULT_SETTINGS, DEFAULT_WEIGHTS } from '../srs';
import type { RescheduleReply } from './reschedule.worker';
import { runReschedule } from './reschedule-job';

let db: KartuDB;
eachTestDatabase('reschedule-job', (d) => (db = d), { seeded: true });

/** Stands in for the rescheduling worker: answers what the test says. */
class FakeWorker {
	started = 0;
	terminated = false;
	onmessage: ((e: MessageEvent<RescheduleReply>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	constructor(private reply: RescheduleReply | 'fails to load') {}
	postMessage() {
		this.started++;
		queueMicrotask(() => {
			if (this.reply === 'fails to load')
				this.onerror?.({ preventDefault() {} } as unknown as ErrorEvent);
			else this.onmessage?.({ data: this.reply } as MessageEvent<RescheduleReply>);
		});
	}
	terminate() {
		this.terminated = true;
	}
}

/** Two cards learnt on day 0 and reviewed on day 3, then parameters whose memories grow faster. */
async function studied() {
	for (const at of [0, 1000, 700_000, 701_000, 3 * 86_400_000, 3 * 86_400_000 + 1000])
		await answerNext(db, new Date(T0.getTime() + at));
	const longer = DEFAULT_WEIGHTS.map((w, i) => (i === 8 ? w + 0.8 : w));
	await saveSettings(db, { ...DEFAULT_SETTINGS, weights: longer }, { source: 'optimiser' });
}

describe('runReschedule', () => {
	it('hands the work to its worker and gives back what the worker did, the page touching nothing', async () => {
		const worker = new FakeWorker({ ok: true, summary: { rescheduled: 7, unchanged: 1 } });
		const summary = await runReschedule(
			() => Promise.reject(new Error('the page must not open the database')),
			() => worker as unknown as Worker
		);
		expect(summary).toEqual({ rescheduled: 7, unchanged: 1 });
		expect([worker.started, worker.terminated]).toEqual([1, true]);
	});

	it('rejects with the worker’s error', async () => {
		const worker = new FakeWorker({ ok: false, error: 'the disk is full' });
		await expect(
			runReschedule(
				async () => db,
				() => worker as unknown as Worker
			)
		).rejects.toThrow('the disk is full');
	});

	it('does the work on the page where no worker can start, with the parameters in use', async () => {
		await studied();
		const before = (await db.cards.toArray()).filter((c) => c.fsrs.reps > 0);
		const worker = new FakeWorker('fails to load');
		const summary = await runReschedule(
			async () => db,
			() => worker as unknown as Worker
		);
		expect(summary).toEqual({ rescheduled: 2, unchanged: 0 });
		for (const old of before)
			expect((await db.cards.get(old.id))!.fsrs.due.getTime()).toBeGreaterThan(
				old.fsrs.due.getTime()
			);
		// Without workers at all (as under Node), the same.
		expect(await runReschedule(async () => db, undefined)).toEqual(summary);
	});
});
