import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../../scripts/content-node';
import { applyImport, exportBackup } from '../db/backup/backup';
import { loadQueue } from '../db/cards';
import { recordAnswer, recordPractice } from '../db/answers';
import { KartuDB } from '../db/schema';
import { loadSettings, saveSettings } from '../db/settings';
import { syncDecks } from '../db/decks';
import { markWord, reviewNow } from '../db/words';
import { pickNext, GRADES, Scheduler, type Card, type Grade, DEFAULT_SETTINGS } from '../srs';
import { checkBackup, parseBackup, serialiseBackup, type ParseResult } from './format';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');
/** The clock of the device that imports: an hour after the export below, so a date moved a day on lies in the future. */
const now = new Date(t0.getTime() + 13 * DAY + 2 * 3_600_000);

// Changed field by field, so typed loosely.
type Json = any;

let n = 0;
const opened: KartuDB[] = [];
function fresh(): KartuDB {
	const db = new KartuDB(`format-${++n}`);
	opened.push(db);
	return db;
}
afterAll(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

/**
 * A real export, made by Kartu's own storage code: thirteen days of answers with every grade (so
 * cards in all four states, lapses included), a practice answer, word marks and saved settings.
 * Cut to the studied and marked cards and ten new ones, to keep each import in the property short.
 */
async function realExport(): Promise<{ whole: Json; cut: Json }> {
	const db = fresh();
	const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, newPerDay: 6 };
	const scheduler = new Scheduler(settings);
	await syncDecks(db, [readArticle('azerbaijan-iran').deck], t0);
	await saveSettings(db, settings);
	const grades: Grade[] = [3, 1, 3, 4, 2, 3, 1, 3, 3, 4];
	let k = 0;
	for (let day = 0; day < 13; day++) {
		for (let i = 0; i < 8; i++) {
			const at = new Date(t0.getTime() + day * DAY + i * 7 * 60_000);
			const next = pickNext((await loadQueue(db, at, settings)).queue, at.getTime());
			if (!next) break;
			const card = (await db.cards.get(next.id))!;
			const grade = grades[k++ % grades.length];
			await recordAnswer(db, {
				card,
				grade,
				next: scheduler.answer(card.fsrs, grade, at),
				time: at,
				ms: 1500 + k * 10,
				dayStartHour: 4
			});
		}
	}
	const [lapsed, practised] = (await db.cards.toArray()).filter((c) => c.fsrs.state === 2);
	const end = new Date(t0.getTime() + 13 * DAY);
	// A review card forgotten (Relearning), answered early as the learner may in a practice session.
	await recordAnswer(db, {
		card: lapsed,
		grade: 1,
		next: scheduler.answer(lapsed.fsrs, 1, end),
		time: end,
		ms: 4000,
		dayStartHour: 4
	});
	await recordPractice(db, { card: practised, grade: 3, time: end, ms: 900 });
	// "Review now" on a new word (a negative position) and on a studied one (due now).
	const unseen = (await db.cards.toArray()).filter((c) => c.fsrs.reps === 0 && !c.mark).at(-1)!;
	await reviewNow(db, unseen.content.headword, end);
	await reviewNow(db, practised.content.headword, end);
	await markWord(db, 'negara', 'known', t0);
	await markWord(db, 'hubungan', 'ignored', t0);
	const whole = JSON.parse(
		serialiseBackup(await exportBackup(db, new Date(t0.getTime() + 13 * DAY + 3_600_000)))
	);
	const fresh10 = whole.cards.filter((c: Json) => c.fsrs.reps === 0 && !c.mark).slice(0, 10);
	return {
		whole,
		cut: {
			...whole,
			cards: whole.cards.filter(
				(c: Json) => c.fsrs.reps > 0 || c.mark || c.position < 0 || fresh10.includes(c)
			)
		}
	};
}

let whole: Json;
let real: Json;
beforeAll(async () => {
	({ whole, cut: real } = await realExport());
});

