// Reading untrusted JSON one field at a time: each reader returns the value inside its domain or
// throws a BackupError that names the field's path, so every refusal says where the problem is.

/**
 * A backup refused: the whole message for the learner, and the path of the field at fault.
 * @example bad('cards[3].fsrs.stability', 'is -5; …') → BackupError { path: 'cards[3].fsrs.stability', message: 'cards[3].fsrs.stability is -5; …' }
 */
export class BackupError extends Error {
	constructor(
		readonly path: string,
		message: string
	) {
		super(message);
		this.name = 'BackupError';
	}
}

/** The refusal of one field: its path, then what is wrong with it. */
export function bad(at: string, detail: string): BackupError {
	return new BackupError(at, `${at} ${detail}`);
}

/** A value as a message quotes it: short, and always one line. */
export function shown(v: unknown): string {
	if (v instanceof Date) return v.toISOString();
	const s = v === undefined ? 'missing' : JSON.stringify(v);
	return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

export function obj(v: unknown, at: string): Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(at, 'must be an object.');
	return v as Record<string, unknown>;
}

export function list(v: unknown, at: string): unknown[] {
	if (!Array.isArray(v)) throw bad(at, 'is missing or not a list.');
	return v;
}

/** Text; empty text only where `empty` allows it. */
export function text(v: unknown, at: string, empty = false): string {
	if (typeof v !== 'string' || (!v && !empty)) throw bad(at, 'is missing or not text.');
	return v;
}

export function optionalText(v: unknown, at: string): string | undefined {
	return v === undefined ? undefined : text(v, at, true);
}

export function texts(v: unknown, at: string): string[] {
	return list(v, at).map((x, i) => text(x, `${at}[${i}]`, true));
}

export function num(v: unknown, at: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(at, 'is missing or not a number.');
	return v;
}

/** A number from `min` to `max`, both included; `what` says what the range means. */
export function between(v: unknown, at: string, min: number, max: number, what: string): number {
	const n = num(v, at);
	if (n < min || n > max) throw bad(at, `is ${shown(n)}; ${what}.`);
	return n;
}

/** A whole number from `min` to `max`. */
export function whole(v: unknown, at: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
	const n = num(v, at);
	if (!Number.isInteger(n) || n < min || n > max) {
		const range =
			max < Number.MAX_SAFE_INTEGER
				? `from ${min} to ${max}`
				: min > Number.MIN_SAFE_INTEGER
					? `${min} or more`
					: '';
		throw bad(at, `is ${shown(n)}; it must be a whole number${range && ' ' + range}.`);
	}
	return n;
}

export function bool(v: unknown, at: string): boolean {
	if (typeof v !== 'boolean') throw bad(at, 'is missing or not true/false.');
	return v;
}

/** One of a few allowed values, named in the message. */
export function oneOf<T extends string | number>(v: unknown, at: string, allowed: readonly T[]): T {
	if (!allowed.includes(v as T))
		throw bad(at, `is ${shown(v)}; it must be ${orList(allowed.map((a) => JSON.stringify(a)))}.`);
	return v as T;
}

function orList(items: string[]): string {
	return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items[0];
}

/** A real date (ISO text as JSON holds it) from `min` to `max`; `late` says why a later one is refused. */
export function date(v: unknown, at: string, min: Date, max: Date, late: string): Date {
	const d = typeof v === 'string' || v instanceof Date ? new Date(v) : undefined;
	if (!d || Number.isNaN(d.getTime())) throw bad(at, 'is missing or not a date.');
	if (d < min)
		throw bad(
			at,
			`is ${d.toISOString()}, before ${min.toISOString().slice(0, 10)}: no Kartu backup holds so early a date.`
		);
	if (d > max) throw bad(at, `is ${d.toISOString()}, ${late}.`);
	return d;
}
