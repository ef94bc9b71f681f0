// Today's answers, kept small: every write to the reviews table also files the answer (review id,
// card id, the card's state before it, practice or not, time) in a row for its hour. What today's
// queue needs of today's answers (`dayLeft`) is then a couple of dozen rows to read, not hundreds
// of full reviews with two FSRS states each: reading those was most of the home page's wait.
//
// A Dexie middleware (DBCore), like queue-counts.ts: below every table method, so no writer can
// forget it. Only answers from the last ANSWER_HOURS_KEPT hours (before the clock at the write, or
// before the latest answer filed) are filed, and older hours are dropped at each write: a reader
// asks for today only, and everything it needs is filed (an answer of today is less than a day old
// whenever it is written). The schema upgrade that adds the store files the answers of the last
// ANSWER_HOURS_KEPT hours.

import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { ANSWER_HOURS_KEPT, ANSWER_HOURS_STORE, HOUR_MS, type AnswerEntry, type AnswerHour } from './queues';
import type { StoredReview } from './schema';

const REVIEWS = 'reviews';
/** DBCoreRangeType.Any: a whole-table delete (clear). */
const ANY = 3;
const RANGE = 2;

const hasStore = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).objectStoreNames?.contains(ANSWER_HOURS_STORE) ?? false;

/** The entry filed for a review. */
export function answerEntry(r: Pick<StoredReview, 'id' | 'cardId' | 'before' | 'practice' | 'time'>): AnswerEntry {
	return [r.id, r.cardId, r.before.state, r.practice ? 1 : 0, r.time.getTime()];
}

/**
 * The oldest hour kept when writing at `now` with `newest` the latest hour filed: ANSWER_HOURS_KEPT
 * before either (the latest answer's, so that answers given at a clock's simulated or mistaken time
 * are kept as well as those of the real one).
 */
export const keptFrom = (now: number, newest: number) => Math.min(Math.floor(now / HOUR_MS), newest) - ANSWER_HOURS_KEPT;

/** Writes made in one transaction change the rows one after the other (two at once would lose one). */
const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();

export const answerHoursMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'AnswerHours',
	create(down) {
		const hours = () => down.table(ANSWER_HOURS_STORE);
		/** Adds `added` and removes the answers with ids in `removed`, hour by hour; `cleared` empties the store first. */
		const apply = (trans: DBCoreTransaction, added: AnswerEntry[], removed: { id: string; time: number }[], cleared: boolean) => {
			const step = (chains.get(trans) ?? Promise.resolve()).then(async () => {
				const table = hours();
				if (cleared) await table.mutate({ type: 'deleteRange', trans, range: { type: ANY } as never });
				const [newest] = (await table.query({ trans, query: { index: table.schema.primaryKey, range: { type: ANY } as never }, limit: 1, direction: 'prev' })).result as number[];
				const from = keptFrom(Date.now(), Math.max(newest ?? -Infinity, ...added.map((e) => Math.floor(e[4] / HOUR_MS))));
				const byHour = new Map<number, { add: AnswerEntry[]; remove: Set<string> }>();
				const at = (h: number) => byHour.get(h) ?? byHour.set(h, { add: [], remove: new Set() }).get(h)!;
				for (const e of added) if (Math.floor(e[4] / HOUR_MS) >= from) at(Math.floor(e[4] / HOUR_MS)).add.push(e);
				for (const r of removed) if (Math.floor(r.time / HOUR_MS) >= from) at(Math.floor(r.time / HOUR_MS)).remove.add(r.id);
				if (byHour.size) {
					const keys = [...byHour.keys()];
					const rows = (await table.getMany({ trans, keys })) as (AnswerHour | undefined)[];
					const values = keys.map((h, i) => {
						const { add, remove } = byHour.get(h)!;
						const ids = new Set(add.map((e) => e[0]));
						const kept = (rows[i]?.a ?? []).filter((e) => !remove.has(e[0]) && !ids.has(e[0]));
						return { h, a: [...kept, ...add] } satisfies AnswerHour;
					});
					await table.mutate({ type: 'put', trans, values });
				}
				// Hours too old to be anyone's today (none when the store is empty).
				if (Number.isFinite(from)) {
					const range = { type: RANGE, lower: -Infinity, lowerOpen: false, upper: from, upperOpen: true };
					await table.mutate({ type: 'deleteRange', trans, range: range as never });
				}
			});
			chains.set(trans, step);
			return step;
		};
		return {
			...down,
			transaction(stores, mode, options) {
				const extended = mode === 'readwrite' && stores.includes(REVIEWS) && !stores.includes(ANSWER_HOURS_STORE) && down.schema.tables.some((t) => t.name === ANSWER_HOURS_STORE);
				return down.transaction(extended ? [...stores, ANSWER_HOURS_STORE] : stores, mode, options);
			},
			table(name) {
				const table: DBCoreTable = down.table(name);
				if (name !== REVIEWS) return table;
				return {
					...table,
					async mutate(req: DBCoreMutateRequest) {
						const { trans } = req;
						if (!hasStore(trans)) return table.mutate(req);
						// Read in the order the requests are made: the rows the write replaces or deletes.
						type Old = Pick<StoredReview, 'id' | 'time'> | undefined;
						let reading: Promise<Old[]> = Promise.resolve([]);
						if (req.type === 'put' || req.type === 'delete') {
							const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v)));
							reading = table.getMany({ trans, keys });
						} else if (req.type === 'deleteRange' && req.range.type !== ANY) {
							reading = table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
						}
						const [before, done] = await Promise.all([reading, table.mutate(req)]);
						const ok = (i: number) => done.failures[i] === undefined;
						const removed = before.filter((old, i): old is NonNullable<Old> => !!old && (req.type === 'deleteRange' || ok(i))).map((old) => ({ id: old.id, time: old.time.getTime() }));
						const added = req.type === 'put' || req.type === 'add' ? (req.values as StoredReview[]).filter((_, i) => ok(i)).map(answerEntry) : [];
						const cleared = req.type === 'deleteRange' && req.range.type === ANY;
						if (added.length || removed.length || cleared) await apply(trans, added, removed, cleared);
						return done;
					}
				};
			}
		};
	}
};