const clone = (): Json => structuredClone(real);
const parse = (raw: Json): ParseResult => parseBackup(JSON.stringify(raw), undefined, now);
const index = (list: Json[], test: (x: Json) => boolean): number => {
	const i = list.findIndex(test);
	if (i < 0) throw new Error('the real export has no such item');
	return i;
};

/**
 * Imports a backup (replacing everything in `db`), then checks that every card can be answered as
 * the review page answers it: the four outcomes it labels, each with a real interval, and the cards
 * `answer` picks answered and written with `recordAnswer`. Each review's states must be
 * schedulable too, as Undo puts a card back to its state before a review. Throws on any failure.
 */
async function importAndAnswer(
	db: KartuDB,
	backup: Extract<ParseResult, { ok: true }>['backup'],
	grade: Grade,
	answer: (id: string) => boolean
): Promise<number> {
	await applyImport(db, backup, 'replace');
	const scheduler = new Scheduler(await loadSettings(db));
	const labelled = (fsrs: Card, at: Date, what: string) => {
		const preview = scheduler.preview(fsrs, at);
		for (const g of GRADES) {
			const { interval, card: next } = preview[g];
			if (!(Number.isFinite(interval) && interval > 0 && Number.isFinite(next.due.getTime())))
				throw new Error(`${what}: grade ${g} gives no interval (${interval}).`);
		}
		return preview;
	};
	const cards = await db.cards.toArray();
	for (const card of cards) {
		const preview = labelled(card.fsrs, now, card.id);
		if (answer(card.id))
			await recordAnswer(db, {
				card,
				grade,
				next: scheduler.answerFrom(preview, card.fsrs, grade, now, now),
				time: now,
				ms: 1000,
				dayStartHour: 4
			});
	}
	for (const r of backup.reviews) {
		// A review given after a clock was set back comes before its card's last review by the clock:
		// its state before is scheduled from that last review.
		const at = Math.max(r.time.getTime(), r.before.last_review?.getTime() ?? 0);
		labelled(r.before as Card, new Date(at), `${r.id} before`);
		labelled(r.after as Card, now, `${r.id} after`);
	}
	return cards.length;
}

describe('a real export', () => {
	it('is read back whole, and every card of it can be answered after the import', async () => {
		const result = parse(real);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const states = new Set(result.backup.cards.map((c) => c.fsrs.state));
		expect([...states].sort()).toEqual([0, 1, 2, 3]);
		expect(result.backup.reviews.some((r) => r.practice)).toBe(true);
		expect(result.backup.cards.some((c) => c.position < 0)).toBe(true);
		const db = fresh();
		expect(await importAndAnswer(db, result.backup, 3, () => true)).toBe(real.cards.length);
		expect(await db.reviews.count()).toBe(real.reviews.length + real.cards.length);
	});

	it('keeps a review given after a clock was set back, counting no days since the one before it', async () => {
		const raw = JSON.parse(JSON.stringify(real));
		const i = pick.graded(raw);
		const r = raw.reviews[i];
		// The review before it came later by the clock: the device's clock was set back in between.
		r.before.last_review = iso(Date.parse(r.time) + 60_000);
		r.after.elapsed_days = 0;
		const result = parse(raw);
		expect(result).toMatchObject({ ok: true });
		if (!result.ok) return;
		expect(await importAndAnswer(fresh(), result.backup, 3, () => true)).toBe(real.cards.length);
	});

	it('is accepted whole, every card of the article included', () => {
		const result = parse(whole);
		expect(result.ok && result.backup.cards.length).toBe(305);
	});

	it('from before word marks and learning steps (the first Kartu) still imports', () => {
		const fixture = JSON.parse(
			readFileSync(new URL('../db/fixtures/v1-database.json', import.meta.url), 'utf8')
		);
		const old = {
			format: 'kartu-backup',
			version: 1,
			exported: '2026-03-03T00:00:00.000Z',
			cards: fixture.cards,
			reviews: fixture.reviews,
			settings: fixture.settings
		};
		for (const c of old.cards) delete c.fsrs.learning_steps;
		const result = parse(old);
		expect(result).toMatchObject({ ok: true });
		if (result.ok) expect(result.backup.cards.every((c) => c.fsrs.learning_steps === 0)).toBe(true);
	});
});

