// ESLint as a SvelteKit project made by `npx sv create` has it (typescript-eslint, eslint-plugin-svelte,
// Prettier for layout), plus the house rules of ARCHITECTURE.md: what each layer may import.
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignore = fileURLToPath(new URL('./.gitignore', import.meta.url));

/** Import patterns, named once: each layer's rule below lists the ones it may not use. */
const dexie = {
	group: ['dexie', 'dexie/*'],
	message: 'Only src/lib/db/ talks to IndexedDB through Dexie (ARCHITECTURE.md).'
};
const db = {
	group: ['$lib/db', '$lib/db/*', '**/db/*', '../db', './db/*'],
	message:
		'Pages and components reach the database through a state class (src/lib/state/), never db/ itself.'
};
const ui = {
	group: [
		'svelte',
		'svelte/*',
		'$app/*',
		'$lib/state/*',
		'**/state/*',
		'**/components/*',
		'*.svelte'
	],
	message:
		'text/, cards/ and srs/ are plain TypeScript: no Svelte, no $app, no state or components.'
};
const pureDb = {
	group: ['$lib/db', '$lib/db/*', '**/db/*'],
	message: 'text/, cards/ and srs/ never import db/: db/ imports them.'
};
const server = {
	group: ['$lib/server/*', '**/server/*'],
	message: 'src/lib/server/ is build-time code; the browser never imports it.'
};

/** Tables of the database: state classes call db/ functions instead of querying them. */
const TABLES =
	'cards|reviews|settings|words|snapshots|snapshotData|statdays|firsts|counts|answerHours|transaction';

export default defineConfig(
	includeIgnoreFile(gitignore),
	// bench/hello-world is the size benchmark's baseline app, a project of its own.
	{ ignores: ['static/', 'bench/hello-world/', 'bench/out/'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint's advice: TypeScript itself checks undefined names.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			],
			// State classes keep Maps and Dates in $state.raw and replace them whole on each change
			// (never mutate them), which is what this rule's reactive classes would be for.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Tests and benchmarks poke at stored rows and fixtures of any shape.
		files: ['**/*.test.ts', 'tests/**', 'bench/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The layers (ARCHITECTURE.md). Tests may reach anything they check.
	{
		files: ['src/lib/text/**', 'src/lib/cards/**', 'src/lib/srs/**'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, ui, pureDb, server] }] }
	},
	{
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, db, server] }] }
	},
	{
		// Prerendering runs these at build time: they may read build-time content (lib/server/).
		files: ['src/routes/**/+page.server.ts', 'src/routes/**/+server.ts', 'src/hooks.server.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, db] }] }
	},
	{
		files: [
			'src/lib/state/**',
			'src/lib/analyse/**',
			'src/lib/optimise/**',
			'src/lib/export/**',
			'src/lib/audio/**',
			'src/lib/backup/**',
			'src/lib/sync/**',
			'src/hooks.client.ts',
			'src/service-worker.ts'
		],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [dexie, server] }],
			'no-restricted-syntax': [
				'error',
				{
					selector: `MemberExpression[object.name='db'][property.name=/^(${TABLES})$/], MemberExpression[object.property.name='db'][property.name=/^(${TABLES})$/]`,
					message:
						'State classes call named functions of db/ (db/cards.ts, db/answers.ts, …), never a table or a transaction themselves.'
				}
			]
		}
	}
);
