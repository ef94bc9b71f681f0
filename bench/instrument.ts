// Runs in the served site's pages before any of their own scripts (bundled by bench/page.ts with
// esbuild and added as an init script): times each key press to the DOM change it makes and to the
// frame that paints it, and the page's first card, home counts and charts the same way.
//
// "Painted" is the message posted (MessageChannel) from a requestAnimationFrame callback requested
// once the change is in the DOM: the callback runs in the first frame that can show the change,
// and the message is handled once that frame's style, layout and paint are done. The harness never
// requests a frame itself before a key, so a key meets the page as a learner's key does. Beside it,
// the Event Timing API's own duration for the key (the browser's INP figure: key press → the next
// paint, in steps of 8 ms, reported only from 16 ms on).

import { PROBE_KEY, type BenchWindow, type KeyRecord, type Mark } from './keys';

const w = window as unknown as BenchWindow;
const keys: KeyRecord[] = (w.__keys = []);
const marks: BenchWindow['__marks'] = (w.__marks = {
	firstCard: undefined,
	firstReady: undefined,
	home: undefined,
	stats: undefined,
	hello: undefined
});

/** Calls `done(time)` once the next frame (which shows what is in the DOM now) is painted. */
function afterPaint(done: (t: number) => void): void {
	requestAnimationFrame(() => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			done(performance.now());
			channel.port1.close();
		};
		channel.port2.postMessage(0);
	});
}

/**
 * Marks for bench/trace.ts, which finds each key's frame in Chromium's trace by them; only when it
 * asks (`__benchTrace`): a mark is cheap, but with tracing on it is written into the trace as well.
 */
const mark = (name: string) => {
	if ((window as unknown as { __benchTrace?: boolean }).__benchTrace) performance.mark(name);
};

/** The face on screen: the card shown carries its id (the one drawn ahead, hidden, carries none). */
const visibleFace = () =>
	document.querySelector('[data-card-id]')?.closest<HTMLElement>('.face') ?? null;
const revealed = () => !!document.querySelector('.bar[role=group]:not([hidden])');
const cardOf = (face: Element | null) =>
	face?.querySelector('[data-card-id]')?.getAttribute('data-card-id') ?? undefined;
const kindOf = (face: Element | null) =>
	(face?.querySelector('article.card')?.getAttribute('aria-label') ?? '')
		.split(' ')[0]
		.toLowerCase()
		.replace('affix', 'drill')
		.replace('vocabulary', 'vocab') || undefined;

let pending: { rec: KeyRecord; face: HTMLElement | null } | undefined;
/** Space on a focused, visible button clicks it when the key comes up: the key measured is then the keyup. */
let onKeyup: { rec: KeyRecord; face: HTMLElement | null } | undefined;
let probe: Text | undefined;

/**
 * Times `rec` to its painted frame. The frame callback is requested at once, in the key's own
 * first handler, so that it is the frame's first: its message then follows the frame's own work
 * (every callback, style, layout, paint) and whatever was queued before the frame (the key's own
 * tasks among them), not what later callbacks of the same frame post for after it. A change not in
 * the DOM yet when the frame starts (a card read from the database first) waits for the next frame.
 */
function track(rec: KeyRecord, face?: HTMLElement | null) {
	keys.push(rec);
	mark(`bench-key-${rec.n}`);
	if (face !== undefined) pending = { rec, face };
	let frames = 0;
	const frame = () => {
		// Not in the DOM yet: wait for the next frame, while this key is still the one awaited (at
		// most a second): a frame requested forever would line every later frame up on the display's
		// and slow every later key.
		if (rec.dom === undefined) {
			if (pending?.rec === rec && ++frames < 60) requestAnimationFrame(frame);
			return;
		}
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			rec.paint = performance.now();
			mark(`bench-paint-${rec.n}`);
			channel.port1.close();
		};
		channel.port2.postMessage(0);
	};
	requestAnimationFrame(frame);
}

function found(rec: KeyRecord, now: number) {
	rec.dom = now;
	mark(`bench-dom-${rec.n}`);
}

