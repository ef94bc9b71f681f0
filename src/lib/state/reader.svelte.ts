// The reader's state: each word's memory state (live), the learner's marks with undo, and which
// translations are shown (remembered per article).

import type { Deck } from '../cards/types';
import type { KartuDB, StoredCard, WordMark } from '../db/schema';
import { loadSettings } from '../db/settings';
import { markWord, undoMark, type MarkUndo } from '../db/words';
import { Scheduler } from '../srs/schedule';
import { wordStatus, type WordStatus } from '../srs/word-state';
import { storageMessage } from './app';
import { liveFromDb } from './live.svelte';

interface Translations {
	all: boolean;
	shown: string[];
}

export class ReaderState {
	readonly deck: Deck;
	/** Memory state of each headword of the article. */
	statuses = $state.raw(new Map<string, WordStatus>());
	/** The stored cards of each headword, for the word panel. */
	cards = $state.raw(new Map<string, StoredCard[]>());
	translations = $state<Translations>({ all: false, shown: [] });
	/** The last mark given, which Undo takes back. */
	lastMark = $state.raw<(MarkUndo & { mark: WordMark | undefined }) | undefined>();
	error = $state<string | undefined>();
	loaded = $state(false);
	#db: KartuDB | undefined;

	/** Call during component setup: the live query ends with the component. */
	constructor(deck: Deck) {
		this.deck = deck;
		const headwords = [...new Set(deck.cards.map((c) => c.headword))];
		liveFromDb(
			async (db) => {
				this.#db = db;
				const stored = (await db.settings.get(this.#key))?.value as Translations | undefined;
				if (stored) this.translations = stored;
				const scheduler = new Scheduler(await loadSettings(db));
				return async () => {
					const rows = await db.cards.where('content.headword').anyOf(headwords).toArray();
					const byHeadword = new Map<string, StoredCard[]>();
					for (const c of rows) byHeadword.set(c.content.headword, [...(byHeadword.get(c.content.headword) ?? []), c]);
					const now = new Date();
					const statuses = new Map<string, WordStatus>();
					for (const hw of headwords) {
						statuses.set(hw, wordStatus(byHeadword.get(hw) ?? [], now, (c, t) => scheduler.retrievability(c, t)));
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

	get #key() {
		return `reader:${this.deck.article.slug}`;
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
			await this.#db?.settings.put({ key: this.#key, value: $state.snapshot(this.translations) });
		} catch (e) {
			this.error = storageMessage(e);
		}
	}
}
