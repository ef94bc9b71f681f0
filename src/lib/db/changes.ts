// The change log: every change of what sync carries besides the answers themselves, one row per
// change, kept whether sync is set up or not, so that a server set up later gets everything. Each
// writer of such a thing logs its change in its own transaction (`logChange`); a change received
// from another device joins the log as it is (db/sync.ts `mergeChange`).
//
// Keys and values:
//   w:headword        word mark: 'known' | 'ignored' | null (cleared)            words.ts markWord
//   m:headword        meaning typed: { gloss, pos }                              articles.ts setMeaning
//   s:cardId          suspended: true | false                                    card-table.ts setSuspended
//   p:setting         one scheduler setting (srs/settings.ts), its new value     settings.ts saveSettings
//   a:slug            an added article: { added: true } | null (deleted)          articles.ts add/deleteArticle
//   t:slug            an added article's title                                   articles.ts add/renameArticle
//   u:cardId|review   an undone answer: { before, time, practice }              answers.ts undoAnswer/undoPractice
//
// The rule, the same on every device: for each key the change with the latest time (when the
// learner acted) holds, and at the same instant the one with the larger id (ids are random, so any
// device may win, but every device picks the same one). An undone answer is final: a review id is
// never given twice.

// srs/settings.ts alone, not the srs index: the schema imports this module, and ts-fsrs need not follow.
import { DEFAULT_SETTINGS, normaliseSettings, type SchedulerSettings } from '../srs/settings';
import { SETTING } from './names';
import type { SyncChange } from './rows';
import type { KartuDB } from './schema';

export type { SyncChange };

/** The key of each kind of change. */
export const changeKey = {
	word: (headword: string) => `w:${headword}`,
	meaning: (headword: string) => `m:${headword}`,
	suspended: (cardId: string) => `s:${cardId}`,
	setting: (name: keyof SchedulerSettings) => `p:${name}`,
	article: (slug: string) => `a:${slug}`,
	title: (slug: string) => `t:${slug}`,
	undone: (cardId: string, reviewId: string) => `u:${cardId}|${reviewId}`
};

/** What an undone answer's change holds: enough to replay its card without it on any device. */
export interface UndoneValue {
	/** The card's state before the answer: where its history starts if it was the first. */
	before: unknown;
	/** When the answer was given (ms). */
	time: number;
	practice?: boolean;
}