/** Finds the items each case below changes, in the real export. */
const pick = {
	review: (raw: Json) => index(raw.cards, (c: Json) => c.fsrs.state === 2),
	fresh: (raw: Json) => index(raw.cards, (c: Json) => c.fsrs.state === 0),
	graded: (raw: Json) => index(raw.reviews, (r: Json) => !r.practice && r.before.state === 2),
	practice: (raw: Json) => index(raw.reviews, (r: Json) => r.practice),
	scheduler: (raw: Json) => index(raw.settings, (s: Json) => s.key === 'scheduler'),
	drill: (raw: Json) => index(raw.cards, (c: Json) => c.content.kind === 'drill')
};

/** A change to the real export, and the path its refusal must name. */
type BadCase = [name: string, change: (raw: Json) => string];

const card =
	(which: (raw: Json) => number, field: string, value: unknown): ((raw: Json) => string) =>
	(raw) => {
		const i = which(raw);
		const path = field.split('.');
		let o = raw.cards[i];
		for (const k of path.slice(0, -1)) o = o[k];
		o[path.at(-1)!] = value;
		return `cards[${i}].${field}`;
	};
const review =
	(
		which: (raw: Json) => number,
		field: string,
		value: (r: Json) => unknown
	): ((raw: Json) => string) =>
	(raw) => {
		const i = which(raw);
		const path = field.split('.');
		let o = raw.reviews[i];
		const v = value(o);
		for (const k of path.slice(0, -1)) o = o[k];
		o[path.at(-1)!] = v;
		return `reviews[${i}].${field}`;
	};
const iso = (ms: number) => new Date(ms).toISOString();

