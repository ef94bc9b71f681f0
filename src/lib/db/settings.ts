// Reads and writes the learner's settings.

import { normaliseSettings, validateSettings, type SchedulerSettings } from '../srs';
import { SETTING, SETTINGS_HINT } from './names';
import type { KartuDB } from './schema';

export async function loadSettings(db: KartuDB): Promise<SchedulerSettings> {
	const row = await db.settings.get(SETTING.scheduler);
	return normaliseSettings(row?.value);
}

/** Saves valid settings; throws with the validation messages otherwise, leaving the stored ones as they were. */
export async function saveSettings(db: KartuDB, settings: SchedulerSettings): Promise<void> {
	const errors = validateSettings(settings);
	if (errors.length) throw new Error(errors.join(' '));
	await db.settings.put({ key: SETTING.scheduler, value: plain(settings) });
	rememberSettings(plain(settings));
}

/**
 * Keeps a copy of the scheduler settings where the early script (early.ts) reads them without a
 * database round trip; it checks them against the database, so a stale copy costs only time.
 */
export function rememberSettings(value: unknown): void {
	try {
		if (value === undefined) localStorage.removeItem(SETTINGS_HINT);
		else localStorage.setItem(SETTINGS_HINT, JSON.stringify(value));
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
