import { describe, expect, it } from 'vitest';
import { eachTestDatabase, T0 } from './test-support';
import type { KartuDB } from './schema';
import { changeKey, holdsOver, latestChanges, reconcileChanges } from './changes';
import { markWord } from './words';
import { setSuspended } from './card-table';
import { loadSettings, saveSettings } from './settings';
import { SETTING } from './names';

let db: KartuDB;
eachTestDatabase('changes', (d) => (db = d), { seeded: true });

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('holdsOver', () => {
	it('lets the later change hold, and at the same instant the larger id, whichever is asked first', () => {
		const a = { time: at(1), id: 'c:1-aaaa' };
		const b = { time: at(2), id: 'c:0-0000' };
		expect(holdsOver(a, b)).toBe(true);
		expect(holdsOver(b, a)).toBe(false);
		const c = { time: at(1), id: 'c:1-bbbb' };
		expect(holdsOver(a, c)).toBe(true);
		expect(holdsOver(c, a)).toBe(false);
	});
});

describe('the writers log their changes', () => {
	it('logs a mark, its clearing, a suspension and each setting changed, at the time given', async () => {
		const [card] = await db.cards.limit(1).toArray();
		await markWord(db, 'hubungan', 'known', at(1));
		await markWord(db, 'hubungan', undefined, at(2));
		await setSuspended(db, [card.id], true, at(3));
		await setSuspended(db, [card.id], true, at(4)); // no change: nothing logged
		await saveSettings(db, { ...(await loadSettings(db)), newPerDay: 7 }, undefined, at(5));
		const latest = await latestChanges(db, [
			changeKey.word('hubungan'),
			changeKey.suspended(card.id),
			changeKey.setting('newPerDay'),
			changeKey.setting('desiredRetention')
		]);
		expect(latest.get('w:hubungan')).toMatchObject({ value: null, time: at(2) });
		expect(latest.get(`s:${card.id}`)).toMatchObject({ value: true, time: at(3) });
		expect(latest.get('p:newPerDay')).toMatchObject({ value: 7, time: at(5) });
		expect(latest.has('p:desiredRetention')).toBe(false);
		expect(await db.changes.count()).toBe(4);
		// What the writers logged already says what is here: nothing to reconcile.
		expect(await reconcileChanges(db, () => at(6))).toBe(0);
	});
});

describe('reconcileChanges', () => {
	it('logs what arrived without its writers, each change holding over the one logged', async () => {
		const [card] = await db.cards.limit(1).toArray();
		await markWord(db, 'hubungan', 'known', at(10));
		await saveSettings(db, { ...(await loadSettings(db)), newPerDay: 7 }, undefined, at(10));
		// As an import would: rows written directly.
		await db.words.put({ headword: 'negara', mark: 'ignored', time: at(1) });
		await db.words.delete('hubungan');
		await db.cards.put({ ...card, suspended: true });
		await db.settings.put({
			key: SETTING.scheduler,
			value: { ...(await loadSettings(db)), newPerDay: 9 }
		});
		expect(await reconcileChanges(db, (t) => t ?? at(5))).toBe(4);
		const latest = await latestChanges(db, [
			'w:negara',
			'w:hubungan',
			`s:${card.id}`,
			'p:newPerDay'
		]);
		expect(latest.get('w:negara')).toMatchObject({ value: 'ignored', time: at(1) });
		expect(latest.get('w:hubungan')?.value).toBeNull();
		expect(latest.get('w:hubungan')!.time.getTime()).toBeGreaterThan(at(10).getTime());
		expect(latest.get(`s:${card.id}`)?.value).toBe(true);
		expect(latest.get('p:newPerDay')?.value).toBe(9);
		expect(await reconcileChanges(db, () => at(20))).toBe(0);
	});
});
