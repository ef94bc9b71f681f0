// Reads and writes the learner's settings.

import { normaliseSettings, validateSettings, type SchedulerSettings } from '../srs';
import { SETTING, SETTINGS_HINT } from './names';
import { changeKey, logChanges } from './changes';
import type { KartuDB } from './schema';

export async function loadSettings(db: KartuDB): Promise<SchedulerSettings> {
	const row = await db.settings.get(SETTING.scheduler);
	return normaliseSettings(row?.value);
}

/**
 * Saves valid settings; throws with the validation messages otherwise, leaving the stored ones as
 * they were. A change of the FSRS parameters joins their history (`ParameterChange`), in the same
 * transaction, as one made `source` (the settings form's, unless said). Each setting that changed
 * is logged for sync (db/changes.ts) unless `log` is false (a change received).
 */
export async function saveSettings(
	db: KartuDB,
	settings: SchedulerSettings,
	change: Omit<ParameterChange, 'time' | 'weights' | 'previous'> = { source: 'settings' },
	now = new Date(),
	log = true
): Promise<void> {
	const errors = validateSettings(settings);
	if (errors.length) throw new Error(errors.join(' '));
	const value = plain(settings);
	await db.transaction('rw', db.settings, db.changes, async () => {
		const before = normaliseSettings((await db.settings.get(SETTING.scheduler))?.value);
		await db.settings.put({ key: SETTING.scheduler, value });
		if (log)
			await logChanges(
				db,
				(Object.keys(value) as (keyof SchedulerSettings)[])
					.filter((name) => JSON.stringify(value[name]) !== JSON.stringify(before[name]))
					.map((name) => ({
						key: changeKey.setting(name),
						value: value[name],
						time: now,
						...(name === 'weights' ? { meta: plain({ ...change }) } : {})
					}))
			);
		if (sameWeights(before.weights, value.weights)) return;
		const history = await loadParameterHistory(db);
		history.push({
			...change,
			time: now.getTime(),
			weights: [...value.weights],
			previous: [...before.weights]
		});
		await db.settings.put({
			key: PARAMETER_HISTORY,
			value: plain(history.slice(-PARAMETER_CHANGES_KEPT))
		});
	});
	rememberSettings(value);
}

/** One change of the FSRS parameters, as the statistics page marks it. */
export interface ParameterChange {
	/** When (ms since the epoch). */
	time: number;
	/** `optimiser`: fitted to the learner's reviews; `restore`: the previous ones put back; `settings`: typed in the form. */
	source: 'optimiser' | 'restore' | 'settings';
	weights: number[];
	/** The parameters before the change: "Restore the previous parameters" puts them back. */
	previous: number[];
	/**
	 * For a fit: log loss and RMSE (bins) on the held-out reviews, before and after (the fit on the
	 * earlier reviews); `fittedOn`, the reviews the applied parameters were fitted on (all of them
	 * when the fit was made again on every review).
	 */
	fit?: {
		reviews: number;
		before: [logLoss: number, rmse: number];
		after: [number, number];
		fittedOn?: number;
	};
}

/**
 * The settings row of the parameter changes. Its key is here rather than in names.ts `SETTING`:
 * the home page's Dexie-free readers bundle that object whole, and only this module reads the row.
 */
export const PARAMETER_HISTORY = 'parameter-history';

/** Changes kept: a learner who optimises monthly keeps eight years of them. */
const PARAMETER_CHANGES_KEPT = 100;

/** The parameter changes, oldest first (none before Kartu kept them). */
export async function loadParameterHistory(db: KartuDB): Promise<ParameterChange[]> {
	const value = (await db.settings.get(PARAMETER_HISTORY))?.value;
	return Array.isArray(value)
		? value.filter(
				(c): c is ParameterChange =>
					!!c &&
					typeof c === 'object' &&
					Number.isFinite(c.time) &&
					Array.isArray(c.weights) &&
					Array.isArray(c.previous)
			)
		: [];
}

function sameWeights(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Keeps a copy of the scheduler settings where the early script (early.ts) reads them without a
 * database round trip; it checks them against the database, so a stale copy costs only time. None
 * stored (the defaults) is kept as null, so that a learner on the defaults saves the round trip too.
 */
export function rememberSettings(value: unknown): void {
	try {
		localStorage.setItem(SETTINGS_HINT, JSON.stringify(value ?? null));
	} catch {
		// No localStorage (tests, some private windows): the early script reads the database instead.
	}
}

/** Refreshes the early script's copy of the settings from the database (after an import, say). */
export async function refreshSettingsCopy(db: KartuDB): Promise<void> {
	rememberSettings((await db.settings.get(SETTING.scheduler))?.value);
}

function plain<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

export interface AudioSettings {
	/** Speak the front of each card when it appears. */
	autoplay: boolean;
}

export async function loadAudioSettings(db: KartuDB): Promise<AudioSettings> {
	const v = (await db.settings.get(SETTING.audio))?.value as Partial<AudioSettings> | undefined;
	return { autoplay: v?.autoplay === true };
}

export async function saveAudioSettings(db: KartuDB, s: AudioSettings): Promise<void> {
	await db.settings.put({ key: SETTING.audio, value: { autoplay: !!s.autoplay } });
}

/** Which sentence translations the reader shows for one article: all but `shown`, or only `shown`. */
export interface ShownTranslations {
	all: boolean;
	shown: string[];
}

const translationsKey = (article: string) => `reader:${article}`;

export async function loadShownTranslations(
	db: KartuDB,
	article: string
): Promise<ShownTranslations | undefined> {
	return (await db.settings.get(translationsKey(article)))?.value as ShownTranslations | undefined;
}

export async function saveShownTranslations(
	db: KartuDB,
	article: string,
	value: ShownTranslations
): Promise<void> {
	await db.settings.put({ key: translationsKey(article), value: plain(value) });
}

/** True the first time it is called for a database (ever): the app then asks for persistent storage. */
export async function firstPersistenceAsk(db: KartuDB): Promise<boolean> {
	return db.transaction('rw', db.settings, async () => {
		if ((await db.settings.get(SETTING.persistenceAsked))?.value) return false;
		await db.settings.put({ key: SETTING.persistenceAsked, value: true });
		return true;
	});
}
