// A learner's review session driven by keyboard at a learner's pace, for the grade benchmark: reads
// each front for a while, types cloze answers (with mistakes), picks affix-drill forms, and grades
// as learners do (mostly Good, some Again and Hard, a few Easy), so that Again cards come back,
// learning cards fall due and fronts drawn ahead and drawn at the grade both occur. Keys are held
// down as fingers hold them and pressed after random pauses, never right after a frame the harness
// asked for. The page's instrumentation (bench/instrument.ts) times each key; this drives it.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PROBE_KEY, type KeyRecord } from './keys';
import { median, percentile } from './lib';

/** What the harness knows of a card's content, to answer it rightly or not. */
interface Answer {
	kind: 'vocab' | 'cloze' | 'drill';
	answer: string;
	forms: string[];
}

/** Each card's answer from the build's decks, by card id (a seeded copy `word~3/kind` answers as `word/kind`). */
export function answersFrom(decksJson: string): Map<string, Answer> {
	const decks = JSON.parse(readFileSync(decksJson, 'utf8')) as {
		decks: {
			cards: {
				id: string;
				kind: Answer['kind'];
				answer: string;
				choices?: { form: string }[];
			}[];
		}[];
	};
	const out = new Map<string, Answer>();
	for (const d of decks.decks)
		for (const c of d.cards)
			out.set(c.id, {
				kind: c.kind,
				answer: c.answer,
				forms: c.choices?.map((x) => x.form) ?? []
			});
	return out;
}

