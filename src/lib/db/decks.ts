// Loading decks into the database without touching progress (when the site's content has changed).

import {
	contextOf,
	hasMeaning,
	inContext,
	newOrder,
	withMeaning,
	type CardContext,
	type Deck,
	type DeckCard
} from '../cards';
import { textHash } from '../text';
import { newCard } from '../srs';
import { QUEUE } from './queues';
import { queueOf, type KartuDB } from './schema';
import { type StoredCard, type StoredMeaning, type StoredWord } from './rows';
import { INDEX, SETTING } from './names';
import { keepOccurrences } from './reading';

/** Room between articles in the new-card order: a card's position is its first article's index times this, plus its place there. */
export const ARTICLE_SPAN = 1_000_000;

/**
 * Where an article's new cards start in the new-card order: its index among the articles, or,
 * once the learner chose it to study next (`chosen`, seconds since the epoch), before every
 * article chosen earlier and every article never chosen.
 */
export function articleBase(
	slug: string,
	registry: string[],
	chosen: Record<string, number>
): number {
	return slug in chosen ? -chosen[slug] * ARTICLE_SPAN : registry.indexOf(slug) * ARTICLE_SPAN;
}

export interface SyncResult {
	added: number;
	updated: number;
	retired: number;
	unchanged: boolean;
}

/**
 * Upserts the decks' cards, one set per headword across articles: a headword new to the database
 * gets new cards in the New state; a card another article has already gains this article (a cloze
 * card its sentence) and keeps its FSRS state; a card whose headword left this article loses it,
 * and is retired, never deleted, when no article is left. The first of a card's articles (in the
 * order they were chosen, the `articles` setting) gives its content and its place among new cards.
 * A headword already studied gets no new card from an article new to it (not even an affix
 * drill). A deck whose content has not changed since the last sync is skipped, unless a card it
 * shares lost its first article in this sync: it then gives that card its content and position
 * (a card whose new first article is not among `decks` keeps them until that article is synced).
 * Deleting an article is syncing it as an empty deck, beside the others.
 *
 * Meanings: a meaning the learner gave a headword (the `meanings` store) replaces the gloss of its
 * cards; a vocabulary card or drill whose headword has no meaning at all (`glossFrom: 'none'`, an
 * added article's word whose root the lexicon lacks) is not stored until it has one.
 */