const badCases: BadCase[] = [
	['a negative stability (the issue’s card)', card(pick.review, 'fsrs.stability', -5)],
	['a negative stability after a review', review(pick.graded, 'after.stability', () => -0.5)],
	['stability 0 on a reviewed card', card(pick.review, 'fsrs.stability', 0)],
	['a stability under ts-fsrs’s minimum', card(pick.review, 'fsrs.stability', 0.0005)],
	['a stability over ts-fsrs’s maximum', card(pick.review, 'fsrs.stability', 40_000)],
	['difficulty 0 on a reviewed card', card(pick.review, 'fsrs.difficulty', 0)],
	['a difficulty under 1', card(pick.review, 'fsrs.difficulty', 0.5)],
	['a difficulty over 10', card(pick.review, 'fsrs.difficulty', 11)],
	[
		'a new card with a difficulty but no stability',
		(raw) => (
			(raw.cards[pick.fresh(raw)].fsrs.difficulty = 4),
			`cards[${pick.fresh(raw)}].fsrs.stability`
		)
	],
	['a state FSRS does not have', card(pick.review, 'fsrs.state', 4)],
	['a state as text', card(pick.review, 'fsrs.state', '2')],
	['negative reps', card(pick.review, 'fsrs.reps', -1)],
	['fractional reps', card(pick.review, 'fsrs.reps', 1.5)],
	['negative lapses', card(pick.review, 'fsrs.lapses', -1)],
	['more lapses than reps', card(pick.review, 'fsrs.lapses', 99)],
	['a reviewed card with no reps', card(pick.review, 'fsrs.reps', 0)],
	['a due date that is not a date', card(pick.review, 'fsrs.due', 'soon')],
	['a due date in 1970', card(pick.fresh, 'fsrs.due', iso(0))],
	[
		'a due date past the longest interval',
		card(pick.review, 'fsrs.due', '9999-12-31T00:00:00.000Z')
	],
	['a due date before the last review', card(pick.review, 'fsrs.due', iso(t0.getTime() - DAY))],
	['a last review in the future', card(pick.review, 'fsrs.last_review', iso(now.getTime() + DAY))],
	['a reviewed card with no last review', card(pick.review, 'fsrs.last_review', undefined)],
	['negative elapsed days', card(pick.review, 'fsrs.elapsed_days', -1)],
	['fractional elapsed days', card(pick.review, 'fsrs.elapsed_days', 0.5)],
	[
		'elapsed days that do not match the review before',
		review(pick.graded, 'after.elapsed_days', (r) => r.after.elapsed_days + 3)
	],
	['scheduled days past the longest interval', card(pick.review, 'fsrs.scheduled_days', 40_000)],
	['negative learning steps', card(pick.review, 'fsrs.learning_steps', -1)],
	['grade 0', review(pick.graded, 'grade', () => 0)],
	['grade 5', review(pick.graded, 'grade', () => 5)],
	['grade 2.5', review(pick.graded, 'grade', () => 2.5)],
	['a review in the future', review(pick.graded, 'time', () => iso(now.getTime() + DAY))],
	['a review time that is not a date', review(pick.graded, 'time', () => 'yesterday')],
	[
		'a review that does not add one rep',
		review(pick.graded, 'after.reps', (r) => r.after.reps + 1)
	],
	[
		'a review whose card was last reviewed at another time',
		review(pick.graded, 'after.last_review', (r) => iso(Date.parse(r.time) - 60_000))
	],
	[
		'a practice review that changed the card',
		review(pick.practice, 'after.reps', (r) => r.after.reps + 1)
	],
	['a negative answer time', review(pick.graded, 'ms', () => -1)],
	['a review made a new card', review(pick.graded, 'after.state', () => 0)],
	[
		'a word marked twice (IndexedDB’s ConstraintError today)',
		(raw) => {
			raw.words.push({ ...raw.words[0], mark: 'ignored' });
			return `words[${raw.words.length - 1}].headword`;
		}
	],
	[
		'a word mark that is neither known nor ignored',
		(raw) => ((raw.words[0].mark = 'maybe'), 'words[0].mark')
	],
	[
		'a word mark in the future',
		(raw) => ((raw.words[0].time = iso(now.getTime() + DAY)), 'words[0].time')
	],
	[
		'a setting twice',
		(raw) => {
			raw.settings.push({ ...raw.settings[0] });
			return `settings[${raw.settings.length - 1}].key`;
		}
	],
	[
		'a card twice',
		(raw) => {
			raw.cards.push(structuredClone(raw.cards[0]));
			return `cards[${raw.cards.length - 1}].id`;
		}
	],
	[
		'a review twice',
		(raw) => {
			raw.reviews.push(structuredClone(raw.reviews[0]));
			return `reviews[${raw.reviews.length - 1}].id`;
		}
	],
	[
		'a review of a card not in the backup',
		review(pick.graded, 'cardId', () => 'azerbaijan-iran/tidak-ada/vocab')
	],
	[
		'an export made in the future',
		(raw) => ((raw.exported = iso(now.getTime() + DAY)), 'exported')
	],
	[
		'a desired retention of 1.5',
		(raw) => (
			(raw.settings[pick.scheduler(raw)].value.desiredRetention = 1.5),
			`settings[${pick.scheduler(raw)}].value.desiredRetention`
		)
	],
	[
		'FSRS parameters that are not 21 numbers',
		(raw) => (
			(raw.settings[pick.scheduler(raw)].value.weights = [1, 2, 3]),
			`settings[${pick.scheduler(raw)}].value.weights`
		)
	],
	[
		'learning steps as text, not a list',
		(raw) => (
			(raw.settings[pick.scheduler(raw)].value.learningSteps = '1m 10m'),
			`settings[${pick.scheduler(raw)}].value.learningSteps`
		)
	],
	['a card kind Kartu does not have', card(pick.review, 'content.kind', 'picture')],
	[
		'a highlighted word beyond its sentence',
		(raw) => (
			(raw.cards[pick.review(raw)].content.spans[0].end = 10_000),
			`cards[${pick.review(raw)}].content.spans[0].end`
		)
	],
	['content of another card', card(pick.review, 'content.id', 'azerbaijan-iran/negara/vocab')],
	['a card mark that is neither known nor ignored', card(pick.review, 'mark', 'maybe')],
	['a drill card without forms to choose from', card(pick.drill, 'content.choices', [])],
	['format version 0', (raw) => ((raw.version = 0), 'version')]
];

