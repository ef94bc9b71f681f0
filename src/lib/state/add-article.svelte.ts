// The add-article page's state: the text or file the learner gives, its analysis in the worker
// (progress, cancel), the preview (what is new, what they can read, the words they untick, mark
// known or give a meaning, an optional translation aligned to the sentences), and Create cards.

import { formatCount } from '../components/count';
import type { FromSurvey } from '../analyse/protocol';
import type { ArticleSource, PreparedArticle } from '../analyse/article';
import { withTranslations, type Deck } from '../cards';
import {
	addArticle,
	articleWithFingerprint,
	collectionWords,
	type NewArticle
} from '../db/articles';
import type { LibraryEntry } from '../db/rows';
import { loadSettings } from '../db/settings';
import { Scheduler } from '../srs';
import {
	alignTranslation,
	checkFileSize,
	checkText,
	moveBoundary,
	type Alignment,
	type SurveySummary
} from '../text';
import { ready, storageMessage } from './app';
import { articlePreview, type ArticlePreview } from './article-preview';
import { workerEngine, HOLD_ABOVE, type Engine } from './text-analysis.svelte';

export type AddPhase = 'input' | 'analysing' | 'preview' | 'saving';

/** Rows of the preview's word list shown at once (a long article has over a thousand). */
export const ROWS_SHOWN = 100;

let handed: { text?: string; file?: File } | undefined;

/** Gives the add-article page a text (or file) to start from: the analyse page's "Make cards from this text". */
export function handOver(what: { text?: string; file?: File }): void {
	handed = what;
}

/** What a language verdict tells the learner, or undefined when the text reads as Indonesian. */
function languageWarning(article: PreparedArticle): string | undefined {
	const { verdict, indonesianShare } = article.language;
	const share = `${Math.round(indonesianShare * 100)}%`;
	switch (verdict) {
		case 'english':
			return `This text looks like English, not Indonesian (${share} of the telling words are Indonesian). Cards made from it would teach wrong words.`;
		case 'other':
			return 'This text does not look like Indonesian. Cards made from it would teach wrong words.';
		case 'mixed':
			return `This text mixes Indonesian with another language (${share} of the telling words are Indonesian). Only its Indonesian words make sense as cards.`;
		default:
			return undefined;
	}
}

export class AddArticle {
	text = $state('');
	/** A paste too long for the text box, kept aside and analysed as it is. */
	held = $state.raw<string | undefined>();
	file = $state.raw<File | undefined>();
	title = $state('');
	source = $state('');
	phase = $state<AddPhase>('input');
	done = $state(0);
	total = $state(0);
	/** What the live region says. */
	status = $state('');
	error = $state<string | undefined>();
	prepared = $state.raw<PreparedArticle | undefined>();
	deck = $state.raw<Deck | undefined>();
	summary = $state.raw<SurveySummary | undefined>();
	preview = $state.raw<ArticlePreview | undefined>();
	/** The library has this text already. */
	duplicate = $state.raw<LibraryEntry | undefined>();
	/** Why the text may not be Indonesian; Create waits until the learner chooses to go on. */
	warning = $state<string | undefined>();
	goOn = $state(false);
	/** Headwords unticked (ignored) and marked known, and meanings typed, by headword. */
	unticked = $state<Record<string, boolean>>({});
	known = $state<Record<string, boolean>>({});
	meanings = $state<Record<string, string>>({});
	shown = $state(ROWS_SHOWN);
	translation = $state('');
	alignment = $state.raw<Alignment | undefined>();
	/** The worker has loaded the lexicon: an analysis starts at once. */
	ready = $state(false);
	percent = $derived(this.total ? Math.floor((100 * this.done) / this.total) : 0);
	#engine: Engine | undefined;
	#job = 0;

	constructor() {
		const given = handed;
		handed = undefined;
		if (given?.file) this.file = given.file;
		else if (given?.text && given.text.length > HOLD_ABOVE) this.held = given.text;
		else if (given?.text) this.text = given.text;
		// The lexicon loads while the learner pastes, so the analysis starts at once.
		if (typeof Worker !== 'undefined') {
			this.#engine = this.#start();
			this.#engine.send({ type: 'warm' });
		}
	}

