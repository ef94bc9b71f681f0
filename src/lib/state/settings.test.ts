import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadAudioSettings, loadSettings } from '../db/settings';
import { ready } from './app';
import { SettingsForm } from './settings.svelte';
import { serveDecks, until } from './test-app';

serveDecks();

describe('SettingsForm', () => {
	it('shows the stored settings, refuses invalid values with their reasons and stores nothing, then saves valid ones', async () => {
		const form = new SettingsForm();
		await until(() => form.loaded);
		expect(form.fields.newPerDay).toBe('20');
		expect(form.fields.learningSteps).toBe('1m 10m');

		form.fields.newPerDay = 'many';
		form.fields.desiredRetention = '1.5';
		expect(await form.save()).toBe(false);
		expect(form.errors.length).toBeGreaterThanOrEqual(2);
		expect(form.saved).toBe(false);
		const db = await ready();
		expect((await loadSettings(db)).newPerDay).toBe(20);

		form.fields.newPerDay = '5';
		form.fields.desiredRetention = '0.85';
		form.fields.learningSteps = '1m  5m 20m';
		form.fields.autoplay = true;
		expect(await form.save()).toBe(true);
		expect(form.errors).toEqual([]);
		const stored = await loadSettings(db);
		expect([stored.newPerDay, stored.desiredRetention, stored.learningSteps]).toEqual([
			5,
			0.85,
			['1m', '5m', '20m']
		]);
		expect((await loadAudioSettings(db)).autoplay).toBe(true);

		// A new form (another visit) reads what was saved.
		const again = new SettingsForm();
		await until(() => again.loaded);
		expect([again.fields.newPerDay, again.fields.autoplay]).toEqual(['5', true]);
	});
});
