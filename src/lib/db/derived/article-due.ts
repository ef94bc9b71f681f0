// Each article's cards in learning and review by the quarter-hour they fall due, kept up to date by
// every write to the cards table like the counts row (queue-counts.ts), so that the home page gives
// each article's cards due today from a few small rows, `[b+article]` keys below the end of the
// study day, without reading a card. A card counts under each of its articles.
//
// Quarter-hours, because a study day ends at an hour of local time, and every time zone is a whole
// number of quarter-hours from UTC: the end of a study day is the start of a quarter-hour. The
// reader still counts the cards of a quarter-hour cut by the end, should one ever be (home-read.ts).
//
// Each write moves the rows it touches by the difference between the rows it replaced and the rows it
// wrote (derived-store.ts), in the same transaction. The schema upgrade that adds the store fills it.

import { STORE } from '../names';
import { dueBucket } from '../queues';
import type { ArticleDueRow } from '../rows';
import { ANY, type DerivedStore } from './derived-store';

/** The queues whose cards fall due: learning, review, relearning (db/queues.ts QUEUE). */
const DUE_QUEUES: readonly number[] = [1, 2, 3];

interface DueCard {
	queue?: unknown;
	articles?: unknown;
	fsrs?: { due?: unknown };
}

/** The rows' keys a card counts under (none for a card out of the learning and review queues). */
export function dueKeys(c: DueCard): [number, string][] {
	if (typeof c.queue !== 'number' || !DUE_QUEUES.includes(c.queue)) return [];
	if (!Array.isArray(c.articles) || !(c.fsrs?.due instanceof Date)) return [];
	const b = dueBucket(c.fsrs.due.getTime());
	return [...new Set(c.articles as string[])].map((a) => [b, a]);
}

/** The rows for `cards`, counted afresh (the upgrade that adds the store, and tests). */
export function dueRows(cards: Iterable<DueCard>): ArticleDueRow[] {
	const rows = new Map<string, ArticleDueRow>();
	for (const c of cards)
		for (const [b, article] of dueKeys(c)) {
			const key = `${b}\u0000${article}`;
			const row = rows.get(key) ?? rows.set(key, { b, article, n: 0 }).get(key)!;
			row.n++;
		}
	return [...rows.values()];
}

export const articleDueStore: DerivedStore<DueCard> = {
	name: 'ArticleDue',
	source: STORE.cards,
	store: STORE.articleDue,
	async update({ trans, store }, { removed, added, cleared }) {
		if (cleared) await store.mutate({ type: 'deleteRange', trans, range: { type: ANY } as never });
		const delta = new Map<string, { key: [number, string]; by: number }>();
		const move = (c: DueCard, by: number) => {
			for (const key of dueKeys(c)) {
				const k = `${key[0]}\u0000${key[1]}`;
				(delta.get(k) ?? delta.set(k, { key, by: 0 }).get(k)!).by += by;
			}
		};
		for (const old of removed) move(old, -1);
		for (const row of added) move(row, 1);
		const changes = [...delta.values()].filter((d) => d.by);
		if (!changes.length) return;
		const stored = (await store.getMany({ trans, keys: changes.map((d) => d.key) })) as (
			ArticleDueRow | undefined
		)[];
		const values: ArticleDueRow[] = [];
		const gone: [number, string][] = [];
		changes.forEach(({ key, by }, i) => {
			const n = (stored[i]?.n ?? 0) + by;
			if (n > 0) values.push({ b: key[0], article: key[1], n });
			else if (stored[i]) gone.push(key);
		});
		if (values.length) await store.mutate({ type: 'put', trans, values });
		if (gone.length) await store.mutate({ type: 'delete', trans, keys: gone });
	}
};
