// The page of an article the learner added: its text in the reader, the words that still need a
// meaning (live), and rename, study next, export text and delete.

import type { StoredArticle } from '../db/rows';
import {
	deleteArticle,
	getArticle,
	renameArticle,
	studyNext,
	wordsWithoutMeaning,
	type WordWithoutMeaning
} from '../db/articles';
import { TITLE_MAX_CHARS } from '../text';
import { loadDecks, ready, storageMessage } from './app';
import { subscribeLive } from './live';

export class ArticlePage {
	readonly slug: string;
	article = $state.raw<StoredArticle | undefined>();
	/** The article is not in the library (never added, or deleted). */
	missing = $state(false);
	needsMeaning = $state.raw<WordWithoutMeaning[]>([]);
	error = $state<string | undefined>();
	/** What the last action did, for the live region. */
	status = $state('');

	constructor(slug: string) {
		this.slug = slug;
		$effect(() => this.watch());
	}

	/** Keeps the article and its words without a meaning live; returns the cleanup. */
	watch(): () => void {
		return subscribeLive(
			async (db) => async () => ({
				article: await getArticle(db, this.slug),
				needs: await wordsWithoutMeaning(db, this.slug)
			}),
			({ article, needs }) => {
				// Kept while its title is the same: nothing else of a stored article changes, and a new
				// object would render the reader again after every mark.
				if (!article) this.missing = true;
				else if (this.article?.deck.article.title !== article.deck.article.title)
					this.article = article;
				this.needsMeaning = needs;
			},
			(m) => (this.error = m)
		);
	}

	async rename(title: string): Promise<boolean> {
		const clean = title.trim().replace(/\s+/g, ' ').slice(0, TITLE_MAX_CHARS);
		if (!clean) {
			this.error = 'A title cannot be empty.';
			return false;
		}
		try {
			await renameArticle(await ready(), this.slug, clean);
			this.error = undefined;
			this.status = `Renamed “${clean}”.`;
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}

	async studyNext(): Promise<void> {
		try {
			const n = await studyNext(await ready(), this.slug);
			this.status = `This article’s ${n} new cards come next.`;
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Deletes the article; its cards no other article uses leave the queue, with their history. */
	async remove(): Promise<boolean> {
		try {
			const [db, bundled] = await Promise.all([ready(), loadDecks()]);
			await deleteArticle(db, this.slug, bundled);
			return true;
		} catch (e) {
			this.error = storageMessage(e);
			return false;
		}
	}

	/** The article's text as a file, named after its title. */
	exportFile(): { name: string; blob: Blob } | undefined {
		if (!this.article) return undefined;
		const title = this.article.deck.article.title;
		const name = `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'article'}.txt`;
		return { name, blob: new Blob([this.article.text], { type: 'text/plain;charset=utf-8' }) };
	}
}