describe('a bad backup is refused whole, naming the field', () => {
	it.each(badCases)('%s', (_name, change) => {
		const raw = clone();
		const path = change(raw);
		const result = parse(raw);
		expect(result).toMatchObject({ ok: false, path });
		if (!result.ok) expect(result.error).toContain(path);
	});

	it(`covers ${badCases.length} kinds of bad backup`, () => {
		expect(new Set(badCases.map(([name]) => name)).size).toBe(badCases.length);
	});
});

// The property: change any one field of the real export to any value (or remove it); the file is
// then either refused, naming that field (or, for a rule between fields, a field of the same card,
// review, word or setting, or the reviews that point to a changed card id), or it imports, and every
// card in it can be answered.

type Path = (string | number)[];

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
	if (at.length) out.push(at);
	if (v && typeof v === 'object')
		for (const [k, x] of Object.entries(v))
			paths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
	return out;
}

function pathText(p: Path): string {
	return p
		.map((k, i) => (typeof k === 'number' || k === '*' ? `[${k}]` : i ? `.${k}` : k))
		.join('');
}

function get(v: Json, p: Path): Json {
	return p.reduce((o, k) => (o == null ? undefined : o[k]), v);
}

function set(v: Json, p: Path, value: unknown): void {
	const parent = get(v, p.slice(0, -1));
	if (value === undefined) {
		if (Array.isArray(parent)) parent.splice(p.at(-1) as number, 1);
		else delete parent[p.at(-1)!];
	} else parent[p.at(-1)!] = value;
}

/**
 * Values a field may be changed to: wrong types, the edges of FSRS's ranges, odd dates, another
 * item's value of the same field (`{ from }`: a duplicate id, say), or the field's own value moved
 * a little (`{ nudge }`: days for a date, units for a number), where the subtle mistakes are.
 */
const replacement = fc.oneof(
	fc.constant(undefined),
	fc.constant(null),
	fc.boolean(),
	fc.constantFrom(
		-5,
		-1,
		0,
		0.0005,
		0.5,
		1,
		1.5,
		2,
		2.5,
		3,
		4,
		5,
		10,
		10.5,
		11,
		36500,
		36501,
		1e9,
		-0
	),
	fc.integer({ min: -100, max: 100_000 }),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.string({ maxLength: 12 }),
	fc.constantFrom(
		'',
		'known',
		'ignored',
		'vocab',
		'cloze',
		'drill',
		'scheduler',
		'audio',
		'articles',
		'1m',
		'kartu-backup'
	),
	fc
		.date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
		.map((d) => d.toISOString()),
	fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((ms) => iso(now.getTime() + ms)),
	fc.constantFrom([], {}, [1, 2], { start: 0, end: 1 }),
	{ weight: 3, arbitrary: fc.nat().map((from) => ({ from })) },
	{ weight: 4, arbitrary: fc.integer({ min: -40, max: 40 }).map((nudge) => ({ nudge })) }
);

/** The value `change` stands for at path `p` of `raw`. */
function changedValue(raw: Json, p: Path, change: unknown): unknown {
	if (!change || typeof change !== 'object' || Array.isArray(change)) return change;
	if ('from' in change && typeof p[1] === 'number') {
		const list = raw[p[0]] as Json[];
		return structuredClone(get(list[(change as { from: number }).from % list.length], p.slice(2)));
	}
	if ('nudge' in change) {
		const d = (change as { nudge: number }).nudge;
		const v = get(raw, p);
		if (typeof v === 'number') return v + d;
		if (typeof v === 'boolean') return !v;
		if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return iso(Date.parse(v) + d * DAY);
		return d;
	}
	return change;
}

