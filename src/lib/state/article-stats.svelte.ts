// For each article on the home page: how much of it the learner can read, and how many cards are new. Live.

import { articleProgress, type ArticleProgress } from '../cards/progress';
import type { Deck } from '../cards/types';
import type { StoredCard } from '../db/schema';
import { loadSettings } from '../db/settings';
import { retrievability } from '../srs/memory';
import { readable, wordStatus } from '../srs/word-state';
import { loadDecks } from './app';
import { liveFromDb } from './live.svelte';

export class ArticleStats {
	decks = $state.raw<Deck[]>([]);
	progress = $state.raw(new Map<string, ArticleProgress>());
	error = $state<string | undefined>();

	/** Call during component setup. */
	constructor() {
		liveFromDb(
			async (db) => {
				const decks = await loadDecks();
				this.decks = decks;
				const { weights } = await loadSettings(db);
				const slugs = decks.map((d) => d.article.slug);
				return async () => compute(decks, await db.cards.where('article').anyOf(slugs).toArray(), weights);
			},
			(progress) => (this.progress = progress),
			(m) => (this.error = m)
		);
	}
}

function compute(decks: Deck[], rows: StoredCard[], weights: readonly number[]): Map<string, ArticleProgress> {
	const now = new Date();
	const byHeadword = new Map<string, StoredCard[]>();
	for (const c of rows) byHeadword.set(c.content.headword, [...(byHeadword.get(c.content.headword) ?? []), c]);
	const byId = new Map(rows.map((c) => [c.id, c]));
	const ok = new Map<string, boolean>();
	const isReadable = (hw: string) => {
		if (!ok.has(hw)) ok.set(hw, readable(wordStatus(byHeadword.get(hw) ?? [], now, (c, t) => retrievability(c, t, weights))));
		return ok.get(hw)!;
	};
	const isNew = (id: string) => {
		const c = byId.get(id);
		return !!c && c.fsrs.reps === 0 && c.queue >= 0;
	};
	return new Map(decks.map((d) => [d.article.slug, articleProgress(d, isReadable, isNew)]));
}