export async function syncDecks(
	db: KartuDB,
	decks: Deck[],
	now: Date,
	/** Another article's deck, when a card it shares lost its first article here (deleting an article). */
	more?: (slug: string) => Promise<Deck | undefined>
): Promise<SyncResult> {
	return db.transaction(
		'rw',
		[db.cards, db.settings, db.words, db.meanings, db.headwords, db.articleReadable],
		async () => {
			const result: SyncResult = { added: 0, updated: 0, retired: 0, unchanged: true };
			let marks: Map<string, StoredWord['mark']> | undefined;
			let meanings: Map<string, StoredMeaning> | undefined;
			const registry =
				((await db.settings.get(SETTING.articles))?.value as string[] | undefined) ?? [];
			const chosen =
				((await db.settings.get(SETTING.chosenArticles))?.value as
					Record<string, number> | undefined) ?? {};
			for (const deck of decks)
				if (!registry.includes(deck.article.slug)) registry.push(deck.article.slug);
			const inOrder = (articles: Iterable<string>) =>
				[...new Set(articles)].sort((a, b) => registry.indexOf(a) - registry.indexOf(b));
			// Each deck once, then again (`force`) any that has become the first article of a card.
			const work = decks.map((deck) => ({ deck, force: false }));
			const resync = async (article: string) => {
				if (work.some((w) => w.force && w.deck.article.slug === article)) return;
				const deck = decks.find((d) => d.article.slug === article) ?? (await more?.(article));
				if (deck) work.push({ deck, force: true });
			};
			for (const { deck, force } of work) {
				const slug = deck.article.slug;
				const hash = textHash(JSON.stringify(deck.cards));
				if (!force && (await db.settings.get(SETTING.deckHashPrefix + slug))?.value === hash)
					continue;
				result.unchanged = false;
				const base = articleBase(slug, registry, chosen);
				const [found, listed] = await Promise.all([
					db.cards.bulkGet(deck.cards.map((c) => c.id)),
					db.cards.where(INDEX.articles).equals(slug).toArray()
				]);
				const existing = new Map(found.filter((c) => !!c).map((c) => [c.id, c]));
				// The cards that list this article and that its deck may no longer have.
				const leaving = new Map(listed.map((c) => [c.id, c]));
				// Headwords with a card studied already, and the articles their cards are in.
				const studied = new Set<string>();
				const articlesOf = new Map<string, Set<string>>();
				for (const c of existing.values()) {
					if (c.fsrs.reps > 0) studied.add(c.sibling);
					const set =
						articlesOf.get(c.sibling) ?? articlesOf.set(c.sibling, new Set()).get(c.sibling)!;
					if (!c.retired) for (const a of c.articles) set.add(a);
				}
				// A word marked known or ignored in another article is so in this one too.
				marks ??= new Map((await db.words.toArray()).map((w) => [w.headword, w.mark]));
				meanings ??= new Map((await db.meanings.toArray()).map((m) => [m.headword, m]));
				const rows: StoredCard[] = [];
				for (const deckCard of deck.cards) {
					const meaning = meanings.get(deckCard.headword);
					const built = meaning ? withMeaning(deckCard, meaning) : deckCard;
					const position = base + newOrder(built);
					const old = existing.get(built.id);
					leaving.delete(built.id);
					if (!old) {
						const newToHeadword = !articlesOf.get(built.headword)?.has(slug);
						if (studied.has(built.headword) && newToHeadword) continue;
						// No meaning yet: the word is learnt from its cloze card until the learner gives one.
						if (!hasMeaning(built)) continue;
						const row: StoredCard = {
							id: built.id,
							articles: [slug],
							sibling: built.headword,
							position,
							content: withContexts(built, built.kind === 'cloze' ? [contextOf(built)] : undefined),
							fsrs: newCard(now),
							suspended: false,
							retired: false,
							...(marks.has(built.headword) ? { mark: marks.get(built.headword) } : {}),
							queue: 0
						};
						row.queue = queueOf(row);
						result.added++;
						rows.push(row);
						continue;
					}
					// A retired card's articles are those it left: only this one has it now.
					const articles = inOrder(old.retired ? [slug] : [...old.articles, slug]);
					const first = articles[0] === slug;
					let contexts: CardContext[] | undefined;
					if (built.kind === 'cloze') {
						const kept = old.retired ? [] : (old.content.contexts ?? [contextOf(old.content)]);
						const mine = kept.find((c) => c.article === slug);
						const others = kept.filter((c) => c.article !== slug);
						// A sentence joining a card already reviewed is shown at its next review (cards/contexts.ts).
						const context = contextOf(built, mine?.from ?? (others.length ? old.fsrs.reps : 0));
						contexts = [...others, context].sort(
							(a, b) => registry.indexOf(a.article) - registry.indexOf(b.article)
						);
					}
					const content = withContexts(first ? built : old.content, contexts);
					if (articles.length > 1) {
						content.family = [...new Set([...old.content.family, ...built.family])];
					}
					const row: StoredCard = {
						...old,
						articles,
						sibling: built.headword,
						position: first ? position : old.position,
						content,
						retired: false
					};
					row.queue = queueOf(row);
					result.updated++;
					rows.push(row);
				}
				for (const gone of leaving.values()) {
					if (gone.retired) continue;
					const articles = gone.articles.filter((a) => a !== slug);
					if (!articles.length) {
						rows.push({ ...gone, retired: true, queue: QUEUE.retired });
						result.retired++;
						continue;
					}
					if (gone.articles[0] === slug) await resync(articles[0]);
					const contexts = gone.content.contexts?.filter((c) => c.article !== slug);
					rows.push({
						...gone,
						articles,
						content: withContexts(gone.content, contexts?.length ? contexts : undefined)
					});
					result.updated++;
				}
				await db.cards.bulkPut(rows);
				// After its cards: the article's readable share counts the tallies they leave.
				await keepOccurrences(db, slug, deck);
				await db.settings.put({ key: SETTING.deckHashPrefix + slug, value: hash });
			}
			await db.settings.put({ key: SETTING.articles, value: registry });
			return result;
		}
	);
}

/**
 * A card's content with `contexts` (a cloze card's sentences, one per article) and the first of
 * them in the card's own sentence fields; without contexts, the content unchanged.
 */
function withContexts(content: DeckCard, contexts: CardContext[] | undefined): DeckCard {
	return contexts ? { ...inContext(content, contexts[0]), contexts } : { ...content };
}

/**
 * Stores the decks of the build `version` unless the database holds them already: `load` (which
 * fetches decks.json) is called only then. Every visit but the first after an update reads one row.
 */
export async function ensureDecks(
	db: KartuDB,
	version: string,
	load: () => Promise<Deck[]>,
	now = new Date()
): Promise<void> {
	if ((await db.settings.get(SETTING.contentVersion))?.value === version) return;
	await syncDecks(db, await load(), now);
	await db.settings.put({ key: SETTING.contentVersion, value: version });
}
