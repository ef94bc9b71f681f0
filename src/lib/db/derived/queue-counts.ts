// The number of cards in each queue, kept up to date by every write to the cards table, so that the
// home page's "learned", the card list's totals and the statistics never count index entries (a
// count over an index range reads every entry in it: about a second for 65,000 entries on disk).
//
// Each write moves the counts row by the difference between the rows it replaced and the rows it
// wrote (derived-store.ts), in the same transaction. The row is created by the schema upgrade that
// adds the store (schema.ts), and counted again through the index if it is ever missing.
//
// The row also keeps where the new queue starts (`newFrom`, the first new card's position), so
// that reading the next new cards never walks the index from its beginning: every card studied
// leaves the new queue's index entry behind as a deleted one, and IndexedDB's storage (LevelDB)
// skips each such entry one by one until it compacts them away — 70,000 of them took 330 ms
// for the first 100 keys at 100,000 cards (bench/cold.ts).

import type { DBCore, DBCoreTable, DBCoreTransaction } from 'dexie';
import { INDEX, QUEUE_COUNTS_KEY, STORE } from '../names';
import { QUEUE } from '../queues';
import type { QueueCountsRow } from '../rows';
import { type DerivedStore, RANGE } from './derived-store';

/** The first new card's position at or after `from` (Infinity when there is none), read in `trans`. */
async function firstNew(
	cards: DBCoreTable,
	trans: DBCoreTransaction,
	core: DBCore,
	from: number | undefined
): Promise<number> {
	const index = cards.schema.indexes.find((i) => i.name === INDEX.queuePosition);
	if (!index) throw new Error(`The cards table has no ${INDEX.queuePosition} index.`);
	const range = {
		type: RANGE,
		lower: [QUEUE.new, from ?? core.MIN_KEY],
		upper: [QUEUE.new, core.MAX_KEY],
		lowerOpen: false,
		upperOpen: false
	} as const;
	const { result } = await cards.query({
		trans,
		values: true,
		limit: 1,
		query: { index, range: range as never }
	});
	const position = (result[0] as { position?: unknown } | undefined)?.position;
	return typeof position === 'number' ? position : Infinity;
}

/** Counts every queue through the index: only when the row is missing. */
async function recount(
	cards: DBCoreTable,
	trans: DBCoreTransaction,
	core: DBCore
): Promise<QueueCountsRow> {
	const index = cards.schema.indexes.find((i) => i.name === INDEX.queueDue);
	if (!index) throw new Error(`The cards table has no ${INDEX.queueDue} index.`);
	const queues = Object.values(QUEUE);
	// All at once: a chain of awaits here would outlast Dexie's transaction zone for the write after.
	const [newFrom, ...counts] = await Promise.all([
		firstNew(cards, trans, core, undefined),
		...queues.map((q) => {
			const range = {
				type: RANGE,
				lower: [q, core.MIN_KEY],
				upper: [q, core.MAX_KEY],
				lowerOpen: false,
				upperOpen: false
			} as const;
			return cards.count({ trans, query: { index, range: range as never } });
		})
	]);
	const n: Record<number, number> = {};
	queues.forEach((q, i) => {
		if (counts[i]) n[q] = counts[i];
	});
	return { key: QUEUE_COUNTS_KEY, n, newFrom };
}

export const queueCountsStore: DerivedStore<{ queue?: unknown; position?: unknown }> = {
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
		const isNew = (r: { queue?: unknown; position?: unknown }) =>
			r.queue === QUEUE.new && typeof r.position === 'number';
		const addedNew = added.filter(isNew).map((r) => r.position as number);
		const removedNew = removed.filter(isNew).map((r) => r.position as number);
		if (!cleared && !delta.size && !addedNew.length && !removedNew.length) return;
		// Where the new queue starts, if this write took cards out of it: read again from the first
		// of them (every new card before it is still there), beside the counts row, after the write.
		const lowestRemoved = Math.min(Infinity, ...removedNew);
		const [stored, scanned] = await Promise.all([
			cleared
				? undefined
				: (store.get({ trans, key: QUEUE_COUNTS_KEY }) as Promise<QueueCountsRow | undefined>),
			removedNew.length && !cleared
				? firstNew(source, trans, core, lowestRemoved)
				: Promise.resolve(Infinity)
		]);
		let row: QueueCountsRow;
		if (cleared) row = { key: QUEUE_COUNTS_KEY, n: {}, newFrom: Infinity };
		// A missing row is counted afresh, with this write already in it.
		else if (!stored) row = await recount(source, trans, core);
		else {
			const n = { ...stored.n };
			for (const [q, by] of delta) {
				const v = (n[q] ?? 0) + by;
				if (v) n[q] = v;
				else delete n[q];
			}
			// The kept start was the first new card's position, so at most lowestRemoved: if it was
			// that one, the first new card is now the one read after it; either way a card that came
			// in earlier comes first. A row from before it was kept stays without it (counted afresh
			// by the next upgrade that counts the queues).
			const kept = stored.newFrom;
			const newFrom =
				kept === undefined
					? undefined
					: Math.min(kept < lowestRemoved ? kept : scanned, ...addedNew);
			row = { key: QUEUE_COUNTS_KEY, n, ...(newFrom === undefined ? {} : { newFrom }) };
		}
		await store.mutate({ type: 'put', trans, values: [row] });
	}
};
