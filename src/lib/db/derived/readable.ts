// Each article's readable share, kept up to date by every write to the cards table: the occurrences in
// its text of headwords the learner can read (the reader's rule: marked known, or a card in review;
// srs/word-state.ts), so that the home page shows it for a hundred articles without reading a card.
//
// Two stores. `headwords`: per headword, the tally of its cards that decides whether it is readable
// (marked known, ignored, in review) and its occurrences in each article, set when a deck is stored
// (reading.ts). `articleReadable`: per article, its occurrences and the readable ones. A write to the
// cards moves the tallies of the headwords it touches by the difference between the rows it replaced
// and the rows it wrote (derived-store.ts); a headword that becomes readable, or stops being, moves
// the readable sum of each article it occurs in by its occurrences there. All in the same transaction.
// A missing headword row is a headword with no card in a readable state and no article; the schema
// upgrade that adds the stores fills them.

// Direct modules, not srs/index.ts, as the other derived stores (the schema is on every page).
import { cardTally, readableTally, type ReadableTally, type WordCard } from '../../srs/word-state';
import { STORE } from '../names';
import type { ArticleReadableRow, HeadwordRow } from '../rows';
import { ANY, type DerivedStore, type DerivedContext } from './derived-store';

type Card = Partial<WordCard> & { sibling?: unknown };

/** A headword with no card counted and no article. */
export const emptyHeadword = (headword: string): HeadwordRow => ({
	headword,
	k: 0,
	i: 0,
	r: 0,
	a: {},
	in: []
});

/** A row that says nothing (no card counted, no article) is not kept. */
export const isEmptyHeadword = (h: HeadwordRow): boolean =>
	!h.k && !h.i && !h.r && h.in.length === 0;

function tallyOf(c: Card): ReadableTally | undefined {
	if (typeof c.sibling !== 'string' || !c.fsrs) return undefined;
	return cardTally(c as WordCard);
}

/** Moves each article's readable sum by `by` times the headword's occurrences there. */
async function moveArticles(
	{ trans, table }: Pick<DerivedContext, 'trans' | 'table'>,
	moves: Map<string, number>
): Promise<void> {
	if (!moves.size) return;
	const store = table(STORE.articleReadable);
	const keys = [...moves.keys()];
	const rows = (await store.getMany({ trans, keys })) as (ArticleReadableRow | undefined)[];
	const values = rows
		.map((row, i) => row && { ...row, read: row.read + moves.get(keys[i])! })
		.filter((r): r is ArticleReadableRow => !!r);
	if (values.length) await store.mutate({ type: 'put', trans, values });
}

export const readableStore: DerivedStore<Card> = {
	name: 'Readable',
	source: STORE.cards,
	store: STORE.headwords,
	also: [STORE.articleReadable],
	async update(ctx, { removed, added, cleared }) {
		const { trans, store, table } = ctx;
		if (cleared) {
			// No card is left: no headword is readable, and no article has a readable word.
			const all = (
				await store.query({
					trans,
					values: true,
					query: { index: store.schema.primaryKey, range: { type: ANY } as never }
				})
			).result as HeadwordRow[];
			const kept = all.map((h) => ({ ...h, k: 0, i: 0, r: 0 }));
			const values = kept.filter((h) => !isEmptyHeadword(h));
			const gone = kept.filter(isEmptyHeadword).map((h) => h.headword);
			if (values.length) await store.mutate({ type: 'put', trans, values });
			if (gone.length) await store.mutate({ type: 'delete', trans, keys: gone });
			const articles = table(STORE.articleReadable);
			const rows = (
				await articles.query({
					trans,
					values: true,
					query: { index: articles.schema.primaryKey, range: { type: ANY } as never }
				})
			).result as ArticleReadableRow[];
			if (rows.length)
				await articles.mutate({
					type: 'put',
					trans,
					values: rows.map((r) => ({ ...r, read: 0 }))
				});
		}
		const delta = new Map<string, ReadableTally>();
		const move = (c: Card, by: number) => {
			const t = tallyOf(c);
			if (!t || !(t.k || t.i || t.r)) return;
			const hw = c.sibling as string;
			const d = delta.get(hw) ?? delta.set(hw, { k: 0, i: 0, r: 0 }).get(hw)!;
			d.k += by * t.k;
			d.i += by * t.i;
			d.r += by * t.r;
		};
		for (const old of removed) move(old, -1);
		for (const row of added) move(row, 1);
		for (const [hw, d] of delta) if (!d.k && !d.i && !d.r) delta.delete(hw);
		if (!delta.size) return;
		const keys = [...delta.keys()];
		const stored = (await store.getMany({ trans, keys })) as (HeadwordRow | undefined)[];
		const values: HeadwordRow[] = [];
		const gone: string[] = [];
		const moves = new Map<string, number>();
		keys.forEach((hw, n) => {
			const before = stored[n] ?? emptyHeadword(hw);
			const d = delta.get(hw)!;
			const after = { ...before, k: before.k + d.k, i: before.i + d.i, r: before.r + d.r };
			const was = readableTally(before);
			const is = readableTally(after);
			if (was !== is)
				for (const [article, occ] of Object.entries(after.a))
					moves.set(article, (moves.get(article) ?? 0) + (is ? occ : -occ));
			if (!isEmptyHeadword(after)) values.push(after);
			else if (stored[n]) gone.push(hw);
		});
		if (values.length) await store.mutate({ type: 'put', trans, values });
		if (gone.length) await store.mutate({ type: 'delete', trans, keys: gone });
		await moveArticles(ctx, moves);
	}
};
