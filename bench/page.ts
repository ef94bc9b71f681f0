// The browser side of the benchmarks: the page instrumentation and the seeder bundled for the
// browser, and Chromium started as a learner starts it — a browser process of its own on a profile
// on disk (IndexedDB and HTTP cache in a user data directory), copied from one seeded beforehand.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath } from '../scripts/chromium';
import type { BenchWindow, Mark } from './keys';

const bundles = new Map<string, Promise<string>>();

/** `entry` bundled as one script for the page (esbuild, IIFE). */
export function bundle(entry: string): Promise<string> {
	let b = bundles.get(entry);
	if (!b) {
		b = build({
			entryPoints: [entry],
			bundle: true,
			format: 'iife',
			write: false,
			platform: 'browser',
			target: 'es2022',
			logLevel: 'error'
		}).then((out) => out.outputFiles[0].text);
		bundles.set(entry, b);
	}
	return b;
}

/** The instrumentation (bench/instrument.ts): give it to `addInitScript` before the page loads. */
export const instrumentScript = () => bundle('bench/instrument.ts');
/** The seeder and in-page baselines (bench/seed.ts), as `window.kartuBench`. */
export const seedScript = () => bundle('bench/seed.ts');

export const CHROMIUM_ARGS = [
	'--disable-gpu',
	'--js-flags=--expose-gc',
	'--enable-precise-memory-info'
];

/** A new, empty user data directory. */
export function newProfile(name: string): string {
	return mkdtempSync(join(tmpdir(), `kartu-bench-${name}-`));
}

/** What of a profile is the HTTP cache (with V8's code cache, which lives beside it). */
const CACHES = [
	'Default/Cache',
	'Default/Code Cache',
	'Default/GPUCache',
	'ShaderCache',
	'GrShaderCache'
];

/**
 * A copy of the profile `from` in a new directory, with its HTTP cache (and code cache) emptied and
 * no lock left from the browser that wrote it: a returning learner's browser whose cache was cleared.
 */
export function coldCopy(from: string, name: string): string {
	const to = newProfile(name);
	cpSync(from, to, { recursive: true });
	for (const c of [...CACHES, 'SingletonLock', 'SingletonSocket', 'SingletonCookie'])
		rmSync(join(to, c), { recursive: true, force: true });
	return to;
}

export function removeProfile(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts Chromium, a new browser process, on the profile `dir`; the instrumentation is in every page
 * it opens. `bypassCSP` only where the harness adds a script tag of its own (the seeder).
 */
export async function launchProfile(
	dir: string,
	options: { bypassCSP?: boolean; args?: string[]; serviceWorkers?: 'allow' | 'block' } = {}
): Promise<BrowserContext> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: chromiumPath(),
		args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
		bypassCSP: options.bypassCSP ?? false,
		serviceWorkers: options.serviceWorkers ?? 'allow'
	});
	await context.addInitScript({ content: await instrumentScript() });
	return context;
}

/** The page a fresh persistent context opened (about:blank), or a new one. */
export async function firstPage(context: BrowserContext): Promise<Page> {
	return context.pages()[0] ?? (await context.newPage());
}

export type MarkName = keyof BenchWindow['__marks'];

/** Waits until the instrumentation has seen `mark` painted; returns it (ms since navigation start). */
export async function painted(page: Page, mark: MarkName, timeout = 120_000): Promise<Mark> {
	// Polled by timer (not by frame: a frame requested by the harness would change what it measures).
	await page.waitForFunction(
		(m) => (window as unknown as BenchWindow).__marks[m as MarkName]?.paint !== undefined,
		mark,
		{ timeout, polling: 50 }
	);
	return page.evaluate(
		(m) => (window as unknown as BenchWindow).__marks[m as MarkName]!,
		mark
	) as Promise<Mark>;
}
