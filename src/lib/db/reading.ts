// The occurrences of each headword in each article's text, kept beside the headwords' tallies
// (derived/readable.ts) whenever a deck is stored: what each article's readable share counts.

import { headwordOccurrences, type Deck } from '../cards';
import { readableTally, type ReadableTally } from '../srs';
import { emptyHeadword, isEmptyHeadword } from './derived/readable';
import { INDEX } from './names';
import type { ArticleReadableRow, HeadwordRow, StoredCard } from './rows';
import type { KartuDB } from './schema';

/**
 * Records the occurrences of `deck`'s headwords in the article `slug` (an empty deck: it has none
 * any more) and counts its readable share afresh from the headwords' tallies. Call inside a
 * transaction covering `headwords` and `articleReadable`, after the article's cards are written.
 */
export async function keepOccurrences(
	db: KartuDB,
	slug: string,
	deck: Pick<Deck, 'sentences' | 'cards'>
): Promise<ArticleReadableRow> {
	const occurrences = [...headwordOccurrences(deck)].filter(([, n]) => n > 0);
	const now = new Map(occurrences);
	const before = await db.headwords.where(INDEX.occursIn).equals(slug).primaryKeys();
	const headwords = [...new Set([...before, ...now.keys()])];
	const rows = await db.headwords.bulkGet(headwords);
	const put: HeadwordRow[] = [];
	const gone: string[] = [];
	const row: ArticleReadableRow = { article: slug, occ: 0, read: 0 };
	headwords.forEach((hw, i) => {
		const old = rows[i] ?? emptyHeadword(hw);
		const a = { ...old.a };
		const n = now.get(hw);
		if (n) {
			a[slug] = n;
			row.occ += n;
			if (readableTally(old)) row.read += n;
		} else delete a[slug];
		const next = { ...old, a, in: Object.keys(a) };
		if (!isEmptyHeadword(next)) put.push(next);
		else if (rows[i]) gone.push(hw);
	});
	await db.headwords.bulkPut(put);
	await db.headwords.bulkDelete(gone);
	await db.articleReadable.put(row);
	return row;
}

/**
 * The headword and article rows counted afresh from every card and the decks of the articles
 * (the schema upgrade that adds the stores, and tests).
 */
export function readableRows(
	cards: Iterable<Pick<StoredCard, 'sibling' | 'mark' | 'retired' | 'fsrs'>>,
	decks: Iterable<Pick<Deck, 'article' | 'sentences' | 'cards'>>,
	tally: (c: Pick<StoredCard, 'mark' | 'retired' | 'fsrs'>) => ReadableTally
): { headwords: HeadwordRow[]; articles: ArticleReadableRow[] } {
	const byHeadword = new Map<string, HeadwordRow>();
	const at = (hw: string) => byHeadword.get(hw) ?? byHeadword.set(hw, emptyHeadword(hw)).get(hw)!;
	for (const c of cards) {
		const t = tally(c);
		if (!(t.k || t.i || t.r)) continue;
		const h = at(c.sibling);
		h.k += t.k;
		h.i += t.i;
		h.r += t.r;
	}
	const articles: ArticleReadableRow[] = [];
	for (const deck of decks) {
		const slug = deck.article.slug;
		const row: ArticleReadableRow = { article: slug, occ: 0, read: 0 };
		for (const [hw, n] of headwordOccurrences(deck)) {
			if (!n) continue;
			const h = at(hw);
			h.a[slug] = n;
			h.in.push(slug);
			row.occ += n;
			if (readableTally(h)) row.read += n;
		}
		articles.push(row);
	}
	return { headwords: [...byHeadword.values()].filter((h) => !isEmptyHeadword(h)), articles };
}
