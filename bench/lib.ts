// Shared by the benchmark scripts: the figure format that `npm run bench` writes to bench/results.md,
// medians and percentiles, the static server over build/ and the system Chromium.

import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath } from '../scripts/chromium';

/** One measured figure, next to the baseline measured in the same run. */
export interface Figure {
	/** Stable key, e.g. `grade-p95`. Figures with the same key and different `size` form one chart. */
	key: string;
	/** What was measured, in words. */
	label: string;
	/** Collection size in cards, when the figure depends on it. */
	size?: number;
	value: number;
	unit: string;
	baseline?: { label: string; value: number };
	/** value / baseline.value (or baseline / value where higher is better: say so in `label`). */
	ratio?: number;
	/** The target in words, e.g. `≤ 16 ms and ≤ 5× baseline`. */
	target: string;
	pass: boolean;
	/** The command or script that produced it. */
	source: string;
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0-100), nearest rank. */
export function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Serves build/ (or `dir`, via scripts/serve.js) on `port` until `stop()`; waits until it answers. */
export async function serveBuild(
	port: number,
	dir?: string
): Promise<{ url: string; stop: () => void }> {
	const env = { ...process.env, PORT: String(port), ...(dir ? { BUILD_DIR: dir } : {}) };
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	// A server already on the port (another worktree's build) would answer in its place: measure
	// nothing unless ours is the one running.
	let exited = false;
	child.once('exit', () => (exited = true));
	for (let i = 0; i < 100; i++) {
		if (exited) throw new Error(`Port ${port} is taken by another server: set BENCH_PORT.`);
		try {
			await fetch(url + '/');
			await new Promise((r) => setTimeout(r, 200));
			if (exited) throw new Error(`Port ${port} is taken by another server: set BENCH_PORT.`);
			return { url, stop: () => child.kill() };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	child.kill();
	throw new Error(`The server on port ${port} did not start.`);
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: ['--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info']
	});
}

export const fmt = (n: number, digits = 1) =>
	Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);
