// Each article's cards per queue, kept up to date by every write to the cards table like the counts
// row (queue-counts.ts), so that a home page listing many articles never counts index entries: the
// new cards an article still has are its row's `n[QUEUE.new]`. A card counts under each of its
// articles (a headword in two articles is one card, counted in both).
//
// Each write moves the rows of the articles it touches by the difference between the rows it
// replaced and the rows it wrote (derived-store.ts), in the same transaction. A missing row is
// counted afresh through the `articles` index, with the write already in it; so the store needs no
// filling when it is added, and an article whose cards all went keeps a row of zeros, never missing.

import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { INDEX, STORE } from '../names';
import type { ArticleCountsRow } from '../rows';
import { ANY, type DerivedStore, RANGE } from './derived-store';

/** Counts one article's cards per queue through the `articles` index: only when its row is missing. */
async function recount(
	cards: DBCoreTable,
	trans: DBCoreTransaction,
	article: string
): Promise<ArticleCountsRow> {
	const index = cards.schema.indexes.find((i) => i.name === INDEX.articles);
	if (!index) throw new Error(`The cards table has no ${INDEX.articles} index.`);
	const range = { type: RANGE, lower: article, upper: article, lowerOpen: false, upperOpen: false };
	const { result } = await cards.query({
		trans,
		values: true,
		query: { index, range: range as never }
	});
	const n: Record<number, number> = {};
	for (const c of result as { queue?: unknown }[])
		if (typeof c.queue === 'number') n[c.queue] = (n[c.queue] ?? 0) + 1;
	return { article, n };
}

export const articleCountsStore: DerivedStore<{ queue?: unknown; articles?: unknown }> = {
	name: 'ArticleCounts',
	source: STORE.cards,
	store: STORE.articleCounts,
	async update({ trans, store, source }, { removed, added, cleared }) {
		if (cleared) await store.mutate({ type: 'deleteRange', trans, range: { type: ANY } as never });
		// Article → queue → change.
		const delta = new Map<string, Map<number, number>>();
		const add = (row: { queue?: unknown; articles?: unknown }, by: number) => {
			if (typeof row.queue !== 'number' || !Array.isArray(row.articles)) return;
			for (const a of new Set(row.articles as string[])) {
				const d = delta.get(a) ?? delta.set(a, new Map()).get(a)!;
				d.set(row.queue, (d.get(row.queue) ?? 0) + by);
			}
		};
		for (const old of removed) add(old, -1);
		for (const row of added) add(row, 1);
		for (const [a, d] of delta) {
			for (const [q, by] of d) if (!by) d.delete(q);
			if (!d.size) delta.delete(a);
		}
		if (!delta.size) return;
		const keys = [...delta.keys()];
		const stored = (await store.getMany({ trans, keys })) as (ArticleCountsRow | undefined)[];
		const values: ArticleCountsRow[] = [];
		for (const [i, article] of keys.entries()) {
			const row = stored[i];
			// A missing row is counted afresh, with this write already in it.
			if (!row) {
				values.push(await recount(source, trans, article));
				continue;
			}
			const n = { ...row.n };
			for (const [q, by] of delta.get(article)!) {
				const v = (n[q] ?? 0) + by;
				if (v) n[q] = v;
				else delete n[q];
			}
			values.push({ article, n });
		}
		await store.mutate({ type: 'put', trans, values });
	}
};
