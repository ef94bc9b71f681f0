import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { gradeThenKill } from './kill';

// The full table (0-50 ms, 50 trials each) is `npm run test:durability`; here a few trials.
test('an answer is kept when the browser is killed 5 ms or more after the key press', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const profile = mkdtempSync(join(tmpdir(), 'kartu-kill-'));
	try {
		const kept: string[] = [];
		for (const delay of [5, 10, 20, 5, 10, 20]) {
			kept.push(
				`${delay} ms: ${(await gradeThenKill(baseURL!, profile, delay)) ? 'kept' : 'lost'}`
			);
		}
		expect(kept).toEqual(kept.map((k) => k.replace(/lost$/, 'kept')));
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
