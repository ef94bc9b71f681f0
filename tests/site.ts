// A static server of a test's own (scripts/serve.js on a free port, serving a build folder): stopped,
// the network is really gone for the browser (not only emulated: Playwright's offline mode does not
// reach a service worker's own requests); started again on the same port with another build folder,
// a new version is deployed at the same address. Also: a second build of this checkout as a newer
// version, and waiting for a page's service worker to have cached the site.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

const ROOT = new URL('..', import.meta.url).pathname;
/** The build every end-to-end test serves (`npm run build`). */
export const BUILD = join(ROOT, 'build');

export class Site {
	#child: ChildProcess | undefined;
	port = 0;

	/** Serves `dir` on a free port (or `port`). */
	static async start(dir: string): Promise<Site> {
		const site = new Site();
		await site.serve(dir);
		return site;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Serves `dir`, on the same port as before if it served already. */
	async serve(dir: string): Promise<void> {
		await this.stop();
		const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
			env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', BUILD_DIR: dir },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		this.#child = child;
		this.port = await new Promise<number>((resolve, reject) => {
			let text = '';
			child.stdout!.on('data', (d: Buffer) => {
				text += d.toString();
				const m = /served at http:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
				if (m) resolve(Number(m[1]));
			});
			child.on('exit', (code) => reject(new Error(`scripts/serve.js exited (${code}): ${text}`)));
		});
	}

	/** Stops serving: from now on every request to the site fails as with no network. */
	async stop(): Promise<void> {
		const child = this.#child;
		this.#child = undefined;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill();
		});
	}
}

/**
 * Builds this checkout again as version `version` (what deploying a new release does, however little
 * changed) into .svelte-kit/next-version/ (inside the project, where SvelteKit's build finds
 * node_modules); returns its static folder. build/ and the rest of .svelte-kit/ are untouched.
 */
export function buildVersion(version: string): string {
	const dir = join(ROOT, '.svelte-kit/next-version');
	rmSync(dir, { recursive: true, force: true });
	const out = join(dir, 'build');
	const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: ROOT,
		env: {
			...process.env,
			KARTU_VERSION: version,
			KARTU_BUILD_DIR: out,
			KARTU_KIT_DIR: join(dir, 'svelte-kit')
		},
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`The second build failed:\n${run.stdout}\n${run.stderr}`);
	return out;
}

/** Waits until the page is served by an active service worker, which has cached the whole site. */
export async function cachedForOffline(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
