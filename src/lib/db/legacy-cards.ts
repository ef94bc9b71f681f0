// Cards as schemas 1-5 and backup format 1 kept them (one set per article and headword, ids
// `slug/headword/kind`), turned into cards as they are kept now (one set per headword, ids
// `headword/kind`, with the articles that contain it). Used by the schema 6 upgrade (schema.ts) and
// by the import of a format-1 backup (backup/format.ts), so both map old data the same way.

import { cardIdFromV1, contextOf, type CardContext, type DeckCard } from '../cards';
import { queueOf } from './queues';
import type { StoredCard } from './rows';

/** A card row as schemas 1-5 stored it. */
export type LegacyCard = Omit<StoredCard, 'articles'> & { article: string };

/**
 * The card to keep when two have the same id: the one with more history, then the later review
 * (as a merging backup import decides).
 */
export function newer<C extends Pick<StoredCard, 'fsrs'>>(a: C, b: C): C {
	if (a.fsrs.reps !== b.fsrs.reps) return a.fsrs.reps > b.fsrs.reps ? a : b;
	return (a.fsrs.last_review?.getTime() ?? 0) >= (b.fsrs.last_review?.getTime() ?? 0) ? a : b;
}

/**
 * Cards keyed by article as cards keyed by headword. Cards of one headword and kind from several
 * articles become one: its FSRS state, suspension and mark are those of the one with the most
 * history (`newer`; the reviews of the others follow it, through `cardIdFromV1`); its articles are
 * those of the cards still in use (of all, if every one was retired), in `articleOrder` (the order
 * the articles were chosen; others after it, by name); its content and position those of the first
 * of them; a cloze card's contexts one sentence per article, the others joining at the card's
 * review count so that the next review shows one of them. A card of one article keeps everything,
 * its content gaining its id and, on a cloze card, its one context.
 * @example fromLegacyCards([{ id: 'azerbaijan-iran/hubungan/vocab', article: 'azerbaijan-iran', … }], [])
 *   → [{ id: 'hubungan/vocab', articles: ['azerbaijan-iran'], sibling: 'hubungan', … }]
 */
export function fromLegacyCards(
	cards: readonly LegacyCard[],
	articleOrder: readonly string[]
): StoredCard[] {
	const rank = (a: string) => {
		const i = articleOrder.indexOf(a);
		return i < 0 ? articleOrder.length : i;
	};
	const groups = new Map<string, LegacyCard[]>();
	for (const c of cards) {
		const id = cardIdFromV1(c.id);
		(groups.get(id) ?? groups.set(id, []).get(id)!).push(c);
	}
	const out: StoredCard[] = [];
	for (const [id, group] of groups) {
		group.sort((a, b) => rank(a.article) - rank(b.article) || a.article.localeCompare(b.article));
		const live = group.filter((c) => !c.retired);
		const used = live.length ? live : group;
		const kept = group.reduce((a, b) => newer(a, b));
		const first = used[0];
		// Everything of the card kept but its one article.
		const { article: _article, ...state } = kept;
		const content: DeckCard = { ...first.content, id };
		const family = [...new Set(used.flatMap((c) => c.content.family))].filter(
			(w) => w !== content.headword
		);
		if (family.length) content.family = family;
		if (content.kind === 'cloze') {
			const contexts: CardContext[] = used.map((c) =>
				contextOf(c.content, c === kept || used.length === 1 ? 0 : kept.fsrs.reps)
			);
			// A card that kept its own state has seen its own sentence from the start.
			if (!used.includes(kept)) contexts[0].from = 0;
			content.contexts = contexts;
		}
		const card: StoredCard = {
			...state,
			id,
			articles: [...new Set(used.map((c) => c.article))],
			sibling: content.headword,
			position: Math.min(...used.map((c) => c.position)),
			content,
			retired: live.length === 0
		};
		card.queue = queueOf(card);
		out.push(card);
	}
	return out;
}

/** A statistics `firsts` key with the headword as its sibling: `h:slug/headword` → `h:headword`. */
export function firstsKeyFromV1(key: string): string {
	return key.startsWith('h:') ? `h:${cardIdFromV1(key.slice(2))}` : key;
}
