import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECT_SRC, DIRECTIVES, KIT_ANNOUNCER_STYLE, needsFreshLoad } from './csp.js';

describe('the policy', () => {
	it('allows the style attribute of the SvelteKit route announcer this Kit renders, and only it', () => {
		const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
		const root = readFileSync(join(kit, 'src/core/sync/write_root.js'), 'utf8');
		const style = /id="svelte-announcer"[^>]*\sstyle="([^"]*)"/.exec(root)?.[1];
		expect(style).toBeDefined();
		expect(KIT_ANNOUNCER_STYLE).toBe(
			`sha256-${createHash('sha256').update(style!).digest('base64')}`
		);
		expect(DIRECTIVES['style-src-attr']).toEqual(['unsafe-hashes', KIT_ANNOUNCER_STYLE]);
	});

	it('runs no inline code it does not name, and connects only to the app', () => {
		expect(DIRECTIVES['script-src']).toEqual(['self']);
		expect(DIRECTIVES['style-src']).toEqual(['self']);
		expect(DIRECTIVES['connect-src']).toBe(CONNECT_SRC);
		expect(CONNECT_SRC).toEqual(['self']);
		expect(DIRECTIVES['object-src']).toEqual(['none']);
		expect(DIRECTIVES['base-uri']).toEqual(['none']);
	});

	it('lets the app register its own service worker and read its own manifest, and no one else’s', () => {
		expect(DIRECTIVES['worker-src']).toEqual(['self']);
		expect(DIRECTIVES['manifest-src']).toEqual(['self']);
	});
});

describe('needsFreshLoad', () => {
	it.each([
		['/', '/settings', true],
		[null, '/settings', true],
		['/settings', '/settings', false],
		['/settings', '/', false],
		['/', '/stats', false],
		['/', null, false]
	])('from %s to %s: %s', (from, to, fresh) => {
		expect(needsFreshLoad(from, to)).toBe(fresh);
	});
});
