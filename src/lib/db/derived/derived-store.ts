// One mechanism for the stores that every write keeps up to date: a Dexie middleware (DBCore) that,
// below every table method so that no writer can forget it, adds the derived store to each
// read-write transaction on its source table, reads the rows a write replaces or deletes (queued
// before the write, so it costs no extra round trip), and hands what changed to `update` inside the
// same transaction. An aborted transaction therefore leaves the derived store as it was.
// Used by queue-counts.ts (cards → counts), article-counts.ts, article-due.ts, readable.ts (cards →
// headwords and articleReadable) and answer-hours.ts (reviews → answerHours).

import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';

/** DBCoreRangeType (a const enum in Dexie's types, so not importable as a value). */
export const RANGE = 2;
export const ANY = 3;

/** What one write did to the source table. */
export interface SourceChange<Row> {
	/** Rows that were there before and were replaced or deleted. */
	removed: Row[];
	/** Rows written (put or added). */
	added: Row[];
	/** The whole table was cleared. */
	cleared: boolean;
}

/** What `update` may use: the transaction, the derived store and the source table at the DBCore level. */
export interface DerivedContext {
	trans: DBCoreTransaction;
	store: DBCoreTable;
	source: DBCoreTable;
	core: DBCore;
	/** Another table at the DBCore level (one of `also`, which the transaction covers too). */
	table(name: string): DBCoreTable;
}

export interface DerivedStore<Row> {
	/** The middleware's name, as Dexie lists it. */
	name: string;
	/** The table whose writes are followed. */
	source: string;
	/** The store kept up to date. */
	store: string;
	/** Other stores kept up to date with it (added to the same transactions; created with it). */
	also?: string[];
	/** Brings the store up to date with one write; the writes of one transaction are applied one after the other. */
	update(ctx: DerivedContext, change: SourceChange<Row>): Promise<void>;
}

/** Whether the transaction covers `store` (not one opened by an older schema, or by the upgrade that adds it). */
function covers(trans: DBCoreTransaction, store: string): boolean {
	return (trans as unknown as IDBTransaction).objectStoreNames?.contains(store) ?? false;
}

/**
 * One middleware keeping several derived stores of one source table, in the order given: the rows a
 * write replaces are read once for all of them (each middleware of its own would read them again).
 * A part whose store the transaction does not cover (an upgrade before the one that adds it) is skipped.
 */
export function derivedStores(name: string, parts: DerivedStore<never>[]): Middleware<DBCore> {
	const [first, ...rest] = parts;
	return derivedStore<never>({
		name,
		source: first.source,
		store: first.store,
		also: [...(first.also ?? []), ...rest.flatMap((p) => [p.store, ...(p.also ?? [])])],
		update(ctx, change) {
			// Chained with then, not awaited in a loop: Dexie's transaction zone follows its promises'
			// callbacks, and a native await would leave it before the next part's first request.
			let step = Promise.resolve();
			for (const p of parts)
				if (covers(ctx.trans, p.store))
					step = step.then(() => p.update({ ...ctx, store: ctx.table(p.store) }, change));
			return step;
		}
	});
}

/** A middleware that keeps `d.store` up to date with every write to `d.source`. */
export function derivedStore<Row>(d: DerivedStore<Row>): Middleware<DBCore> {
	/** Writes made in one transaction update the store one after the other (two at once would lose one). */
	const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
	return {
		stack: 'dbcore',
		name: d.name,
		create(down) {
			return {
				...down,
				transaction(stores, mode, options) {
					if (mode !== 'readwrite' || !stores.includes(d.source))
						return down.transaction(stores, mode, options);
					const more = [d.store, ...(d.also ?? [])].filter(
						(s) => !stores.includes(s) && down.schema.tables.some((t) => t.name === s)
					);
					return down.transaction(more.length ? [...stores, ...more] : stores, mode, options);
				},
				table(name) {
					const source = down.table(name);
					if (name !== d.source) return source;
					return {
						...source,
						async mutate(req: DBCoreMutateRequest) {
							const { trans } = req;
							// A transaction opened without the store: an older schema, or the upgrade that adds it.
							if (!covers(trans, d.store)) return source.mutate(req);
							// Requests in a transaction run in the order they are made: the rows read here are
							// the ones the write then replaces, without waiting for them before writing.
							let reading: Promise<(Row | undefined)[]> = Promise.resolve([]);
							if (req.type === 'put' || req.type === 'delete') {
								const keys =
									req.type === 'delete'
										? req.keys
										: (req.keys ?? req.values.map((v) => source.schema.primaryKey.extractKey!(v)));
								reading = source.getMany({ trans, keys });
							} else if (req.type === 'deleteRange' && req.range.type !== ANY) {
								reading = source
									.query({
										trans,
										values: true,
										query: { index: source.schema.primaryKey, range: req.range }
									})
									.then((r) => r.result as Row[]);
							}
							const [before, done] = await Promise.all([reading, source.mutate(req)]);
							const ok = (i: number) => done.failures[i] === undefined;
							const change: SourceChange<Row> = {
								removed: before.filter(
									(old, i): old is Row => old !== undefined && (req.type === 'deleteRange' || ok(i))
								),
								added:
									req.type === 'put' || req.type === 'add'
										? (req.values as Row[]).filter((_, i) => ok(i))
										: [],
								cleared: req.type === 'deleteRange' && req.range.type === ANY
							};
							if (!change.removed.length && !change.added.length && !change.cleared) return done;
							const step = (chains.get(trans) ?? Promise.resolve()).then(() =>
								d.update(
									{
										trans,
										store: down.table(d.store),
										source,
										core: down,
										table: (name) => down.table(name)
									},
									change
								)
							);
							chains.set(trans, step);
							await step;
							return done;
						}
					};
				}
			};
		}
	};
}