const templateId = (id: string) => id.replace(/~\d+\//, '/');

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SessionOptions {
	/** Stop after this many grades (or when the queue is done for now). */
	answers: number;
	seed?: number;
	/** Pauses between keys, ms: a learner reads, then answers (a few hundred ms up to a second). */
	pause?: [number, number];
	/** Press the baseline key (one text node) once per card, in the reading pause. */
	probe?: boolean;
}

export interface SessionResult {
	keys: KeyRecord[];
	grades: Record<1 | 2 | 3 | 4, number>;
	typed: { right: number; wrong: number };
	chosen: { right: number; wrong: number };
	ms: number;
}

interface Screen {
	id?: string;
	kind?: string;
	revealed: boolean;
	done: boolean;
}

function readScreen(page: Page): Promise<Screen> {
	return page.evaluate(() => {
		const card = document.querySelector('[data-card-id]');
		return {
			id: card?.getAttribute('data-card-id') ?? undefined,
			kind: card?.getAttribute('aria-label')?.split(' ')[0].toLowerCase(),
			revealed: !!document.querySelector('.bar[role=group]:not([hidden])'),
			done: !!document.querySelector('#done-title')
		};
	});
}

/** A typing mistake: one letter changed, dropped or doubled. */
function typo(word: string, random: () => number): string {
	const i = Math.floor(random() * word.length);
	const r = random();
	if (r < 0.4)
		return word.slice(0, i) + 'aeiouknrst'[Math.floor(random() * 10)] + word.slice(i + 1);
	if (r < 0.8) return word.slice(0, i) + word.slice(i + 1);
	return word.slice(0, i) + word[i] + word.slice(i);
}

/**
 * Runs a session on the review page already open in `page`, until `answers` grades or the end of
 * today's queue. Returns the instrumentation's records of every key.
 */
export async function learnerSession(
	page: Page,
	answers: Map<string, Answer>,
	options: SessionOptions
): Promise<SessionResult> {
	const random = rng(options.seed ?? 1);
	const [lo, hi] = options.pause ?? [200, 700];
	const pause = () => sleep(lo + random() * (hi - lo));
	/** A key held down as a finger holds it (50-130 ms). */
	const press = async (key: string) => {
		await page.keyboard.down(key);
		await sleep(50 + random() * 80);
		await page.keyboard.up(key);
	};
	const grades = { 1: 0, 2: 0, 3: 0, 4: 0 };
	const typed = { right: 0, wrong: 0 };
	const chosen = { right: 0, wrong: 0 };
	const started = Date.now();
	await page.waitForSelector('[data-card-id], #done-title');
	await sleep(1000);
	let graded = 0;
	while (graded < options.answers) {
		const screen = await readScreen(page);
		if (screen.done || !screen.id) break;
		const known = answers.get(templateId(screen.id));
		await pause();
		if (options.probe) {
			await press(PROBE_KEY);
			await pause();
		}
		// The front: show the answer, having typed or chosen one on a cloze card or a drill.
		let right = true;
		if (screen.kind === 'cloze' && known) {
			const r = random();
			const word = known.answer.toLowerCase();
			const text =
				r < 0.65 ? word : r < 0.85 ? typo(word, random) : word.slice(0, Math.ceil(word.length / 2));
			right = text === word;
			// A split expression (tidak hanya … tetapi juga) has a text box per part: Tab to the next.
			const parts = text.split(' … ');
			for (const [i, part] of parts.entries()) {
				if (i) await press('Tab');
				for (const ch of part) {
					await page.keyboard.type(ch, { delay: 30 + random() * 60 });
					await sleep(40 + random() * 140);
				}
			}
			typed[right ? 'right' : 'wrong']++;
			await pause();
			await press('Enter');
		} else if (screen.kind === 'affix' && known?.forms.length) {
			const correct = known.forms.findIndex((f) => f === known.answer.toLowerCase());
			right = random() < 0.75 || known.forms.length < 2;
			let pick = Math.max(0, correct);
			if (!right)
				pick = (pick + 1 + Math.floor(random() * (known.forms.length - 1))) % known.forms.length;
			right = pick === correct;
			chosen[right ? 'right' : 'wrong']++;
			await press(String.fromCharCode(97 + pick));
		} else await press(random() < 0.7 ? 'Space' : 'Enter');
		await pause();
		if (!(await readScreen(page)).revealed)
			await page.waitForSelector('.bar[role=group]:not([hidden])', { timeout: 10_000 });
		// The grade, as learners give them: a wrong answer is mostly Again; otherwise mostly Good.
		const r = random();
		const grade: 1 | 2 | 3 | 4 = !right
			? r < 0.7
				? 1
				: 2
			: r < 0.1
				? 1
				: r < 0.17
					? 2
					: r < 0.95
						? 3
						: 4;
		grades[grade]++;
		// Good is sometimes given with Space (the focused Good button), as Anki users do.
		await press(grade === 3 && random() < 0.2 ? 'Space' : String(grade));
		graded++;
	}
	await sleep(500);
	const keys = await page.evaluate(() => (window as unknown as { __keys: KeyRecord[] }).__keys);
	return { keys, grades, typed, chosen, ms: Date.now() - started };
}

/**
 * How precisely `xs`'s p-th percentile is known: the 2.5th and 97.5th percentiles of that
 * percentile over `reps` resamples drawn with replacement (a percentile bootstrap, seeded, so a
 * run's report is reproducible). With few values a p95 is one of the largest few: the interval says
 * so.
 */
export function percentileInterval(
	xs: number[],
	p: number,
	reps = 2000,
	seed = 7
): [number, number] {
	const random = rng(seed);
	const estimates: number[] = [];
	for (let r = 0; r < reps; r++) {
		const sample = xs.map(() => xs[Math.floor(random() * xs.length)]);
		estimates.push(percentile(sample, p));
	}
	return [percentile(estimates, 2.5), percentile(estimates, 97.5)];
}

/** p50, p95 and p99 of key → DOM and key → painted frame, for the records given. */
export interface Latency {
	n: number;
	dom: [number, number, number];
	paint: [number, number, number];
	/** The painted p95's 95% bootstrap interval (percentileInterval), for a session's keys. */
	paintP95?: [number, number];
	/** Keys for which Event Timing reported a duration (≥ 16 ms), and their largest. */
	et: { n: number; max: number };
}

export function latency(keys: KeyRecord[]): Latency | undefined {
	const done = keys.filter((k) => k.paint !== undefined && k.dom !== undefined);
	if (!done.length) return undefined;
	const dom = done.map((k) => k.dom! - k.t0);
	const paint = done.map((k) => k.paint! - k.t0);
	const ps = (xs: number[]): [number, number, number] => [
		median(xs),
		percentile(xs, 95),
		percentile(xs, 99)
	];
	const et = done.filter((k) => k.et !== undefined).map((k) => k.et!);
	return {
		n: done.length,
		dom: ps(dom),
		paint: ps(paint),
		paintP95: percentileInterval(paint, 95),
		et: { n: et.length, max: et.length ? Math.max(...et) : 0 }
	};
}

/**
 * The paths a grade takes to the next front, each with its records: by how the front was drawn
 * (ahead, or at the grade), and by its kind (cloze, drill); a grade counts in one of each.
 */
export function gradePaths(keys: KeyRecord[]): Record<string, KeyRecord[]> {
	const grades = keys.filter((k) => k.type === 'grade' && k.path !== 'finished');
	return {
		all: grades,
		'pre-drawn': grades.filter((k) => k.path === 'pre-drawn'),
		rebuilt: grades.filter((k) => k.path === 'rebuilt'),
		cloze: grades.filter((k) => k.kind === 'cloze'),
		drill: grades.filter((k) => k.kind === 'drill')
	};
}
