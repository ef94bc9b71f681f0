// The settings page's backup tools: export, import with a summary to confirm, snapshots, storage.

import {
	backupFileName,
	MAX_BACKUP_BYTES,
	parseBackup,
	serialiseBackup,
	type Backup
} from '../backup/format';
import {
	applyImport,
	exportBackup,
	planImport,
	readCollection,
	type ImportMode,
	type ImportSummary
} from '../db/backup/backup';
import type { StoredSnapshot } from '../db/rows';
import { loadSettings } from '../db/settings';
import { listSnapshots, restoreSnapshot } from '../db/backup/snapshots';
import { rebuildStats } from '../db/stats';
import { ready, snapshotTaken, storageMessage } from './app';
import { requestPersistence, storageInfo, type StorageInfo } from './storage';
import { announceReplaced } from './shell';

export class BackupTools {
	message = $state<string | undefined>();
	error = $state<string | undefined>();
	/** A validated file waiting for the learner to confirm, with what it would change. */
	pending = $state.raw<{ name: string; backup: Backup; summary: ImportSummary } | undefined>();
	mode = $state<ImportMode>('merge');
	snapshots = $state.raw<StoredSnapshot[]>([]);
	confirmRestore = $state<string | undefined>();
	storage = $state.raw<StorageInfo>({});
	busy = $state(false);

	constructor() {
		void this.refresh();
	}

	async refresh(): Promise<void> {
		try {
			const db = await ready();
			await snapshotTaken();
			this.snapshots = await listSnapshots(db);
			this.storage = await storageInfo();
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Downloads everything as kartu-backup-DATE.json. */
	async exportFile(): Promise<void> {
		this.clear();
		try {
			const now = new Date();
			const text = serialiseBackup(await exportBackup(await ready(), now));
			const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
			const a = document.createElement('a');
			a.href = url;
			a.download = backupFileName(now);
			a.click();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
			this.message = `Exported ${a.download}.`;
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	/** Downloads an Anki package (.apkg) of every card with its schedule and review history. */
	async exportAnki(): Promise<void> {
		this.clear();
		this.busy = true;
		try {
			const [{ buildApkg, apkgFileName }, { loadSql }] = await Promise.all([
				import('../export/anki'),
				import('../export/load-sql')
			]);
			const db = await ready();
			const now = new Date();
			const { cards, reviews } = await readCollection(db);
			const bytes = await buildApkg(await loadSql(), cards, reviews, now);
			const url = URL.createObjectURL(
				new Blob([bytes as BlobPart], { type: 'application/octet-stream' })
			);
			const a = document.createElement('a');
			a.href = url;
			a.download = apkgFileName(now);
			a.click();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
			this.message = `Exported ${a.download}: open it with Anki (File › Import).`;
		} catch (e) {
			this.error = `The Anki export failed: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	/** Reads and checks a chosen file; nothing is written until `confirmImport`. */
	async chooseFile(file: File): Promise<void> {
		this.clear();
		// A new choice replaces the one waiting: a refused file leaves no Import button behind.
		this.pending = undefined;
		if (file.size > MAX_BACKUP_BYTES) {
			this.error = `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; a Kartu backup can be at most 50 MB. Nothing was changed.`;
			return;
		}
		const parsed = parseBackup(await file.text(), file.size);
		if (!parsed.ok) {
			this.error = `${file.name}: ${parsed.error} Nothing was changed.`;
			return;
		}
		try {
			this.pending = {
				name: file.name,
				backup: parsed.backup,
				summary: await planImport(await ready(), parsed.backup, this.mode)
			};
		} catch (e) {
			this.error = storageMessage(e);
		}
	}

	async setMode(mode: ImportMode): Promise<void> {
		this.mode = mode;
		if (this.pending)
			this.pending = {
				...this.pending,
				summary: await planImport(await ready(), this.pending.backup, mode)
			};
	}

	async confirmImport(): Promise<void> {
		if (!this.pending || this.busy) return;
		this.busy = true;
		try {
			const s = await applyImport(await ready(), this.pending.backup, this.mode);
			this.message = `Imported ${this.pending.name}: ${s.cardsAdded} cards added, ${s.cardsUpdated} updated, ${s.reviewsAdded} reviews added${s.reviewsSkipped ? `, ${s.reviewsSkipped} already here` : ''}.`;
			if (this.mode === 'replace') announceReplaced();
			this.pending = undefined;
			void sumStatsAgain();
		} catch (e) {
			this.error = `The import failed and nothing was changed. ${storageMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	cancelImport(): void {
		this.pending = undefined;
	}

	async restore(id: string): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.clear();
		try {
			const s = await restoreSnapshot(await ready(), id);
			this.message = `Restored the snapshot of ${id}: ${s.cardsAdded} cards, ${s.reviewsAdded} reviews.`;
			this.confirmRestore = undefined;
			announceReplaced();
			void sumStatsAgain();
			await this.refresh();
		} catch (e) {
			this.error = `The restore failed and nothing was changed. ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	async askPersistence(): Promise<void> {
		this.storage = await requestPersistence();
	}

	clear(): void {
		this.message = undefined;
		this.error = undefined;
	}
}

/** After an import or a restore, the statistics are summed again in the background, so the page is ready. */
async function sumStatsAgain(): Promise<void> {
	const db = await ready();
	await rebuildStats(db, (await loadSettings(db)).dayStartHour, new Date()).catch(() => {});
}
