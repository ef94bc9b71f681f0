import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The snapshot worker is an ES module (new Worker(url, { type: 'module' })).
	worker: { format: 'es' },
	build: {
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts'],
		expect: { requireAssertions: true }
	}
});
