// A review session: today's queue in memory, the card on screen, its answer, and undo.

import { loadQueue } from '../db/cards';
import { toQueueCard } from '../db/queues';
import type { EarlyQueue } from '../db/early/early';
import {
	getCards,
	practiceCards,
	recordAnswer,
	recordPractice,
	resetCard,
	StaleCardError,
	undoAnswer,
	undoPractice,
	upcoming
} from '../db/answers';
import { queueOf, type KartuDB } from '../db/schema';
import { type StoredCard, type StoredReview } from '../db/rows';
import { loadAudioSettings, loadSettings } from '../db/settings';
import { type ClozeCheck, type DeckCard, checkCloze, frontSpeech, shownContent } from '../cards';
import { speech } from './speech.svelte';
import { askPersistenceOnce } from './storage';
import {
	CardState,
	answer,
	nextLearningDue,
	pickNext,
	queueCounts,
	undo,
	type Queue,
	type QueueCard,
	type QueueCounts,
	type QueueUndo,
	type SchedulerSettings,
	formatInterval,
	GRADES,
	Scheduler,
	type Card as FsrsCard,
	type Grade,
	type Outcome
} from '../srs';
import { storageMessage } from './app';
import { FaceBuffer, type Face } from './face-buffer.svelte';
import { PracticeList } from './practice-list';

export type { Face };

interface Answered {
	/** The stored review row, once the answer is written. */
	review?: StoredReview;
	/** Settles when the answer is written (or has failed). */
	saved?: Promise<void>;
	/** In a scheduled session: how the queue changed. */
	record?: QueueUndo;
	/** In a practice session: where the card stood in the practice list. */
	practiceIndex?: number;
	before: StoredCard;
}

export interface SessionOptions {
	/** Practise one article's cards ahead of schedule; answers are recorded but change no card. */
	practice?: string;
	/** Settles when the database is ready (its decks loaded): `ready()` of state/app.ts. */
	ready?: Promise<unknown>;
}

/**
 * Today's queue as the review page's early script read it (src/lib/db/early/early.ts), taken once: a
 * later session (a reload of the queue, another visit without a page load) reads its own. Only
 * when it was read moments ago, on the same study day as `now`.
 */
function takeEarlyQueue(now: Date): Promise<EarlyQueue | undefined> | undefined {
	const early = globalThis.__kartuEarly;
	const queue = early?.queue;
	if (!early || !queue) return undefined;
	early.queue = undefined;
	return queue.then((q) =>
		q && now.getTime() - q.at < 10_000 && now.getTime() < q.loaded.queue.day.end ? q : undefined
	);
}

/** Runs `fn` once the page is idle (soon, where there is no idle callback, as in Node). */
function whenIdle(fn: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
	else setTimeout(fn, 0);
}

/**
 * Settles once the frame that shows what is in the DOM now has been drawn: a frame callback, then a
 * task, so that the work awaiting it never holds up that frame or its paint. A task later where no
 * frame comes (Node; a hidden tab, after at most 100 ms).
 */
function afterFrame(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
		requestAnimationFrame(() => setTimeout(resolve, 0));
		setTimeout(resolve, 100);
	});
}

/** Review cards read ahead of the one on screen. */
const PREFETCH = 8;

const PRACTICE_LABELS = {
	1: 'again soon',
	2: 'no change',
	3: 'no change',
	4: 'no change'
} as Record<Grade, string>;