addEventListener(
	'keydown',
	(e) => {
		if (e.repeat) return;
		const now = performance.now();
		const base = { n: keys.length, key: e.key, t0: e.timeStamp, start: now };
		if (e.key === PROBE_KEY) {
			const rec: KeyRecord = { ...base, type: 'probe' };
			track(rec);
			if (!probe) {
				const el = document.createElement('div');
				el.setAttribute('aria-hidden', 'true');
				el.style.cssText = 'position:fixed;left:0;bottom:0;font:10px monospace';
				probe = document.createTextNode('0');
				el.append(probe);
				document.body.append(el);
			}
			probe.data = String(rec.n);
			found(rec, performance.now());
			return;
		}
		const face = visibleFace();
		if (!face) return;
		// Typing into a cloze's text box (a space in "kerja sama" among it) is not a key measured;
		// Enter there shows the answer.
		const target = e.target as HTMLElement;
		if (target.closest('input, textarea, select, [contenteditable]') && e.key !== 'Enter') return;
		const shown = revealed();
		const letter = /^[a-h]$/i.test(e.key) && kindOf(face) === 'drill';
		let type: KeyRecord['type'] | undefined;
		if (shown && /^([1-4]| |Enter)$/.test(e.key)) type = 'grade';
		else if (!shown && (e.key === ' ' || e.key === 'Enter' || letter)) type = 'reveal';
		if (!type) return;
		const rec: KeyRecord = { ...base, type, from: cardOf(face) };
		if (e.key === ' ' && target.matches('button') && !target.closest('[hidden]'))
			onKeyup = { rec, face };
		else track(rec, face);
	},
	true
);

addEventListener(
	'keyup',
	(e) => {
		if (!onKeyup || e.key !== ' ') return;
		const { rec, face } = onKeyup;
		onKeyup = undefined;
		track({ ...rec, n: keys.length, t0: e.timeStamp, start: performance.now() }, face);
	},
	true
);

function check() {
	const now = performance.now();
	if (pending) {
		const { rec, face } = pending;
		if (rec.type === 'grade') {
			const done = document.querySelector('#done-title');
			const front =
				document.querySelector('button.show:not([hidden])') && !revealed() ? visibleFace() : null;
			if (front || done) {
				pending = undefined;
				rec.path = done ? 'finished' : front === face ? 'rebuilt' : 'pre-drawn';
				rec.kind = kindOf(front);
				rec.to = cardOf(front);
				found(rec, now);
			}
		} else if (revealed()) {
			pending = undefined;
			rec.kind = kindOf(face);
			rec.to = rec.from;
			found(rec, now);
		}
	}
	// The first card on screen: drawn by the page's early script (data-early-card) or by the app;
	// and the app's own (data-card-id), the one that takes grades.
	if (!marks.firstCard && document.querySelector('[data-card-id], [data-early-card]')) {
		const m: Mark = (marks.firstCard = { dom: now });
		afterPaint((t) => (m.paint = t));
	}
	if (!marks.firstReady && document.querySelector('[data-card-id]')) {
		const m: Mark = (marks.firstReady = { dom: now });
		afterPaint((t) => (m.paint = t));
	}
	if (!marks.home) {
		const due = document.querySelector('[data-testid=due]');
		const learned = document.querySelector('[data-testid=learned]');
		if (
			due &&
			learned &&
			/\d/.test(due.textContent ?? '') &&
			/\d/.test(learned.textContent ?? '')
		) {
			const m: Mark = (marks.home = { dom: now });
			afterPaint((t) => (m.paint = t));
		}
	}
	// The baseline page (bench/hello-world): its heading.
	if (!marks.hello && document.querySelector('h1')?.textContent === 'Hello, world') {
		const m: Mark = (marks.hello = { dom: now });
		afterPaint((t) => (m.paint = t));
	}
	if (!marks.stats && document.querySelector('[data-testid=reviews-year]')) {
		const m: Mark = (marks.stats = { dom: now });
		afterPaint((t) => (m.paint = t));
	}
}

new MutationObserver(check).observe(document, {
	subtree: true,
	childList: true,
	characterData: true,
	attributes: true
});

// The browser's own figure for each key: Event Timing reports keydowns whose duration (key press to
// the next paint) reaches 16 ms, the least it reports.
new PerformanceObserver((list) => {
	for (const e of list.getEntries() as PerformanceEventTiming[]) {
		if (e.name !== 'keydown') continue;
		const rec = keys.find((k) => Math.abs(k.t0 - e.startTime) < 0.01);
		if (rec) rec.et = e.duration;
	}
}).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
