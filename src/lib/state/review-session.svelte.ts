// A review session: today's queue in memory, the card on screen, its answer, and undo.

import type { ClozeCheck } from '../cards/cloze';
import { checkCloze } from '../cards/cloze';
import { loadQueue, practiceCards, toQueueCard, upcoming } from '../db/cards';
import { recordAnswer, recordPractice, StaleCardError, undoAnswer, undoPractice } from '../db/reviews';
import type { KartuDB, StoredCard, StoredReview } from '../db/schema';
import { loadAudioSettings, loadSettings } from '../db/settings';
import { frontSpeech } from '../cards/spoken';
import { speech } from './speech.svelte';
import { askPersistenceOnce } from './storage';
import { answer, nextLearningDue, pickNext, queueCounts, undo, type Queue, type QueueCounts, type QueueUndo } from '../srs/queue';
import type { SchedulerSettings } from '../srs/settings';
import { formatInterval, GRADES, Scheduler, type Grade } from '../srs/schedule';
import { storageMessage } from './app';

interface Answered {
	review: StoredReview;
	/** In a scheduled session: how the queue changed. */
	record?: QueueUndo;
	/** In a practice session: where the card stood in the practice list. */
	practiceIndex?: number;
	before: StoredCard;
}

export interface SessionOptions {
	/** Practise one article's cards ahead of schedule; answers are recorded but change no card. */
	practice?: string;
}

const PRACTICE_LABELS = { 1: 'again soon', 2: 'no change', 3: 'no change', 4: 'no change' } as Record<Grade, string>;

export class ReviewSession {
	/** The card on screen, or undefined when nothing is left for now. */
	card = $state.raw<StoredCard | undefined>();
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
	/** A short message for screen readers after each step. */
	announcement = $state('');

	#db: KartuDB;
	readonly practice: string | undefined;
	#practice: StoredCard[] = [];
	#scheduler!: Scheduler;
	#settings!: SchedulerSettings;
	#queue!: Queue;
	#cards = new Map<string, StoredCard>();
	#history: Answered[] = [];
	#shownAt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#autoplay = false;

	constructor(db: KartuDB, options: SessionOptions = {}) {
		this.#db = db;
		this.practice = options.practice;
	}

	/** Loads settings and today's queue, and shows the first card. */
	async start(now = new Date()): Promise<void> {
		try {
			const settings = await loadSettings(this.#db);
			this.#settings = settings;
			this.#scheduler = new Scheduler(settings);
			this.#autoplay = (await loadAudioSettings(this.#db)).autoplay;
			if (this.#autoplay) speech.start();
			if (this.practice) {
				this.#practice = await practiceCards(this.#db, this.practice);
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
			this.loading = false;
		}
	}

	/** On an affix drill, picks one of the forms offered, and shows the answer. */
	choose(form: string): void {
		if (!this.card || this.revealed || this.card.content.kind !== 'drill') return;
		this.typed = form;
		this.reveal();
	}

	/** Shows the answer side; on a cloze card or a drill, checks what was typed or chosen. */
	reveal(): void {
		if (!this.card || this.revealed) return;
		if (this.card.content.kind !== 'vocab') this.check = checkCloze(this.typed, this.card.content.answer, this.card.content.alternatives);
		this.revealed = true;
		this.announcement = this.check && !this.check.empty ? (this.check.correct ? 'Correct.' : 'Not quite.') : 'Answer shown.';
	}

	/** Records a grade for the card on screen and moves to the next card. */
	async grade(grade: Grade, now = new Date()): Promise<void> {
		const card = this.card;
		if (!card || !this.revealed || this.busy) return;
		this.busy = true;
		this.error = undefined;
		if (this.practice) return this.#gradePractice(card, grade, now);
		try {
			const next = this.#scheduler.answer(card.fsrs, grade, now);
			const saved = await recordAnswer(this.#db, {
				card,
				grade,
				next,
				time: now,
				ms: performance.now() - this.#shownAt,
				dayStartHour: this.#settings.dayStartHour
			});
			const record = answer(this.#queue, toQueueCard(card), { state: next.state, due: next.due.getTime() });
			this.#cards.set(card.id, saved.card);
			this.#history.push({ review: saved.review, record, before: card });
			this.undoCount = this.#history.length;
			if (this.#history.length === 1) void askPersistenceOnce(this.#db).catch(() => {});
			if (now.getTime() >= this.#queue.day.end) await this.start(now);
			else await this.#showNext(now);
		} catch (e) {
			if (e instanceof StaleCardError) {
				// Another tab answered this card: reload today's queue from the database.
				this.#history = [];
				this.undoCount = 0;
				await this.start(now);
				this.error = 'This card was answered in another tab, so today’s cards were reloaded.';
			} else this.error = `Your answer was not saved. ${storageMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	/** Takes back the last answer of this session: card state and review row, and shows that card again. */
	async undo(): Promise<void> {
		const last = this.#history.at(-1);
		if (!last || this.busy) return;
		this.busy = true;
		this.error = undefined;
		try {
			if (last.practiceIndex !== undefined) {
				await undoPractice(this.#db, last.review);
				this.#history.pop();
				// The card was moved to the end (Again) or dropped; put it back where it stood.
				const at = this.#practice.lastIndexOf(last.before);
				if (at >= 0) this.#practice.splice(at, 1);
				this.#practice.splice(last.practiceIndex, 0, last.before);
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
			const review = await recordPractice(this.#db, { card, grade, time: now, ms: performance.now() - this.#shownAt });
			const index = this.#practice.indexOf(card);
			this.#practice.splice(index, 1);
			// Again: the card comes back at the end of the practice, as in a filtered deck.
			if (grade === 1) this.#practice.push(card);
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
		const card = this.#practice[0];
		this.counts = { new: 0, learning: 0, review: this.#practice.length };
		if (card) this.#show(card, now);
		else {
			this.card = undefined;
			this.finished = { tomorrow: 0 };
			this.announcement = 'Practice finished.';
		}
	}

	/** Stops the timer that waits for the next learning card. */
	stop(): void {
		clearTimeout(this.#timer);
	}

	async #showNext(now: Date): Promise<void> {
		clearTimeout(this.#timer);
		const next = pickNext(this.#queue, now.getTime());
		const card = next && this.#cards.get(next.id);
		if (card) {
			this.#show(card, now);
			return;
		}
		this.card = undefined;
		this.counts = queueCounts(this.#queue, now.getTime());
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
		this.card = card;
		this.revealed = false;
		this.typed = '';
		this.check = undefined;
		if (this.practice) {
			this.intervals = PRACTICE_LABELS;
			this.counts = { new: 0, learning: 0, review: this.#practice.length };
		} else {
			const preview = this.#scheduler.preview(card.fsrs, now);
			const labels = {} as Record<Grade, string>;
			for (const g of GRADES) labels[g] = formatInterval(preview[g].interval);
			this.intervals = labels;
			this.counts = queueCounts(this.#queue, now.getTime());
		}
		this.#shownAt = performance.now();
		if (this.#autoplay) speech.speak(frontSpeech(card.content));
	}
}