export class ReviewSession {
	/** The card on screen, or undefined when nothing is left for now. */
	card = $state.raw<StoredCard | undefined>();
	/**
	 * What the card on screen shows: its content, a cloze card with the sentence this review
	 * shows of those of its articles (the one seen least lately, cards/contexts.ts).
	 */
	content = $derived<DeckCard | undefined>(
		this.card && shownContent(this.card.content, this.card.fsrs.reps)
	);
	revealed = $state(false);
	/** What the learner typed into a cloze blank. */
	typed = $state('');
	check = $state.raw<ClozeCheck | undefined>();
	/** Each grade's interval label for the card on screen ("10m", "3d"). */
	intervals = $state.raw<Record<Grade, string> | undefined>();
	counts = $state.raw<QueueCounts>({ new: 0, learning: 0, review: 0 });
	undoCount = $state(0);
	loading = $state(true);
	busy = $state(false);
	error = $state<string | undefined>();
	/** Shown when the queue is empty: cards due tomorrow and the next due time. */
	finished = $state.raw<{ tomorrow: number; next?: Date } | undefined>();
	/** The card on screen cannot be scheduled (an impossible stored state): only `resetCard` goes on. */
	unschedulable = $state(false);
	/** A short message for screen readers after each step. */
	announcement = $state('');
	/** Answers being written: the next card is shown without waiting for them. */
	saving = $state(0);
	/** Counts the cards shown (the same card again included): what is typed into a card starts afresh with each. */
	shown = $state(0);
	/** What the screen draws: the card on screen in `faces[front]` (`card`), the likely next one hidden in the other. */
	readonly buffer = new FaceBuffer();
	get faces(): [Face | undefined, Face | undefined] {
		return this.buffer.faces;
	}
	get front(): 0 | 1 {
		return this.buffer.front;
	}

	#db: KartuDB;
	#ready: Promise<unknown>;
	readonly practice: string | undefined;
	#practice = new PracticeList([]);
	#scheduler!: Scheduler;
	#settings!: SchedulerSettings;
	#queue!: Queue;
	#cards = new Map<string, StoredCard>();
	#history: Answered[] = [];
	#shownAt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#autoplay = false;
	#asked = false;
	/** When the card on screen was shown: its grades' intervals are computed from then. */
	#shownNow = new Date();
	/** The card on screen's state after each grade, from #shownNow: worked out when its answer is shown. */
	#preview: Record<Grade, Outcome> | undefined;
	#prefetching = false;
	#reloading = false;
	/** Whether the first card the page's early script drew has been taken over (or let go). */
	#earlyTaken = false;
	#cleanup: (() => void)[] = [];

	constructor(db: KartuDB, options: SessionOptions = {}) {
		this.#db = db;
		this.practice = options.practice;
		this.#ready = options.ready ?? Promise.resolve();
		// Awaited only when there is no early queue; a failure then reaches the learner from start().
		this.#ready.catch(() => {});
	}

