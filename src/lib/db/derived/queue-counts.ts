// The number of cards in each queue, kept up to date by every write to the cards table, so that the
// home page's "learned", the card list's totals and the statistics never count index entries (a
// count over an index range reads every entry in it: about a second for 65,000 entries on disk).
//
// Each write moves the counts row by the difference between the rows it replaced and the rows it
// wrote (derived-store.ts), in the same transaction. The row is created by the schema upgrade that
// adds the store (schema.ts), and counted again through the index if it is ever missing.

import type { DBCore, DBCoreTable, DBCoreTransaction } from 'dexie';
import { INDEX, QUEUE_COUNTS_KEY, STORE } from '../names';
import { QUEUE } from '../queues';
import type { QueueCountsRow } from '../rows';
import { type DerivedStore, RANGE } from './derived-store';

/** Counts every queue through the index: only when the row is missing. */
async function recount(
	cards: DBCoreTable,
	trans: DBCoreTransaction,
	core: DBCore
): Promise<QueueCountsRow> {
	const index = cards.schema.indexes.find((i) => i.name === INDEX.queueDue);
	if (!index) throw new Error(`The cards table has no ${INDEX.queueDue} index.`);
	const n: Record<number, number> = {};
	for (const q of Object.values(QUEUE)) {
		const range = {
			type: RANGE,
			lower: [q, core.MIN_KEY],
			upper: [q, core.MAX_KEY],
			lowerOpen: false,
			upperOpen: false
		} as const;
		const c = await cards.count({ trans, query: { index, range: range as never } });
		if (c) n[q] = c;
	}
	return { key: QUEUE_COUNTS_KEY, n };
}

export const queueCountsStore: DerivedStore<{ queue?: unknown }> = {
	name: 'QueueCounts',
	source: STORE.cards,
	store: STORE.counts,
	async update({ trans, store, source, core }, { removed, added, cleared }) {
		const delta = new Map<number, number>();
		const add = (queue: unknown, by: number) => {
			if (typeof queue === 'number') delta.set(queue, (delta.get(queue) ?? 0) + by);
		};
		for (const old of removed) add(old.queue, -1);
		for (const row of added) add(row.queue, 1);
		for (const [q, by] of delta) if (!by) delta.delete(q);
		if (!cleared && !delta.size) return;
		let row: QueueCountsRow;
		const stored = cleared
			? undefined
			: ((await store.get({ trans, key: QUEUE_COUNTS_KEY })) as QueueCountsRow | undefined);
		if (cleared) row = { key: QUEUE_COUNTS_KEY, n: {} };
		// A missing row is counted afresh, with this write already in it.
		else if (!stored) row = await recount(source, trans, core);
		else {
			const n = { ...stored.n };
			for (const [q, by] of delta) {
				const v = (n[q] ?? 0) + by;
				if (v) n[q] = v;
				else delete n[q];
			}
			row = { key: QUEUE_COUNTS_KEY, n };
		}
		await store.mutate({ type: 'put', trans, values: [row] });
	}
};
