import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			// The system Chromium where there is one; Playwright's own otherwise (scripts/chromium.ts).
			executablePath: chromiumPath(),
			args: ['--disable-gpu']
		},
		trace: 'retain-on-failure'
	},
	webServer: {
		// The real static output in build/, served as a static host serves it; fails if the port is taken.
		command: 'node scripts/serve.js',
		env: { PORT: String(port), HOST: '127.0.0.1' },
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