	/**
	 * Loads settings and today's queue, and shows the first card. On a fresh page the queue the
	 * page's early script read while the app loaded is shown at once, without waiting for `ready`
	 * (the database's start: it holds this build's decks, or the early script would have read
	 * nothing); otherwise, once `ready` settles, everything is read here.
	 */
	async start(now = new Date()): Promise<void> {
		try {
			const read = this.practice ? undefined : await takeEarlyQueue(now);
			if (read) {
				this.#begin(read.settings, read.autoplay);
				this.#queue = read.loaded.queue;
				this.#cards = read.loaded.cards;
				for (const c of read.ahead) this.#cards.set(c.id, c);
				await this.#showNext(now);
				return;
			}
			try {
				await this.#ready;
			} catch (e) {
				// ready() says what went wrong in words already.
				this.error = (e as Error).message;
				return;
			}
			const [settings, audio] = await Promise.all([
				loadSettings(this.#db),
				loadAudioSettings(this.#db)
			]);
			this.#begin(settings, audio.autoplay);
			if (this.practice) {
				this.#practice = new PracticeList(await practiceCards(this.#db, this.practice));
				this.#showPractice(now);
				return;
			}
			const loaded = await loadQueue(this.#db, now, settings);
			this.#queue = loaded.queue;
			this.#cards = loaded.cards;
			await this.#showNext(now);
		} catch (e) {
			this.error = storageMessage(e);
		} finally {
			// No card to show (an error, nothing due): the early script's card, if any, goes with "Loading".
			this.#takeEarly();
			this.loading = false;
		}
	}

	/**
	 * Takes over the first card the page's early script drew before the app had loaded
	 * (db/early/early-face.ts), once: when it is `card`, what the learner did to it goes on here (the
	 * answer asked for, a typed answer, a drill's form chosen), and its time counts from when it was
	 * drawn. Called as this session shows its first card, in the same task, so that the screen
	 * replaces the early card with its own in one frame.
	 */
	#takeEarly(card?: StoredCard): void {
		if (this.#earlyTaken) return;
		this.#earlyTaken = true;
		const face = globalThis.__kartuEarly?.takeFace();
		const input = face?.take();
		if (!face || !input || !card || face.cardId !== card.id) return;
		this.#shownAt = Math.min(this.#shownAt, face.shownAt);
		if (input.typed) this.typed = input.typed;
		if (input.choice) this.choose(input.choice);
		else if (input.reveal) this.reveal();
	}

	#begin(settings: SchedulerSettings, autoplay: boolean): void {
		this.#settings = settings;
		this.#scheduler = new Scheduler(settings);
		this.#autoplay = autoplay;
		if (autoplay) speech.start();
	}

	/** On an affix drill, picks one of the forms offered, and shows the answer. */
	choose(form: string): void {
		if (!this.content || this.revealed || this.content.kind !== 'drill') return;
		this.typed = form;
		this.reveal();
	}

	/** Shows the answer side; on a cloze card or a drill, checks what was typed or chosen. */
	reveal(): void {
		if (!this.card || this.revealed) return;
		const content = this.content!;
		if (content.kind !== 'vocab')
			this.check = checkCloze(this.typed, content.answer, content.alternatives);
		if (!this.practice) {
			// The grades' intervals are needed only now: computing them here keeps the next card quick.
			try {
				const preview = this.#scheduler.preview(this.card.fsrs, this.#shownNow);
				if (GRADES.some((g) => !Number.isFinite(preview[g].interval)))
					throw new Error('no interval could be computed');
				this.#preview = preview;
				const labels = {} as Record<Grade, string>;
				for (const g of GRADES) labels[g] = formatInterval(preview[g].interval);
				this.intervals = labels;
			} catch (e) {
				this.#cannotSchedule(e);
			}
		}
		this.revealed = true;
		this.announcement =
			this.check && !this.check.empty
				? this.check.correct
					? 'Correct.'
					: 'Not quite.'
				: 'Answer shown.';
	}

	/**
	 * Records a grade for the card on screen and shows the next card at once: the queue is in
	 * memory, so the next card does not wait for the write. The answer (card and review row, one
	 * transaction) is written meanwhile; IndexedDB runs the writes in order. If a write fails, the
	 * learner is told and today's cards are reloaded from the database, so nothing unsaved is kept
	 * on screen as if it were saved.
	 */
	grade(grade: Grade, now = new Date()): Promise<void> {
		const card = this.card;
		if (!card || !this.revealed || this.busy || this.unschedulable) return Promise.resolve();
		this.error = undefined;
		if (this.practice) {
			this.busy = true;
			return this.#gradePractice(card, grade, now);
		}
		// The states worked out when the answer was shown: the grade itself costs no scheduling.
		let next: FsrsCard;
		try {
			next = this.#preview
				? this.#scheduler.answerFrom(this.#preview, card.fsrs, grade, this.#shownNow, now)
				: this.#scheduler.answer(card.fsrs, grade, now);
		} catch (e) {
			this.#cannotSchedule(e);
			return Promise.resolve();
		}
		const ms = performance.now() - this.#shownAt;
		const entry: Answered = {
			record: answer(this.#queue, toQueueCard(card), {
				state: next.state,
				due: next.due.getTime()
			}),
			before: card
		};
		const after: StoredCard = { ...card, fsrs: next };
		after.queue = queueOf(after);
		this.#cards.set(card.id, after);
		this.#history.push(entry);
		this.undoCount = this.#history.length;
		this.saving++;
		// Called in the key press's own task, before the next card is drawn: the answer goes into the
		// journal at once (db/answers.ts), so an answer whose next card is on screen survives the
		// browser being killed right after (tests/durability.e2e.ts); its full transaction follows
		// once the frame showing the next card is drawn. The screen marks the writes under way
		// (data-saving).
		const write = recordAnswer(
			this.#db,
			{ card, grade, next, time: now, ms, dayStartHour: this.#settings.dayStartHour },
			afterFrame()
		);
		entry.saved = write
			.then(
				(saved) => {
					entry.review = saved.review;
					if (this.#history[0] === entry && !this.#asked) {
						this.#asked = true;
						void askPersistenceOnce(this.#db).catch(() => {});
					}
				},
				(e: unknown) => this.#failed(entry, e, now)
			)
			.finally(() => this.saving--);
		if (now.getTime() >= this.#queue.day.end) return entry.saved.then(() => this.start(now));
		// The next card is on screen when this returns; the promise settles once the answer is written.
		return Promise.all([this.#showNext(now), entry.saved]).then(() => {});
	}

	/** The card on screen has a memory state FSRS cannot use: say so, and offer `resetCard`. */
	#cannotSchedule(e: unknown): void {
		this.unschedulable = true;
		this.intervals = undefined;
		this.error = `Kartu cannot schedule this card: its stored memory state is invalid (${(e as Error)?.message ?? e}). Reset it to a new card to go on; its review history is kept.`;
	}

	/** Resets the card on screen that cannot be scheduled to a new card (db/answers.ts `resetCard`) and reloads today's cards. */
	async resetCard(now = new Date()): Promise<void> {
		const card = this.card;
		if (!card || !this.unschedulable) return;
		try {
			await resetCard(this.#db, card.id, now);
			this.unschedulable = false;
			await this.start(now);
			this.announcement = 'The card was reset to a new card.';
		} catch (e) {
			this.error = `The card could not be reset. ${storageMessage(e)}`;
		}
	}

	/** An answer could not be written: say so, and reload today's cards from what is stored. */
	async #failed(entry: Answered, e: unknown, now: Date): Promise<void> {
		if (this.#reloading) return;
		this.#reloading = true;
		try {
			// Let the other answers in flight settle first; undo starts afresh with the reloaded queue.
			await Promise.allSettled(this.#history.filter((h) => h !== entry).map((h) => h.saved));
			this.#history = [];
			this.undoCount = 0;
			await this.start(now);
		} finally {
			this.#reloading = false;
		}
		this.error =
			e instanceof StaleCardError
				? 'This card was answered in another tab, so today’s cards were reloaded.'
				: `Your last answer was not saved, so today’s cards were reloaded. ${storageMessage(e)}`;
	}

	/** Takes back the last answer of this session: card state and review row, and shows that card again. */
	async undo(): Promise<void> {
		const last = this.#history.at(-1);
		if (!last || this.busy) return;
		this.busy = true;
		this.error = undefined;
		try {
			await last.saved;
			if (!last.review) return; // it was not saved: nothing to take back (the queue was reloaded)
			if (last.practiceIndex !== undefined) {
				await undoPractice(this.#db, last.review);
				this.#history.pop();
				this.#practice.undo(last.before, last.practiceIndex);
				this.undoCount = this.#history.length;
				this.#show(last.before, new Date());
				this.announcement = 'Answer undone.';
				return;
			}
			const restored = await undoAnswer(this.#db, last.review, this.#settings.dayStartHour);
			this.#history.pop();
			undo(this.#queue, last.record!);
			this.#cards.set(restored.id, restored);
			this.undoCount = this.#history.length;
			this.#show(restored, new Date());
			this.announcement = 'Answer undone.';
		} catch (e) {
			this.error = `Could not undo. ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	async #gradePractice(card: StoredCard, grade: Grade, now: Date): Promise<void> {
		try {
			const review = await recordPractice(this.#db, {
				card,
				grade,
				time: now,
				ms: performance.now() - this.#shownAt
			});
			const index = this.#practice.answer(card, grade);
			this.#history.push({ review, practiceIndex: index, before: card });
			this.undoCount = this.#history.length;
			this.#showPractice(now);
		} catch (e) {
			this.error = `Your answer was not saved. ${storageMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	#showPractice(now: Date): void {
		const card = this.#practice.current;
		this.counts = { new: 0, learning: 0, review: this.#practice.left };
		if (card) this.#show(card, now);
		else {
			this.card = undefined;
			this.finished = { tomorrow: 0 };
			this.announcement = 'Practice finished.';
		}
	}

	/**
	 * Reads the next few review cards of the queue ahead of time, so the card after an answer is
	 * already in memory: the queue holds review cards by id, not the whole day's rows.
	 */
	async #prefetch(): Promise<void> {
		if (this.#prefetching) return;
		const ids: string[] = [];
		for (const c of this.#queue.review) {
			if (ids.length >= PREFETCH) break;
			if (!this.#cards.has(c.id)) ids.push(c.id);
		}
		if (!ids.length) return;
		this.#prefetching = true;
		try {
			for (const card of await getCards(this.#db, ids))
				if (!this.#cards.has(card.id)) this.#cards.set(card.id, card);
		} catch {
			// Not fatal: #showNext reads a card that is missing.
		} finally {
			this.#prefetching = false;
		}
	}

	/**
	 * Draws the front of the card most likely next in the hidden face: the one the queue gives once
	 * the card on screen is answered and leaves it for the day (as most answers do). When the answer
	 * brings another card (an Again that comes straight back, a learning card fallen due meanwhile),
	 * that card is drawn then, as without this.
	 */
	prepareNext(now: Date): void {
		const card = this.card;
		if (!card || this.practice || !this.#queue) return;
		const q = this.#queue;
		const record = answer(q, toQueueCard(card), { state: CardState.Review, due: q.day.end });
		let next: QueueCard | undefined;
		try {
			next = pickNext(q, now.getTime());
		} finally {
			undo(q, record);
		}
		const row = next && this.#cards.get(next.id);
		if (row && row !== card && !this.buffer.holds(row) && this.card === card)
			this.buffer.prepare(row);
	}

	/** Stops the timer that waits for the next learning card. */
	stop(): void {
		clearTimeout(this.#timer);
		for (const f of this.#cleanup.splice(0)) f();
	}

	/** Runs `f` when the session stops (the page's channel, say). */
	onStop(f: () => void): void {
		this.#cleanup.push(f);
	}

	/**
	 * The collection was replaced in another tab (a Replace import or a snapshot restore): today's
	 * queue in memory describes cards that may be gone, so it is read again, undo starts afresh,
	 * and the learner is told why.
	 */
	async collectionReplaced(now = new Date()): Promise<void> {
		await Promise.allSettled(this.#history.map((h) => h.saved));
		this.#history = [];
		this.undoCount = 0;
		await this.start(now);
		this.error =
			'Your collection was replaced in another tab (an import or a restore), so today’s cards were reloaded.';
	}

	async #showNext(now: Date): Promise<void> {
		clearTimeout(this.#timer);
		for (;;) {
			const next = pickNext(this.#queue, now.getTime());
			if (!next) break;
			let card = this.#cards.get(next.id);
			if (!card) {
				// A review card the prefetch has not read yet (rare): read it now.
				[card] = await getCards(this.#db, [next.id]);
				if (!card) {
					this.#queue.review = this.#queue.review.filter((c) => c.id !== next.id);
					continue;
				}
				this.#cards.set(card.id, card);
			}
			this.#show(card, now);
			// Once this card is drawn: reading ahead must not delay the card on screen; nor must drawing
			// the next card's front, done once the page is idle.
			void afterFrame()
				.then(() => this.#prefetch())
				.then(() => whenIdle(() => this.prepareNext(now)));
			return;
		}
		this.card = undefined;
		this.counts = queueCounts(this.#queue, now.getTime());
		// What is due tomorrow is read from the database: let the answers under way land first.
		await Promise.allSettled(this.#history.map((h) => h.saved));
		const settings = await loadSettings(this.#db);
		this.finished = await upcoming(this.#db, now, settings);
		this.announcement = 'No more cards for now.';
		// A learning card due later today brings the session back by itself.
		const due = nextLearningDue(this.#queue);
		if (due !== undefined) {
			const wait = Math.max(1000, due - now.getTime() - 20 * 60_000);
			this.#timer = setTimeout(() => void this.#showNext(new Date()), Math.min(wait, 2 ** 31 - 1));
		}
	}

	#show(card: StoredCard, now: Date): void {
		this.finished = undefined;
		// The card drawn ahead: the faces swap, and the one going off screen is left as it is.
		this.buffer.show(card, { revealed: this.revealed, check: this.check });
		this.card = card;
		this.unschedulable = false;
		this.revealed = false;
		this.typed = '';
		this.check = undefined;
		if (this.practice) {
			this.intervals = PRACTICE_LABELS;
			this.counts = { new: 0, learning: 0, review: this.#practice.left };
		} else {
			this.intervals = undefined;
			this.counts = queueCounts(this.#queue, now.getTime());
		}
		this.shown++;
		this.#shownNow = now;
		this.#preview = undefined;
		this.#shownAt = performance.now();
		if (this.#autoplay) speech.speak(frontSpeech(shownContent(card.content, card.fsrs.reps)));
		this.#takeEarly(card);
	}
}
