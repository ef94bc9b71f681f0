// How well a set of FSRS-6 parameters fits the learner's reviews, and what it would mean for their
// workload: log loss and RMSE (bins) as fsrs-rs computes them (its `evaluate`), and the reviews a
// day the cards would need over the next month. Memory states come from ts-fsrs's FSRS-6 formulas,
// the ones the scheduler uses.

import { clipParameters, FSRSAlgorithm, generatorParameters, Rating } from 'ts-fsrs';
import { studyDayNumber, type CardHistory, type FsrsItem } from './fsrs-items';

/** How well parameters predict reviews: lower is better for both. */
export interface Fit {
	/** Mean binary cross-entropy of the predicted recall against what happened (recalled: any grade but Again). */
	logLoss: number;
	/** Root mean square of predicted minus actual recall over fsrs-rs's bins, weighted by their size. */
	rmseBins: number;
	/** Reviews predicted. */
	count: number;
}

export interface Memory {
	stability: number;
	difficulty: number;
}

function algorithm(weights: readonly number[], retention = 0.9, maximumInterval = 36500) {
	return new FSRSAlgorithm(
		generatorParameters({
			w: [...weights],
			request_retention: retention,
			maximum_interval: maximumInterval,
			enable_fuzz: false,
			enable_short_term: true
		})
	);
}

/**
 * The parameters as Kartu's scheduler uses them: ts-fsrs clips them to FSRS-6's bounds, and with
 * more than one relearning step it caps w17 and w18 so that the steps of a lapse cannot raise
 * stability above what it was (`clipParameters`). The measures here take them so, as the scheduler
 * would, whatever the relearning steps.
 * @example weightsAsScheduled([...DEFAULT_WEIGHTS.slice(0, 17), 1.5, 1.5, 0.07, 0.15], 3) → w17 = w18 = 0.49
 */
export function weightsAsScheduled(weights: readonly number[], relearningSteps: number): number[] {
	return clipParameters([...weights], relearningSteps, true);
}

/** FSRS-6 with one set of parameters: a card's memory from its reviews, and the interval a memory gets. */
export interface MemoryModel {
	/**
	 * A card's memory state after all its reviews.
	 * @example model.memory({ ratings: [3, 3], deltaTs: [0, 3], … }) → { stability: 10.9, difficulty: 2.1 }
	 */
	memory(h: CardHistory): Memory;
	/**
	 * The interval in whole days (at least 1, at most the maximum) after which a memory of
	 * `stability` has fallen to the desired retention (no fuzz).
	 * @example memoryModel(DEFAULT_WEIGHTS, 0.9).interval(10) → 10
	 */
	interval(stability: number): number;
}

export function memoryModel(
	weights: readonly number[],
	retention = 0.9,
	maximumInterval = 36500
): MemoryModel {
	const f = algorithm(weights, retention, maximumInterval);
	return {
		memory(h) {
			let memory: Memory | null = null;
			for (let k = 0; k < h.ratings.length; k++)
				memory = f.next_state(memory, h.deltaTs[k], h.ratings[k]);
			return memory ?? { stability: 0, difficulty: 0 };
		},
		interval: (stability) => f.next_interval(stability, 0)
	};
}

/**
 * The probability of recall each item's review had before it was given, by `weights`: the card's
 * memory state after the reviews before it, on the forgetting curve after `deltaTs[index]` days.
 * Each card's reviews are replayed once, however many of its items are asked for.
 */
export function predictions(
	histories: CardHistory[],
	items: Pick<FsrsItem, 'card' | 'index'>[],
	weights: readonly number[]
): Float64Array {
	const f = algorithm(weights);
	const wanted = new Map<number, Map<number, number>>();
	items.forEach((it, i) => {
		const m = wanted.get(it.card) ?? wanted.set(it.card, new Map()).get(it.card)!;
		m.set(it.index, i);
	});
	const out = new Float64Array(items.length);
	for (const [card, at] of wanted) {
		const h = histories[card];
		const last = Math.max(...at.keys());
		let memory: Memory | null = null;
		for (let k = 0; k <= last; k++) {
			const i = at.get(k);
			if (i !== undefined && memory) out[i] = f.forgetting_curve(h.deltaTs[k], memory.stability);
			memory = f.next_state(memory, h.deltaTs[k], h.ratings[k]);
		}
	}
	return out;
}

