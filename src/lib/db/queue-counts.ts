// The number of cards in each queue, kept up to date by every write to the cards table, so that the
// home page's "learned", the card list's totals and the statistics never count index entries (a
// count over an index range reads every entry in it: about a second for 65,000 entries on disk).
//
// A Dexie middleware (DBCore) does it below every table method, so no writer can forget it: it adds
// the counts store to each read-write transaction on the cards, reads the rows a write replaces or
// deletes, and moves the counts by the difference in the same transaction. The row is created by
// the schema upgrade that adds the store (schema.ts), and rebuilt from the index if it is ever missing.

import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { COUNTS_STORE, QUEUE, QUEUE_COUNTS_KEY, type QueueCountsRow } from './queues';

const CARDS = 'cards';
const QUEUE_INDEX = '[queue+fsrs.due]';
/** DBCoreRangeType (a const enum in Dexie's types, so not importable as a value). */
const RANGE = 2;
const ANY = 3;

type Delta = Map<number, number>;

const hasCounts = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).objectStoreNames?.contains(COUNTS_STORE) ?? false;

function add(delta: Delta, queue: unknown, by: number): void {
	if (typeof queue === 'number') delta.set(queue, (delta.get(queue) ?? 0) + by);
}

/** Counts every queue through the index: only when the row is missing. */
async function recount(cards: DBCoreTable, trans: DBCoreTransaction, core: DBCore): Promise<QueueCountsRow> {
	const index = cards.schema.indexes.find((i) => i.name === QUEUE_INDEX);
	if (!index) throw new Error(`The cards table has no ${QUEUE_INDEX} index.`);
	const n: Record<number, number> = {};
	for (const q of Object.values(QUEUE)) {
		const range = { type: RANGE, lower: [q, core.MIN_KEY], upper: [q, core.MAX_KEY], lowerOpen: false, upperOpen: false } as const;
		const c = await cards.count({ trans, query: { index, range: range as never } });
		if (c) n[q] = c;
	}
	return { key: QUEUE_COUNTS_KEY, n };
}

/** Writes made in one transaction update the row one after the other (two at once would lose one). */
const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();

export const queueCountsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'QueueCounts',
	create(down) {
		const counts = () => down.table(COUNTS_STORE);
		const apply = (trans: DBCoreTransaction, cards: DBCoreTable, delta: Delta | 'cleared') => {
			const step = (chains.get(trans) ?? Promise.resolve()).then(async () => {
				let row: QueueCountsRow;
				const stored = delta === 'cleared' ? undefined : ((await counts().get({ trans, key: QUEUE_COUNTS_KEY })) as QueueCountsRow | undefined);
				if (delta === 'cleared') row = { key: QUEUE_COUNTS_KEY, n: {} };
				// A missing row is counted afresh, with this write already in it.
				else if (!stored) row = await recount(cards, trans, down);
				else {
					const n = { ...stored.n };
					for (const [q, by] of delta) {
						const v = (n[q] ?? 0) + by;
						if (v) n[q] = v;
						else delete n[q];
					}
					row = { key: QUEUE_COUNTS_KEY, n };
				}
				await counts().mutate({ type: 'put', trans, values: [row] });
			});
			chains.set(trans, step);
			return step;
		};
		return {
			...down,
			transaction(stores, mode, options) {
				const extended = mode === 'readwrite' && stores.includes(CARDS) && !stores.includes(COUNTS_STORE) && down.schema.tables.some((t) => t.name === COUNTS_STORE);
				return down.transaction(extended ? [...stores, COUNTS_STORE] : stores, mode, options);
			},
			table(name) {
				const table = down.table(name);
				if (name !== CARDS) return table;
				return {
					...table,
					async mutate(req: DBCoreMutateRequest) {
						const { trans } = req;
						if (!hasCounts(trans)) return table.mutate(req);
						const delta: Delta = new Map();
						// Requests in a transaction run in the order they are made: the rows read here are the
						// ones the write then replaces, without waiting for them before writing.
						let reading: Promise<({ queue?: unknown } | undefined)[]> = Promise.resolve([]);
						if (req.type === 'put' || req.type === 'delete') {
							const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v)));
							reading = table.getMany({ trans, keys });
						} else if (req.type === 'deleteRange' && req.range.type !== ANY) {
							reading = table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
						}
						const [before, done] = await Promise.all([reading, table.mutate(req)]);
						if (req.type === 'deleteRange' && req.range.type === ANY) {
							await apply(trans, table, 'cleared');
							return done;
						}
						const failed = (i: number) => done.failures[i] !== undefined;
						if (req.type === 'deleteRange') for (const old of before) add(delta, old?.queue, -1);
						else
							before.forEach((old, i) => {
								if (!failed(i)) add(delta, old?.queue, -1);
							});
						if (req.type === 'put' || req.type === 'add') req.values.forEach((v: { queue?: unknown }, i) => !failed(i) && add(delta, v.queue, 1));
						for (const [q, by] of delta) if (!by) delta.delete(q);
						if (delta.size) await apply(trans, table, delta);
						return done;
					}
				};
			}
		};
	}
};
