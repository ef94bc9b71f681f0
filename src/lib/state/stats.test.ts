import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { KartuDB } from '../db/schema';
import { eachTestDatabase, study, T0 } from '../db/test-support';
import { StatsState } from './stats.svelte';

let db: KartuDB;
eachTestDatabase('stats-state', (d) => (db = d), { seeded: true });

describe('StatsState', () => {
	it('shows the stored history: today’s reviews and the cards in learning', async () => {
		await study(db, 4);
		const s = new StatsState();
		await s.load(new Date(T0.getTime() + 60_000), async () => db);
		expect(s.error).toBeUndefined();
		expect(s.stats!.perDay.at(-1)!.reviews).toBe(4);
		expect(s.stats!.states.find((x) => x.label === 'New')!.count).toBeGreaterThan(0);
	});

	it('says in words why the database could not be used, and shows no figures', async () => {
		const s = new StatsState();
		await s.load(T0, async () => {
			throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		});
		expect(s.stats).toBeUndefined();
		expect(s.error).toMatch(/no room left/);
	});
});
