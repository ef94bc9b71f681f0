// Loading decks into the database without touching progress (when the site's content has changed).

import type { Deck } from '../cards';
import { textHash } from '../text';
import { newCard } from '../srs';
import { QUEUE } from './queues';
import { queueOf, type KartuDB } from './schema';
import { type StoredCard, type StoredWord } from './rows';
import { SETTING } from './names';

/** Within a headword, new cards come as vocabulary, then cloze, then affix drill (one a day). */
const KIND_ORDER = { vocab: 0, cloze: 1, drill: 2 } as const;
/** Room between articles in the new-card order. */
const ARTICLE_SPAN = 1_000_000;

export interface SyncResult {
	added: number;
	updated: number;
	retired: number;
	unchanged: boolean;
}

/**
 * Upserts the decks' cards: new cards are added in the New state, existing cards get fresh content
 * and keep their FSRS state, and cards whose headword left an article are retired, never deleted.
 * A deck whose content has not changed since the last sync is skipped.
 */
export async function syncDecks(db: KartuDB, decks: Deck[], now: Date): Promise<SyncResult> {
	return db.transaction('rw', db.cards, db.settings, db.words, async () => {
		const result: SyncResult = { added: 0, updated: 0, retired: 0, unchanged: true };
		let marks: Map<string, StoredWord['mark']> | undefined;
		const registry =
			((await db.settings.get(SETTING.articles))?.value as string[] | undefined) ?? [];
		for (const deck of decks) {
			const slug = deck.article.slug;
			if (!registry.includes(slug)) registry.push(slug);
			const hash = textHash(JSON.stringify(deck.cards));
			if ((await db.settings.get(SETTING.deckHashPrefix + slug))?.value === hash) continue;
			result.unchanged = false;
			const base = registry.indexOf(slug) * ARTICLE_SPAN;
			const existing = new Map(
				(await db.cards.where('article').equals(slug).toArray()).map((c) => [c.id, c])
			);
			// A word marked known or ignored in another article is so in this one too.
			marks ??= new Map((await db.words.toArray()).map((w) => [w.headword, w.mark]));
			const rows: StoredCard[] = [];
			for (const content of deck.cards) {
				const position = base + content.position * 3 + KIND_ORDER[content.kind];
				const old = existing.get(content.id);
				existing.delete(content.id);
				const row: StoredCard = old
					? { ...old, content, position, retired: false, queue: 0 }
					: {
							id: content.id,
							article: slug,
							sibling: `${slug}/${content.headword}`,
							position,
							content,
							fsrs: newCard(now),
							suspended: false,
							retired: false,
							...(marks.has(content.headword) ? { mark: marks.get(content.headword) } : {}),
							queue: 0
						};
				row.queue = queueOf(row);
				if (old) result.updated++;
				else result.added++;
				rows.push(row);
			}
			for (const gone of existing.values()) {
				if (gone.retired) continue;
				rows.push({ ...gone, retired: true, queue: QUEUE.retired });
				result.retired++;
			}
			await db.cards.bulkPut(rows);
			await db.settings.put({ key: SETTING.deckHashPrefix + slug, value: hash });
		}
		await db.settings.put({ key: SETTING.articles, value: registry });
		return result;
	});
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