describe('a backup changed field by field', () => {
	// Every kind of field (`cards[*].fsrs.stability`), each changed RUNS times in one of its places.
	const RUNS = 10;
	const kinds = new Map<string, Path[]>();
	beforeAll(() => {
		for (const p of paths(real)) {
			const kind = pathText(p.map((k) => (typeof k === 'number' ? '*' : k)));
			kinds.set(kind, [...(kinds.get(kind) ?? []), p]);
		}
	});
	let db: KartuDB;
	beforeAll(() => {
		db = fresh();
	});

	it('reaches every kind of field of the real export', () => {
		expect(kinds.size).toBeGreaterThan(60);
		expect([...kinds.keys()]).toContain('cards[*].fsrs.stability');
		expect([...kinds.keys()]).toContain('reviews[*].after.stability');
		expect([...kinds.keys()]).toContain('words[*].headword');
	});

	it(
		'is refused, naming the field, or imports with every card answerable',
		{ timeout: 300_000 },
		async () => {
			const seen = { refused: 0, imported: 0 };
			for (const [kind, places] of kinds) {
				await fc
					.assert(
						fc.asyncProperty(
							fc.nat(places.length - 1),
							replacement,
							fc.constantFrom(...GRADES),
							fc.nat(),
							async (which, value, grade, other) => {
								const p = places[which];
								const raw = clone();
								const v = changedValue(raw, p, value);
								set(raw, p, v);
								const result = parse(raw);
								const field = pathText(p);
								if (!result.ok) {
									seen.refused++;
									expect(result.path, result.error).toBeDefined();
									const item = pathText(p.slice(0, 2));
									const near = (q: string) =>
										q === field ||
										q.startsWith(field + '.') ||
										q.startsWith(field + '[') ||
										field.startsWith(q) ||
										q.startsWith(item + '.') ||
										q.startsWith(item + '[');
									// A card changed or removed (its id, itself, the list) leaves its reviews pointing at nothing.
									const ids = Array.isArray(raw.cards) ? raw.cards.map((c: Json) => c?.id) : [];
									const orphan = /^reviews\[(\d+)\]\.cardId$/.exec(result.path!);
									const refersToChanged =
										p[0] === 'cards' &&
										orphan &&
										!ids.includes(real.reviews[Number(orphan[1])]?.cardId);
									// A removed list item shifts the ones after it; their duplicates or references name them.
									const shifted = v === undefined && typeof p.at(-1) === 'number';
									expect(
										near(result.path!) ||
											result.error.includes(field) ||
											refersToChanged ||
											shifted,
										`${field} → ${JSON.stringify(v)}: ${result.error}`
									).toBe(true);
									return;
								}
								seen.imported++;
								// The changed card is answered and written, and one other.
								const target =
									p[0] === 'cards' && typeof p[1] === 'number' ? raw.cards[p[1]]?.id : undefined;
								const another = result.backup.cards[other % result.backup.cards.length]?.id;
								try {
									await importAndAnswer(
										db,
										result.backup,
										grade,
										(id) => id === target || id === another
									);
								} catch (e) {
									throw new Error(
										`${field} → ${JSON.stringify(v)} was accepted, but: ${(e as Error).message}`,
										{ cause: e }
									);
								}
							}
						),
						{ numRuns: RUNS }
					)
					.catch((e: Error) => {
						throw new Error(
							`${kind}: ${e.message}\n${(e.cause as Error | undefined)?.message ?? ''}`
						);
					});
			}
			// Both outcomes are exercised.
			expect(seen.refused).toBeGreaterThan(kinds.size * 2);
			expect(seen.imported).toBeGreaterThan(kinds.size);
		}
	);
});

describe('checkBackup', () => {
	it('is what parseBackup runs on the parsed file', () => {
		expect(checkBackup(clone(), now)).toEqual(parse(real));
	});
});
