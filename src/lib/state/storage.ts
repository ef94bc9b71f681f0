// Persistent storage: how much space Kartu uses, and asking the browser not to evict it.

import { firstPersistenceAsk } from '../db/settings';
import type { KartuDB } from '../db/schema';

export interface StorageInfo {
	usage?: number;
	quota?: number;
	persisted?: boolean;
	/** The browser was asked to keep Kartu's data and said no. */
	refused?: boolean;
}

/** How much space Kartu uses and whether the browser promised to keep it. */
export async function storageInfo(): Promise<StorageInfo> {
	const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!s) return {};
	const [estimate, persisted] = await Promise.all([s.estimate?.(), s.persisted?.()]);
	return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Asks the browser to keep Kartu's data under storage pressure; says whether it refused. */
export async function requestPersistence(): Promise<StorageInfo> {
	const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!s?.persist) return {};
	const granted = await s.persist();
	return { ...(await storageInfo()), persisted: granted, refused: !granted };
}

/** Once the learner has reviewed, ask once (ever) for persistent storage; the settings page shows the answer. */
export async function askPersistenceOnce(db: KartuDB): Promise<void> {
	if (await firstPersistenceAsk(db)) await requestPersistence();
}