/**
 * fsrs-rs's bin of an item (`FSRSItem::r_matrix_index`): the days since the previous review, the
 * number of reviews on different days so far, and the lapses before, each on a log scale.
 */
function bin(h: CardHistory, index: number): string {
	const dt = h.deltaTs[index];
	const dtBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(dt) / Math.log(3.62))) * 100);
	let longTerm = 0;
	let lapses = 0;
	for (let k = 0; k <= index; k++) {
		if (h.deltaTs[k] > 0) {
			longTerm++;
			if (k < index && h.ratings[k] === Rating.Again) lapses++;
		}
	}
	const length = longTerm + 1;
	const lengthBin = Math.round(
		1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89)))
	);
	const lapseBin = lapses
		? Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))))
		: 0;
	return `${dtBin}/${lengthBin}/${lapseBin}`;
}

/**
 * Log loss and RMSE (bins) of `weights` on `items`, as fsrs-rs's `evaluate` computes them.
 * @example evaluate(histories, test, DEFAULT_WEIGHTS) → { logLoss: 0.41, rmseBins: 0.05, count: 2000 }
 */
export function evaluate(
	histories: CardHistory[],
	items: Pick<FsrsItem, 'card' | 'index'>[],
	weights: readonly number[]
): Fit {
	const p = predictions(histories, items, weights);
	const bins = new Map<string, [predicted: number, actual: number, count: number]>();
	let loss = 0;
	items.forEach((it, i) => {
		const h = histories[it.card];
		const y = h.ratings[it.index] > Rating.Again ? 1 : 0;
		const r = Math.min(Math.max(p[i], 1e-6), 1 - 1e-6);
		loss -= y * Math.log(r) + (1 - y) * Math.log(1 - r);
		const key = bin(h, it.index);
		const b = bins.get(key) ?? bins.set(key, [0, 0, 0]).get(key)!;
		b[0] += p[i];
		b[1] += y;
		b[2]++;
	});
	let sum = 0;
	for (const [predicted, actual, count] of bins.values())
		sum += (predicted / count - actual / count) ** 2 * count;
	const n = items.length;
	return { logLoss: n ? loss / n : NaN, rmseBins: n ? Math.sqrt(sum / n) : NaN, count: n };
}

/**
 * The reviews a day that the cards would need over the next `days` study days with `weights`: each
 * card's memory state from its reviews (`cardHistories`), then each due review (an overdue one today) counted and
 * answered Good, the next one scheduled at the interval that gives `retention` (at most
 * `maximumInterval` days). Counts only the cards given, as they are now: no new cards, no lapses.
 * @example expectedReviewsPerDay(cards, weights, 0.9, 36500, today) → 41.3
 */
export function expectedReviewsPerDay(
	cards: CardHistory[],
	weights: readonly number[],
	retention: number,
	maximumInterval: number,
	today: number,
	dayStartHour: number,
	days = 30
): number {
	const f = algorithm(weights, retention, maximumInterval);
	const end = today + days;
	let reviews = 0;
	for (const h of cards) {
		if (!h.ratings.length) continue;
		let memory: Memory | null = null;
		for (let k = 0; k < h.ratings.length; k++)
			memory = f.next_state(memory, h.deltaTs[k], h.ratings[k]);
		let last = studyDayNumber(h.times.at(-1)!, dayStartHour);
		let due = last + f.next_interval(memory!.stability, 0);
		while (due < end) {
			if (due < today) due = today;
			reviews++;
			memory = f.next_state(memory, due - last, Rating.Good);
			last = due;
			due = last + f.next_interval(memory.stability, 0);
		}
	}
	return reviews / days;
}
