import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialiseBackup } from '../backup/format';
import { exportBackup } from '../db/backup/backup';
import { answerNext, T0 } from '../db/test-support';
import { ready } from './app';
import { BackupTools } from './backup.svelte';
import { serveDecks, until } from './test-app';

serveDecks();

describe('BackupTools', () => {
	it('refuses a bad file with its name and reason and changes nothing; a good file is summarised, then imported on confirmation', async () => {
		const db = await ready();
		const tools = new BackupTools();
		await tools.chooseFile(new File(['{"format": "something else"}'], 'notes.json'));
		expect(tools.error).toMatch(/^notes\.json: .*Nothing was changed\.$/);
		expect(tools.pending).toBeUndefined();

		// A backup made after two answers; the answers are then lost here, and the backup brings them back.
		await answerNext(db, T0);
		await answerNext(db, new Date(T0.getTime() + 1000));
		const text = serialiseBackup(await exportBackup(db, new Date(T0.getTime() + 2000)));
		await db.reviews.clear();
		await tools.chooseFile(new File([text], 'kartu-backup.json'));
		expect(tools.error).toBeUndefined();
		expect(tools.pending?.summary.reviewsAdded).toBe(2);
		expect(await db.reviews.count()).toBe(0);

		await tools.confirmImport();
		await until(() => !tools.busy);
		expect(tools.message).toMatch(/^Imported kartu-backup\.json: .*2 reviews added/);
		expect(tools.pending).toBeUndefined();
		expect(await db.reviews.count()).toBe(2);

		// A file waiting for confirmation, then a bad one chosen: no Import button is left for the first.
		await tools.chooseFile(new File([text], 'kartu-backup.json'));
		expect(tools.pending?.name).toBe('kartu-backup.json');
		await tools.chooseFile(new File(['not json'], 'broken.json'));
		expect(tools.error).toMatch(/^broken\.json: /);
		expect(tools.pending).toBeUndefined();
	});
});
