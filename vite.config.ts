import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** A hash of everything the decks are built from: the content and the code that turns it into cards. */
function contentVersion(paths: string[]): string {
	const hash = createHash('sha256');
	const visit = (path: string) => {
		if (statSync(path).isDirectory())
			for (const name of readdirSync(path).sort()) visit(join(path, name));
		else if (!path.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
	};
	paths.forEach(visit);
	return hash.digest('hex').slice(0, 16);
}

/**
 * `virtual:kartu-early`: src/lib/db/early/early.ts (entry early-main.ts) bundled and minified into one classic script's text,
 * which hooks.server.ts inlines in every page's head (a script that runs before the app's modules).
 */
function earlyScript(): Plugin {
	const id = 'virtual:kartu-early';
	const entry = 'src/lib/db/early/early-main.ts';
	return {
		name: 'kartu-early',
		resolveId: (source) => (source === id ? '\0' + id : undefined),
		async load(source) {
			if (source !== '\0' + id) return;
			const out = await build({
				entryPoints: [entry],
				bundle: true,
				format: 'iife',
				minify: true,
				write: false,
				target: 'es2020',
				metafile: true,
				logLevel: 'error'
			});
			for (const input of Object.keys(out.metafile.inputs)) this.addWatchFile(input);
			return `export default ${JSON.stringify(out.outputFiles[0].text.trim())};`;
		}
	};
}

export default defineConfig({
	plugins: [earlyScript(), sveltekit()],
	resolve: {
		// Dexie's package entry wraps its UMD build, which the bundler can neither tree-shake nor minify
		// as well as its ES module build; use that one (the same version, one copy in the app).
		alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }]
	},
	define: {
		// Lets a page skip fetching decks.json when the database already holds this build's decks.
		__CONTENT_VERSION__: JSON.stringify(
			contentVersion([
				'content',
				'src/lib/text',
				'src/lib/cards',
				'src/lib/server/content.ts',
				'src/routes/decks.json'
			])
		)
	},
	// The snapshot worker is an ES module (new Worker(url, { type: 'module' })).
	worker: { format: 'es' },
	build: {
		rolldownOptions: {
			checks: { bundlerTimings: false },
			output: {
				codeSplitting: {
					// Every page needs Svelte and SvelteKit's client: one file rather than a handful. Dexie is
					// apart: the home page reads without it (db/early/home-read.ts).
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/
						}
					]
				}
			}
		}
	},
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts'],
		expect: { requireAssertions: true },
		// A first test that parses the whole lexicon takes over 5 s on a loaded two-core machine.
		testTimeout: 30_000
	}
});
