// The reader's state: each word's memory state (live), the learner's marks with undo, and which
// translations are shown (remembered per article).

import type { Deck } from '../cards';
import type { KartuDB } from '../db/schema';
import type { StoredCard, WordMark } from '../db/rows';
import {
	loadSettings,
	loadShownTranslations,
	saveShownTranslations,
	type ShownTranslations
} from '../db/settings';
import { cardsByHeadword, markWord, reviewNow, undoMark, type MarkUndo } from '../db/words';
import { setMeaning, setSentenceTranslation } from '../db/articles';
import { Scheduler, wordStatus, type WordStatus } from '../srs';
import { ready, storageMessage } from './app';
import { subscribeLive } from './live';

export class ReaderState {
	readonly deck: Deck;
	/** Memory state of each headword of the article. */
	statuses = $state.raw(new Map<string, WordStatus>());
	/** The stored cards of each headword, for the word panel. */
	cards = $state.raw(new Map<string, StoredCard[]>());
	translations = $state<ShownTranslations>({ all: false, shown: [] });
	/** The last mark given, which Undo takes back. */
	lastMark = $state.raw<(MarkUndo & { mark: WordMark | undefined }) | undefined>();
	error = $state<string | undefined>();
	loaded = $state(false);
	#db: KartuDB | undefined;

	/** An article the learner added: they may type a translation of each sentence. */
	readonly own: boolean;
	/** Translations typed here, by sentence id, shown at once over the deck's. */
	typed = $state<Record<string, string>>({});

	/** Call during component setup: the live query ends with the component. */
	constructor(deck: Deck, options: { own?: boolean } = {}) {
		this.deck = deck;
		this.own = options.own ?? false;
		$effect(() => this.watch());
	}

	/** Keeps each word's state live (and reads the translations shown); returns the cleanup. */
	watch(): () => void {
		const headwords = [...new Set(this.deck.cards.map((c) => c.headword))];
		return subscribeLive(
			async (db) => {
				this.#db = db;
				const stored = await loadShownTranslations(db, this.deck.article.slug);
				if (stored) this.translations = stored;
				const scheduler = new Scheduler(await loadSettings(db));
				return async () => {
					const byHeadword = await cardsByHeadword(db, headwords);
					const now = new Date();
					const statuses = new Map<string, WordStatus>();
					for (const hw of headwords) {
						statuses.set(
							hw,
							wordStatus(byHeadword.get(hw) ?? [], now, (c, t) => scheduler.retrievability(c, t))
						);
					}
					return { byHeadword, statuses };
				};
			},
			({ byHeadword, statuses }) => {
				this.cards = byHeadword;
				this.statuses = statuses;
				this.loaded = true;
			},
			(m) => (this.error = m)
		);
	}

	status(headword: string): WordStatus {
		return this.statuses.get(headword) ?? { state: 'new' };
	}

	/** Marks a word known or ignored (or clears the mark); Undo takes it back. */
	async mark(headword: string, mark: WordMark | undefined): Promise<void> {
		if (!this.#db) return;
		try {
			const undo = await markWord(this.#db, headword, mark);
			this.lastMark = { ...undo, mark };
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	async undoMark(): Promise<void> {
		if (!this.#db || !this.lastMark) return;
		try {
			await undoMark(this.#db, this.lastMark);
			this.lastMark = undefined;
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Brings the headword's cards forward in today's queue (db/words.ts `reviewNow`); false when that failed. */
	async reviewNow(headword: string): Promise<boolean> {
		try {
			await reviewNow(await ready(), headword);
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}

	/** Gives a headword the learner's own meaning (on every card of it); false when it failed or was empty. */
	async setMeaning(headword: string, gloss: string): Promise<boolean> {
		if (!gloss.trim()) {
			this.error = 'Type a meaning first.';
			return false;
		}
		try {
			await setMeaning(await ready(), headword, gloss);
			this.error = undefined;
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}

	/** A sentence's translation: the one typed here, else the deck's ('' for none). */
	translation(sentence: { id: string; translation: string }): string {
		return this.typed[sentence.id] ?? sentence.translation;
	}

	/** Keeps the learner's translation of a sentence of their own article; false when it failed. */
	async translate(sentenceId: string, text: string): Promise<boolean> {
		try {
			const saved = await setSentenceTranslation(
				await ready(),
				this.deck.article.slug,
				sentenceId,
				text
			);
			if (!saved) throw new Error('this article is no longer in your library');
			this.typed[sentenceId] = text.trim();
			this.error = undefined;
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}

	isShown(sentenceId: string): boolean {
		return this.translations.all !== this.translations.shown.includes(sentenceId);
	}

	/** Shows or hides one sentence's translation; the choice is stored. */
	async toggle(sentenceId: string): Promise<void> {
		const shown = this.translations.shown.includes(sentenceId)
			? this.translations.shown.filter((id) => id !== sentenceId)
			: [...this.translations.shown, sentenceId];
		this.translations = { ...this.translations, shown };
		await this.#save();
	}

	/** Shows or hides every translation; the choice is stored. */
	async toggleAll(): Promise<void> {
		this.translations = { all: !this.translations.all, shown: [] };
		await this.#save();
	}

	async #save(): Promise<void> {
		try {
			if (this.#db)
				await saveShownTranslations(
					this.#db,
					this.deck.article.slug,
					$state.snapshot(this.translations)
				);
		} catch (e) {
			this.error = storageMessage(e);
		}
	}
}
