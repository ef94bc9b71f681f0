// The house rules of ARCHITECTURE.md are enforced by the lint rules in eslint.config.js, which
// `npm test` runs: these tests check that the rules catch what they are meant to catch.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/**
 * The rule ids ESLint reports for `code` as if it were the file at `path` (an existing file, for
 * .svelte and .svelte.ts: their parser asks TypeScript's project about the file).
 */
async function broken(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path });
	return result.messages.map((m) => m.ruleId ?? m.message);
}

// Linting a .svelte file starts TypeScript's project service: seconds, the first time.
describe('the layers', { timeout: 60_000 }, () => {
	it('refuse a route or component that imports db/ or Dexie', async () => {
		const db = "import { db } from '$lib/db/db';\nexport const n = db.name;\n";
		expect(await broken('src/routes/example/+page.ts', db)).toContain('no-restricted-imports');
		expect(
			await broken('src/lib/components/PlayButton.svelte', `<script lang="ts">\n${db}</script>\n`)
		).toContain('no-restricted-imports');
		expect(
			await broken(
				'src/routes/example/+page.ts',
				"import Dexie from 'dexie';\nexport const d = Dexie;\n"
			)
		).toContain('no-restricted-imports');
	});

	it('refuse Svelte, $app, Dexie or db/ in text/, cards/ and srs/', async () => {
		for (const line of [
			"import { tick } from 'svelte';",
			"import { base } from '$app/paths';",
			"import Dexie from 'dexie';",
			"import { loadQueue } from '../db/cards';"
		]) {
			expect(
				await broken('src/lib/srs/example.ts', `${line}\nexport const x = 1;\n`),
				line
			).toContain('no-restricted-imports');
		}
	});

	it('refuse a state class that queries a table instead of calling a db/ function', async () => {
		const code =
			"import type { KartuDB } from '../db/schema';\nexport const first = (db: KartuDB) => db.cards.toArray();\n";
		expect(await broken('src/lib/state/stats.svelte.ts', code)).toContain('no-restricted-syntax');
		expect(
			await broken(
				'src/lib/state/example.ts',
				"import Dexie from 'dexie';\nexport const d = Dexie;\n"
			)
		).toContain('no-restricted-imports');
	});

	it('let a state class call db/ functions, and db/ use Dexie', async () => {
		expect(
			await broken(
				'src/lib/state/example.ts',
				"import { loadSettings } from '../db/settings';\nexport const load = loadSettings;\n"
			)
		).toEqual([]);
		expect(
			await broken('src/lib/db/example.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")
		).toEqual([]);
	});
});
