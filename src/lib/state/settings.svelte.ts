// The settings form: the stored settings as editable text, validated before anything is saved.

import { loadAudioSettings, loadSettings, saveAudioSettings, saveSettings } from '../db/settings';
import { DEFAULT_SETTINGS, validateSettings, type SchedulerSettings } from '../srs';
import { ready, storageMessage } from './app';

interface Fields {
	desiredRetention: string;
	learningSteps: string;
	relearningSteps: string;
	newPerDay: string;
	maxReviewsPerDay: string;
	maximumInterval: string;
	weights: string;
	enableFuzz: boolean;
	dayStartHour: string;
	autoplay: boolean;
}

function toFields(s: SchedulerSettings, autoplay = false): Fields {
	return {
		autoplay,
		desiredRetention: String(s.desiredRetention),
		learningSteps: s.learningSteps.join(' '),
		relearningSteps: s.relearningSteps.join(' '),
		newPerDay: String(s.newPerDay),
		maxReviewsPerDay: String(s.maxReviewsPerDay),
		maximumInterval: String(s.maximumInterval),
		weights: s.weights.join(', '),
		enableFuzz: s.enableFuzz,
		dayStartHour: String(s.dayStartHour)
	};
}

/**
 * Reads the form's text back into settings; numbers that do not parse become NaN, which validation names.
 * @example fromFields({ …, learningSteps: '1m  10m' }).learningSteps → ['1m', '10m']
 */
export function fromFields(f: Fields): SchedulerSettings {
	const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
	const list = (s: string) => s.split(/[\s,]+/).filter(Boolean);
	return {
		desiredRetention: num(f.desiredRetention),
		learningSteps: list(f.learningSteps),
		relearningSteps: list(f.relearningSteps),
		newPerDay: num(f.newPerDay),
		maxReviewsPerDay: num(f.maxReviewsPerDay),
		maximumInterval: num(f.maximumInterval),
		weights: list(f.weights).map(Number),
		enableFuzz: f.enableFuzz,
		dayStartHour: num(f.dayStartHour)
	};
}

export class SettingsForm {
	fields = $state<Fields>(toFields(DEFAULT_SETTINGS));
	errors = $state<string[]>([]);
	saved = $state(false);
	loaded = $state(false);

	constructor() {
		ready()
			.then((db) => Promise.all([loadSettings(db), loadAudioSettings(db)]))
			.then(([s, audio]) => {
				this.fields = toFields(s, audio.autoplay);
				this.loaded = true;
			})
			.catch((e: Error) => (this.errors = [e.message]));
	}

	async save(): Promise<boolean> {
		this.saved = false;
		const settings = fromFields($state.snapshot(this.fields));
		this.errors = validateSettings(settings);
		if (this.errors.length) return false;
		try {
			const db = await ready();
			await saveSettings(db, settings);
			await saveAudioSettings(db, { autoplay: this.fields.autoplay });
			this.saved = true;
			return true;
		} catch (e) {
			this.errors = [storageMessage(e)];
			return false;
		}
	}

	/** Shows parameters saved elsewhere on the page (applied by the optimiser, or restored). */
	adopt(settings: SchedulerSettings): void {
		this.fields.weights = toFields(settings).weights;
	}

	resetToDefaults(): void {
		this.fields = toFields(DEFAULT_SETTINGS, this.fields.autoplay);
		this.saved = false;
		this.errors = [];
	}
}
