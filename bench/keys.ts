// What bench/instrument.ts records in the page, as the harness reads it back (types and the baseline key).

/** What one key press did, in ms on the page's clock (performance.now()). */
export interface KeyRecord {
	n: number;
	key: string;
	/** grade: 1-4, Space or Enter with the answer shown; reveal: Space, Enter or a drill's letter on a front; probe: the baseline key. */
	type: 'grade' | 'reveal' | 'probe';
	/** The event's timeStamp: when the browser received the key. */
	t0: number;
	/** When the first key handler ran (the page's, capture phase): input delay = start - t0. */
	start: number;
	/** The change is in the DOM: the next card's front (grade), the answer (reveal), the text node (probe). */
	dom?: number;
	/** The frame that shows it is painted. */
	paint?: number;
	/** Event Timing's duration for this keydown, when it reported one (≥ 16 ms). */
	et?: number;
	/** A grade: the next front was drawn ahead in the hidden face ('pre-drawn') or drawn at the grade ('rebuilt'). */
	path?: 'pre-drawn' | 'rebuilt' | 'finished';
	/** The kind of card on screen after the key (vocab, cloze, drill). */
	kind?: string;
	/** The card graded or revealed, and the one shown after. */
	from?: string;
	to?: string;
}

export interface Mark {
	dom: number;
	paint?: number;
}

export interface BenchWindow {
	__keys: KeyRecord[];
	__marks: Record<'firstCard' | 'firstReady' | 'home' | 'stats' | 'hello', Mark | undefined>;
}

/** The key the harness presses as a baseline: its handler changes one text node, nothing else. */
export const PROBE_KEY = 'F9';
