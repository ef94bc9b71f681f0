// For each article on the home page: how much of it the learner can read, and how many cards are new. Live.

import { liveQuery } from 'dexie';
import { articleProgress, type ArticleProgress } from '../cards/progress';
import type { Deck } from '../cards/types';
import type { StoredCard } from '../db/schema';
import { loadSettings } from '../db/settings';
import { Scheduler } from '../srs/schedule';
import { readable, wordStatus } from '../srs/word-state';
import { loadDecks, ready, storageMessage } from './app';

export class ArticleStats {
	decks = $state.raw<Deck[]>([]);
	progress = $state.raw(new Map<string, ArticleProgress>());
	error = $state<string | undefined>();

	/** Call during component setup. */
	constructor() {
		$effect(() => {
			let sub: { unsubscribe(): void } | undefined;
			let stopped = false;
			Promise.all([ready(), loadDecks()])
				.then(async ([db, decks]) => {
					if (stopped) return;
					this.decks = decks;
					const scheduler = new Scheduler(await loadSettings(db));
					const slugs = decks.map((d) => d.article.slug);
					sub = liveQuery(() => db.cards.where('article').anyOf(slugs).toArray()).subscribe({
						next: (rows) => (this.progress = compute(decks, rows, scheduler)),
						error: (e) => (this.error = storageMessage(e))
					});
				})
				.catch((e: Error) => (this.error = e.message));
			return () => {
				stopped = true;
				sub?.unsubscribe();
			};
		});
	}
}

function compute(decks: Deck[], rows: StoredCard[], scheduler: Scheduler): Map<string, ArticleProgress> {
	const now = new Date();
	const byHeadword = new Map<string, StoredCard[]>();
	for (const c of rows) byHeadword.set(c.content.headword, [...(byHeadword.get(c.content.headword) ?? []), c]);
	const byId = new Map(rows.map((c) => [c.id, c]));
	const ok = new Map<string, boolean>();
	const isReadable = (hw: string) => {
		if (!ok.has(hw)) ok.set(hw, readable(wordStatus(byHeadword.get(hw) ?? [], now, (c, t) => scheduler.retrievability(c, t))));
		return ok.get(hw)!;
	};
	const isNew = (id: string) => {
		const c = byId.get(id);
		return !!c && c.fsrs.reps === 0 && c.queue >= 0;
	};
	return new Map(decks.map((d) => [d.article.slug, articleProgress(d, isReadable, isNew)]));
}
