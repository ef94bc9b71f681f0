import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeForUpgrades, closeIfNewer } from './live';
import { KartuDB } from './schema';

let serial = 0;

/** Opens `name` at IndexedDB version `version` from another connection, as a newer Kartu's upgrade would. */
function upgradeElsewhere(name: string, version: number): Promise<'upgraded' | 'blocked'> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name, version);
		open.onblocked = () => resolve('blocked');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			open.result.close();
			resolve('upgraded');
		};
	});
}

describe('a newer version upgrading the database from another tab', () => {
	it('is not blocked by this connection, which stays closed and says so', async () => {
		const name = `live-${serial++}`;
		const db = new KartuDB(name);
		let told = 0;
		closeForUpgrades(db, () => told++);
		await db.settings.put({ key: 'k', value: 1 });
		const native = db.verno * 10;

		expect(await upgradeElsewhere(name, native + 10)).toBe('upgraded');
		expect(told).toBe(1);
		// Dexie would reopen at the new version on the next query; this connection does not.
		await expect(db.settings.put({ key: 'k', value: 2 })).rejects.toThrow(/closed/i);
		expect(db.isOpen()).toBe(false);
		await new Promise<void>((resolve) => {
			const r = indexedDB.deleteDatabase(name);
			r.onsuccess = r.onerror = () => resolve();
		});
	});

	it('leaves this version unable to write to the upgraded database when it opens it later', async () => {
		const name = `live-${serial++}`;
		const first = new KartuDB(name);
		await first.open();
		const native = first.verno * 10;
		first.close();
		expect(await upgradeElsewhere(name, native + 10)).toBe('upgraded');

		const stale = new KartuDB(name);
		await stale.open(); // Dexie opens a newer database all the same
		expect(closeIfNewer(stale)).toBe(true);
		await expect(stale.settings.put({ key: 'k', value: 1 })).rejects.toThrow(/closed/i);

		const current = new KartuDB(`live-${serial++}`);
		await current.open();
		expect(closeIfNewer(current)).toBe(false);
		expect(current.isOpen()).toBe(true);
		current.close();
	});
});
