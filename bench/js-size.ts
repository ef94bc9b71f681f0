// npm run bench:size — the JavaScript the home page loads, gzipped, measured in Chromium against the real build/.
// Run `npm run build` first. Prints each script and the total; also the size of decks.json.

import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 4319);
const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
await new Promise((r) => setTimeout(r, 600));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
	for (const path of ['/', '/review']) {
		const page = await browser.newPage();
		const sizes: { url: string; raw: number; gz: number; type: string }[] = [];
		page.on('response', async (res) => {
			const type = res.request().resourceType();
			if (type !== 'script' && !res.url().endsWith('.json')) return;
			const body = await res.body();
			sizes.push({ url: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 9 }).length, type });
		});
		await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
		const scripts = sizes.filter((s) => s.type === 'script');
		const total = scripts.reduce((a, s) => a + s.gz, 0);
		console.log(`\n${path}: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} kB gzipped (${(scripts.reduce((a, s) => a + s.raw, 0) / 1024).toFixed(1)} kB raw)`);
		for (const s of sizes.sort((a, b) => b.gz - a.gz)) console.log(`  ${(s.gz / 1024).toFixed(1).padStart(6)} kB  ${s.url}`);
		await page.close();
	}
} finally {
	await browser.close();
	server.kill();
}