	#start(): Engine {
		return workerEngine(
			(m) => void this.#receive(m),
			(message) => {
				this.#engine?.stop();
				this.#engine = undefined;
				this.phase = 'input';
				this.error = `The analysis failed: ${message}`;
			}
		);
	}

	/** Takes a paste too long for the text box; false when the box should take it as usual. */
	hold(pasted: string): boolean {
		if (pasted.length <= HOLD_ABOVE) return false;
		const check = checkText(pasted);
		if (!check.ok) this.error = check.message;
		else {
			this.error = undefined;
			this.held = pasted;
			this.file = undefined;
		}
		return true;
	}

	choose(file: File | undefined): void {
		this.file = file;
		this.error = undefined;
		if (file) this.held = undefined;
	}

	/** Analyses the file chosen, else the text pasted; an empty or oversize one gets a message and nothing runs. */
	analyse(): void {
		let source: ArticleSource;
		if (this.file) {
			const tooLarge = checkFileSize(this.file.size, this.file.name);
			if (tooLarge && !tooLarge.ok) return void (this.error = tooLarge.message);
			source = { name: this.file.name, type: this.file.type, content: this.file };
		} else {
			const text = this.held ?? this.text;
			const check = checkText(text);
			if (!check.ok) return void (this.error = check.message);
			source = { name: '', type: '', content: text };
		}
		source.title = this.title;
		source.source = this.source;
		this.error = undefined;
		this.phase = 'analysing';
		this.done = this.total = 0;
		this.status = 'Reading the text…';
		performance.clearMarks('kartu:add:start');
		performance.mark('kartu:add:start');
		this.#engine ??= this.#start();
		this.#engine.send({ type: 'article', job: ++this.#job, source });
	}

	cancel(): void {
		if (this.phase !== 'analysing') return;
		this.#engine?.send({ type: 'cancel', job: this.#job });
		this.#job++;
		this.phase = 'input';
		this.status = 'Analysis cancelled; nothing was stored.';
	}

	/** Back to the text, keeping it, after a preview. */
	edit(): void {
		this.phase = 'input';
		this.preview = undefined;
		this.status = '';
	}

	async #receive(m: FromSurvey): Promise<void> {
		if (m.type === 'ready') {
			this.ready = true;
			return;
		}
		if (m.type === 'page' || m.job !== this.#job) return;
		switch (m.type) {
			case 'progress': {
				const before = Math.floor(this.percent / 10);
				this.done = m.done;
				this.total = m.total;
				if (Math.floor(this.percent / 10) !== before || m.done === 0)
					this.status = `Analysing: ${this.percent}% of ${formatCount(m.total)} sentences.`;
				return;
			}
			case 'refused':
				this.phase = 'input';
				this.status = '';
				this.error = m.message;
				return;
			case 'failed':
				this.phase = 'input';
				this.status = '';
				this.error = `The analysis failed: ${m.message}`;
				return;
			case 'article':
				try {
					await this.#show(m.article, m.deck, m.summary);
				} catch (e) {
					this.phase = 'input';
					this.error = storageMessage(e);
				}
				return;
		}
	}

	async #show(article: PreparedArticle, deck: Deck, summary: SurveySummary): Promise<void> {
		const db = await ready();
		const headwords = [...new Set(deck.cards.map((c) => c.headword))];
		const [duplicate, collection, settings] = await Promise.all([
			articleWithFingerprint(db, article.fingerprint),
			collectionWords(db, headwords),
			loadSettings(db)
		]);
		const scheduler = new Scheduler(settings);
		const now = new Date();
		this.preview = articlePreview(deck, collection, now, (c, t) => scheduler.retrievability(c, t));
		this.prepared = article;
		this.deck = deck;
		this.summary = summary;
		this.duplicate = duplicate;
		this.warning = languageWarning(article);
		this.goOn = false;
		this.title = this.title.trim() || article.title;
		if (!this.source.trim()) this.source = article.source;
		this.unticked = {};
		this.known = {};
		this.meanings = {};
		this.shown = ROWS_SHOWN;
		this.alignment = undefined;
		this.phase = 'preview';
		this.status = duplicate
			? `This text is in your library already, as “${duplicate.title}”.`
			: `Ready: ${formatCount(this.preview.fresh)} new words of ${formatCount(this.preview.headwords)}.`;
		// Measured to the frame that shows the preview: a frame, then a task after it (bench/articles.ts).
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => performance.measure('kartu:add:preview', 'kartu:add:start');
			channel.port2.postMessage(null);
		});
	}

	/** Aligns the pasted translation with the article's sentences (or clears it when empty). */
	align(): void {
		if (!this.deck || !this.translation.trim()) {
			this.alignment = undefined;
			return;
		}
		this.alignment = alignTranslation(
			this.deck.sentences.map((s) => ({ text: s.text, paragraph: s.paragraph })),
			this.translation
		);
	}

	/** Fixes a misaligned pair: sentence `index` takes (+1) or gives up (−1) an English sentence at its end. */
	move(index: number, delta: 1 | -1): void {
		if (this.alignment) this.alignment = moveBoundary(this.alignment, index, delta);
	}

	/** Whether Create cards may run now, and if not, why. */
	get blocked(): string | undefined {
		if (this.phase !== 'preview' || !this.deck) return 'Analyse a text first.';
		if (this.duplicate) return 'This text is in your library already.';
		if (this.warning && !this.goOn) return 'Choose whether to make cards from this text anyway.';
		if (!this.title.trim()) return 'Give the article a title.';
		return undefined;
	}

	/** Stores the article and its cards; resolves to its slug, or undefined when nothing was stored. */
	async create(): Promise<string | undefined> {
		const deck = this.deck;
		const article = this.prepared;
		if (this.blocked || !deck || !article) return undefined;
		this.phase = 'saving';
		this.status = 'Making cards…';
		performance.clearMarks('kartu:add:create:start');
		performance.mark('kartu:add:create:start');
		const marks: Record<string, 'known' | 'ignored'> = {};
		for (const [hw, on] of Object.entries(this.known)) if (on) marks[hw] = 'known';
		for (const [hw, off] of Object.entries(this.unticked)) if (off) marks[hw] = 'ignored';
		const meanings: Record<string, string> = {};
		for (const [hw, gloss] of Object.entries(this.meanings)) {
			const row = this.preview?.rows.find((r) => r.headword === hw);
			if (gloss.trim() && gloss.trim() !== row?.gloss) meanings[hw] = gloss.trim();
		}
		const translations: Record<string, string> = {};
		this.alignment?.sentences.forEach((s, i) => {
			if (s.translation) translations[deck.sentences[i].id] = s.translation;
		});
		const title = this.title.trim().replace(/\s+/g, ' ');
		const stored: NewArticle = {
			slug: article.slug,
			title,
			source: this.source.trim(),
			text: article.body,
			fingerprint: article.fingerprint,
			words: this.summary?.words ?? 0,
			deck: withTranslations(
				{ ...deck, article: { ...deck.article, title, source: this.source.trim() } },
				translations
			)
		};
		try {
			const db = await ready();
			const result = await addArticle(db, stored, { marks, meanings });
			performance.measure('kartu:add:create', 'kartu:add:create:start');
			this.status = `Made ${formatCount(result.added)} cards.`;
			return article.slug;
		} catch (e) {
			this.phase = 'preview';
			const message = e instanceof Error ? e.message : '';
			this.error = message.startsWith('This text is in your library') ? message : storageMessage(e);
			this.status = '';
			return undefined;
		}
	}

	/** Ends the worker; the page calls it when it goes. */
	destroy(): void {
		this.#engine?.stop();
		this.#engine = undefined;
	}
}