/** A change id: unique across devices, sorting by time. */
export function changeId(time: Date): string {
	return `c:${time.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Whether change `b` holds over change `a` of the same key: the later time, then the larger id.
 * @example two devices set new cards/day at 09:00 and 09:05: the 09:05 one holds on both.
 */
export function holdsOver(
	a: Pick<SyncChange, 'time' | 'id'>,
	b: Pick<SyncChange, 'time' | 'id'>
): boolean {
	const d = b.time.getTime() - a.time.getTime();
	return d !== 0 ? d > 0 : b.id > a.id;
}

/** Logs changes made on this device now (inside the writer's transaction, which must include `changes`). */
export async function logChanges(
	db: KartuDB,
	changes: { key: string; value: unknown; time: Date; meta?: Record<string, unknown> }[]
): Promise<void> {
	if (!changes.length) return;
	await db.changes.bulkAdd(
		changes.map((c) => ({
			id: changeId(c.time),
			key: c.key,
			time: c.time,
			value: c.value ?? null,
			...(c.meta ? { meta: c.meta } : {})
		}))
	);
}

/** The change that holds for each of `keys` (those with none are absent). */
export async function latestChanges(
	db: Pick<KartuDB, 'changes'>,
	keys: string[]
): Promise<Map<string, SyncChange>> {
	const out = new Map<string, SyncChange>();
	if (!keys.length) return out;
	for (const c of await db.changes.where('key').anyOf(keys).toArray()) {
		const had = out.get(c.key);
		if (!had || holdsOver(had, c)) out.set(c.key, c);
	}
	return out;
}

/** Up to `limit` changes logged after local position `seq`, in order: the next to send. */
export function changesAfter(db: KartuDB, seq: number, limit: number): Promise<SyncChange[]> {
	return db.changes.where('seq').above(seq).limit(limit).toArray();
}

/** The tables `reconcileChanges` reads, as a KartuDB or an upgrade's transaction names them. */
export type ChangeTables = Pick<
	KartuDB,
	'cards' | 'words' | 'meanings' | 'settings' | 'library' | 'changes'
>;

/**
 * Logs a change for everything whose value here differs from what the log holds: used where data
 * arrived without its writers (the schema 9 upgrade, which logs what was there before the log;
 * importing a backup). `when` gives a change's time from the time the row knows, if any.
 * Returns how many changes were logged.
 */
export async function reconcileChanges(
	t: ChangeTables,
	when: (rowTime?: Date) => Date
): Promise<number> {
	const latest = new Map<string, SyncChange>();
	for (const c of await t.changes.toArray()) {
		const had = latest.get(c.key);
		if (!had || holdsOver(had, c)) latest.set(c.key, c);
	}
	const value = (key: string) => latest.get(key)?.value;
	const out: SyncChange[] = [];
	const log = (key: string, v: unknown, rowTime?: Date) => {
		let time = when(rowTime);
		const had = latest.get(key);
		// A change must hold over the one logged, or the log would not say what is here.
		if (had && time.getTime() <= had.time.getTime()) time = new Date(had.time.getTime() + 1);
		out.push({ id: changeId(time), key, time, value: v ?? null });
	};
	const words = await t.words.toArray();
	const marked = new Set<string>();
	for (const w of words) {
		marked.add(changeKey.word(w.headword));
		if (value(changeKey.word(w.headword)) !== w.mark)
			log(changeKey.word(w.headword), w.mark, w.time);
	}
	for (const [key, c] of latest)
		if (key.startsWith('w:') && c.value && !marked.has(key)) log(key, null);
	for (const m of await t.meanings.toArray()) {
		const had = value(changeKey.meaning(m.headword)) as
			{ gloss?: string; pos?: string } | undefined;
		if (had?.gloss !== m.gloss || (had?.pos ?? '') !== m.pos)
			log(changeKey.meaning(m.headword), { gloss: m.gloss, pos: m.pos }, m.time);
	}
	const suspended = new Set<string>();
	await t.cards.each((c) => {
		if (c.suspended) suspended.add(c.id);
	});
	for (const id of suspended)
		if (value(changeKey.suspended(id)) !== true) log(changeKey.suspended(id), true);
	const unsuspend = [...latest]
		.filter(([key, c]) => key.startsWith('s:') && c.value === true && !suspended.has(key.slice(2)))
		.map(([key]) => key);
	const exist = await t.cards.bulkGet(unsuspend.map((key) => key.slice(2)));
	unsuspend.forEach((key, i) => exist[i] && log(key, false));
	const settings = normaliseSettings((await t.settings.get(SETTING.scheduler))?.value);
	for (const name of Object.keys(DEFAULT_SETTINGS) as (keyof SchedulerSettings)[]) {
		const key = changeKey.setting(name);
		const had = latest.has(key) ? value(key) : DEFAULT_SETTINGS[name];
		if (JSON.stringify(had) !== JSON.stringify(settings[name])) log(key, settings[name]);
	}
	const entries = await t.library.toArray();
	const present = new Set(entries.map((e) => changeKey.article(e.slug)));
	for (const e of entries) {
		if (!value(changeKey.article(e.slug))) log(changeKey.article(e.slug), { added: true }, e.added);
		if (value(changeKey.title(e.slug)) !== e.title) log(changeKey.title(e.slug), e.title, e.added);
	}
	for (const [key, c] of latest)
		if (key.startsWith('a:') && c.value && !present.has(key)) log(key, null);
	await t.changes.bulkAdd(out);
	return out.length;
}
