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
	/** Exactly what interval (or quantity) the figure measures: from which event to which. */
	interval?: string;
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
	/** A latency: how many were timed, and p50 / p95 / p99 in ms to the DOM change and to the painted frame. */
	n?: number;
	dom?: [number, number, number];
	painted?: [number, number, number];
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

/**
 * Serves build/ (or `dir`, via scripts/serve.js) on `port` until `stop()`; waits until it answers.
 * On a shared machine a server can be ended from outside: it is started again on the same port (the
 * port is part of the origin, and so of where IndexedDB keeps a profile's data).
 */
export async function serveBuild(
	port: number,
	dir?: string
): Promise<{ url: string; stop: () => void }> {
	const env = { ...process.env, PORT: String(port), ...(dir ? { BUILD_DIR: dir } : {}) };
	let stopped = false;
	let restarts = 0;
	let answered = false;
	let exited = false;
	let child: ChildProcess;
	const start = () => {
		child = spawn(process.execPath, ['scripts/serve.js'], {
			env,
			stdio: ['ignore', 'ignore', 'inherit']
		});
		child.on('exit', (code, signal) => {
			// Ended before it ever answered: the port is another server's (another worktree's build),
			// which would answer in its place.
			if (!answered) return void (exited = true);
			if (stopped || ++restarts > 20) return;
			console.error(`The server on port ${port} ended (${signal ?? code}); starting it again.`);
			setTimeout(start, 200);
		});
	};
	start();
	const url = `http://127.0.0.1:${port}`;
	const stop = () => {
		stopped = true;
		child.kill();
	};
	for (let i = 0; i < 100; i++) {
		if (exited) throw new Error(`Port ${port} is taken by another server: set BENCH_PORT.`);
		try {
			await fetch(url + '/');
			await new Promise((r) => setTimeout(r, 200));
			if (exited) throw new Error(`Port ${port} is taken by another server: set BENCH_PORT.`);
			answered = true;
			return { url, stop };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	stop();
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
