// The home page: today's counts and the library (each article's figures), read without Dexie (db/early/home-read.ts),
// read again whenever the database changes (in any tab: state/shell.ts's channel) or the tab comes
// back into view.

// Modules imported one by one, not through srs/ or cards/ index.ts: this code is on the home page's
// (or the inline early script's) byte budget, and an index would bring ts-fsrs along.
import type { HomeCounts } from '../db/rows';
import { settingsHint } from '../db/early/early';
import {
	bundledArticles,
	firstVisitCounts,
	firstVisitLibrary,
	readHome,
	type BundledArticle,
	type HomeResult,
	type LibraryRow
} from '../db/early/home-read';
import { CHANGES_CHANNEL, loadDecks, storageMessage } from './shell';

/** What the home page knows of the bundled articles at build time (+page.server.ts). */
export interface HomeContent {
	bundled: BundledArticle[];
	/** Distinct headwords across them (a first visit's new cards). */
	headwords: number;
}

/** The home content from decks.json, for a page without build-time data. */
async function homeContent(): Promise<HomeContent> {
	const decks = await loadDecks();
	return {
		bundled: bundledArticles(decks),
		headwords: new Set(decks.flatMap((d) => d.cards.map((c) => c.headword))).size
	};
}

export class Home {
	counts = $state.raw<HomeCounts | undefined>();
	/** The bundled articles and the learner's own, with their figures. */
	library = $state.raw<LibraryRow[]>([]);
	error = $state<string | undefined>();
	#reads = 0;
	#snapshotStarted = false;
	#content: HomeContent | undefined;

	/**
	 * Call during component setup: the listeners end with the component. `content` is the bundled
	 * articles as the page's build-time data gives them; without it they come from decks.json.
	 */
	constructor(content?: HomeContent) {
		this.#content = content;
		// Counts the page's early script read before the app started: shown until the page's own read.
		const early = globalThis.__kartuEarly;
		if (early) {
			early.claimed = true;
			this.counts = early.homeValue;
			early.home?.then((c) => (this.counts ??= c));
		}
		$effect(() => {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const refresh = () => {
				clearTimeout(timer);
				timer = setTimeout(() => void this.read(), 30);
			};
			// The first read takes the early script's counts, once it has them, rather than reading them again beside it.
			void this.read(early?.home).finally(() => early?.release());
			const channel =
				typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGES_CHANNEL);
			if (channel) channel.onmessage = refresh;
			const shown = () => document.visibilityState === 'visible' && refresh();
			document.addEventListener('visibilitychange', shown);
			return () => {
				clearTimeout(timer);
				channel?.close();
				document.removeEventListener('visibilitychange', shown);
			};
		});
	}

	/** Reads everything the page shows; a later read's result wins over an earlier one still running. */
	async read(early?: Promise<HomeCounts | undefined>): Promise<void> {
		const n = ++this.#reads;
		try {
			if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
			const [content, counts] = await Promise.all([
				this.#content ?? homeContent(),
				early?.catch(() => undefined)
			]);
			if (n !== this.#reads) return;
			const now = new Date();
			const { bundled } = content;
			let result: HomeResult = await readHome(now, __CONTENT_VERSION__, bundled, {
				hint: settingsHint(),
				counts
			});
			if (result.kind === 'stale') {
				// A new build's decks: the app (with Dexie) loads them into the database first.
				const { ready } = await import('./app');
				await ready();
				result = await readHome(now, __CONTENT_VERSION__, bundled, { hint: settingsHint() });
			}
			if (n !== this.#reads) return;
			if (result.kind === 'stored') {
				this.counts = result.counts;
				this.library = result.library;
				if (result.snapshotDue) this.#snapshot(now);
			} else {
				// Nothing stored yet: the decks as they will be stored once a page that writes opens the database.
				this.counts = firstVisitCounts(content);
				this.library = firstVisitLibrary(bundled);
			}
			this.error = undefined;
		} catch (e) {
			if (n === this.#reads) this.error = storageMessage(e);
		}
	}

	/** Today's automatic snapshot, in a worker, once the page is idle (as every page that opens the database does). */
	#snapshot(now: Date): void {
		if (this.#snapshotStarted) return;
		this.#snapshotStarted = true;
		const start = () =>
			void import('../db/backup/snapshot-job')
				.then(({ takeTodaysSnapshot }) =>
					takeTodaysSnapshot(now, () => import('./app').then((a) => a.ready()))
				)
				.catch(() => {});
		if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
		else setTimeout(start, 0);
	}
}
