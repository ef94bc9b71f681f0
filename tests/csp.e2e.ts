import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KIT_ANNOUNCER_STYLE } from '../src/lib/csp.js';
import { onlyKind, writesSettled } from './idb';
import { answerGood } from './learner';

const BUILD = new URL('../build/', import.meta.url).pathname;
const article = readFileSync(
	new URL('../content/articles/azerbaijan-iran.md', import.meta.url),
	'utf8'
);
const body = article.slice(article.indexOf('\n---\n') + 5);

interface Violation {
	directive: string;
	blocked: string;
	sample: string;
	url: string;
}

/**
 * Collects every `securitypolicyviolation` event of every document the page loads, in the test;
 * Chromium's console errors about the policy are counted too.
 */
async function watchViolations(page: Page): Promise<Violation[]> {
	const seen: Violation[] = [];
	await page.exposeFunction('__cspViolation', (v: Violation) => seen.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __cspViolation: (v: Violation) => void }).__cspViolation({
				directive: e.effectiveDirective,
				blocked: e.blockedURI,
				sample: e.sample,
				url: location.pathname
			})
		);
	});
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
			seen.push({ directive: 'console', blocked: '', sample: m.text(), url: page.url() });
	});
	return seen;
}

/** The policy a document runs under: the content of its <meta http-equiv>, as directive → sources. */
function parsePolicy(html: string): Map<string, string[]> {
	const content = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];
	if (!content) throw new Error('the page has no Content-Security-Policy');
	return new Map(
		content
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.map(([name, ...sources]) => [name, sources])
	);
}

const nav = (page: Page, name: string) =>
	page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

function pages(dir = BUILD): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? e.name === '_app'
				? []
				: pages(join(dir, e.name))
			: e.name.endsWith('.html')
				? ['/' + relative(BUILD, join(dir, e.name)).replace(/(index)?\.html$/, '')]
				: []
	);
}

test('every page ships a strict policy that names each of its inline scripts and nothing else', async ({
	request
}) => {
	const paths = pages();
	expect(paths.length).toBeGreaterThan(100);
	for (const path of paths) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const html = await response.text();
		const policy = parsePolicy(html);
		// First in the head, before any script or style.
		expect(html.indexOf('http-equiv="content-security-policy"'), path).toBeLessThan(
			html.indexOf('<script')
		);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'none'"]);
		expect(policy.get('form-action')).toEqual(["'self'"]);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('style-src')).toEqual(["'self'"]);
		expect(policy.get('worker-src')).toEqual(["'self'"]);
		expect(policy.get('manifest-src')).toEqual(["'self'"]);
		expect(policy.get('style-src-attr')).toEqual(["'unsafe-hashes'", `'${KIT_ANNOUNCER_STYLE}'`]);
		const scripts = policy.get('script-src')!;
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		// WebAssembly only where the Anki export compiles sql.js.
		expect(scripts.includes("'wasm-unsafe-eval'"), path).toBe(path === '/settings');
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
			(m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`
		);
		expect(inline.length, path).toBe(2); // the early script and SvelteKit's start
		expect(scripts.filter((s) => s.startsWith("'sha256-")).sort(), path).toEqual(inline.sort());
		expect(html, path).not.toMatch(/\sstyle="|\son[a-z]+="/);
	}
});

test('npm start sends nosniff, no referrer and cross-origin isolation, and the app still works under them', async ({
	page,
	request
}) => {
	for (const path of ['/', '/settings', '/_app/version.json']) {
		const headers = (await request.get(path)).headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('no-referrer');
		expect(headers['cross-origin-opener-policy']).toBe('same-origin');
		expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
	}
	await page.goto('/');
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('every page, a review, the reader, the analyser, exports and stats run with no policy violation', async ({
	page
}) => {
	test.setTimeout(90_000);
	const violations = await watchViolations(page);

	await page.goto('/');
	await expect(page.getByTestId('new-cards')).toHaveText('305');
	// A review: a vocabulary card, then a cloze card, whose blank Svelte sizes with style:width.
	await nav(page, 'Review').click();
	await answerGood(page);
	await writesSettled(page);
	await onlyKind(page, 'cloze');
	await page.goto('/review');
	await expect(page.getByRole('textbox', { name: 'Missing word' })).toBeFocused();
	await page.keyboard.type('menekan');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Your answer compared with the right one')).toBeVisible();
	await page.keyboard.press('1');
	await writesSettled(page);

	await nav(page, 'Cards').click();
	await expect(page.locator('tbody tr').first()).toBeVisible();
	await nav(page, 'Stats').click();
	await expect(page.getByTestId('reviews-year')).toHaveText('2');
	await page.locator('figure').first().getByText('Show as a table').click();

	await page.goto('/');
	await page.getByRole('link', { name: /Ketika Ilham Aliyev/ }).click();
	await page.locator('[data-headword="perluasan"]').first().click();
	const panel = page.getByRole('dialog', { name: 'perluasan' });
	await expect(panel).toContainText('per- + luas + -an');
	await panel.getByRole('link', { name: /luas/ }).first().click();
	await expect(page).toHaveURL(/\/family\/luas$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('luas');

	// The analyser's Web Worker.
	await nav(page, 'Analyse').click();
	await page.getByLabel('Indonesian text').fill(body.slice(0, 4000));
	await page.getByRole('button', { name: 'Analyse' }).click();
	await expect(page.getByTestId('analysis-status')).toHaveText(/^Analysed the pasted text/, {
		timeout: 20_000
	});

	// Settings is loaded afresh, so its document has the policy that lets sql.js compile.
	await nav(page, 'Settings').click();
	// The settings page's own heading, once its document (a full load, not the old page) has loaded.
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await page.waitForLoadState('load');
	expect(parsePolicy(await page.content()).get('script-src')).toContain("'wasm-unsafe-eval'");
	let download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.json$/);
	download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export to Anki (.apkg)' }).click();
	expect(
		readFileSync((await (await download).path())!)
			.subarray(0, 2)
			.toString()
	).toBe('PK');
	await expect(page.getByRole('status').filter({ hasText: 'open it with Anki' })).toBeVisible();
	// Back to a page without WebAssembly, and the daily snapshot's worker on the way.
	await nav(page, 'Home').click();
	await expect(page.getByTestId('new-cards')).toBeVisible();

	expect(violations).toEqual([]);
});

test('an injected inline script, event handler or string of code is blocked and reported', async ({
	page
}) => {
	const violations = await watchViolations(page);
	await page.goto('/article/azerbaijan-iran');
	await expect(page.locator('[data-headword="perluasan"]').first()).toBeVisible();
	const ran = await page.evaluate(async () => {
		const w = window as unknown as Record<string, unknown>;
		const script = document.createElement('script');
		script.textContent = 'window.__injected = "script"';
		document.body.append(script);
		const div = document.createElement('div');
		div.innerHTML = '<img src="data:," onerror="window.__injected = \'handler\'">';
		document.body.append(div);
		// Code as a string, as eval would run it (a timer's string: Playwright's own evaluation may eval).
		(setTimeout as (code: string, ms: number) => number)('window.__injected = "string"', 0);
		await new Promise((r) => setTimeout(r, 200));
		return w.__injected ?? 'nothing';
	});
	expect(ran).toBe('nothing');
	// WebAssembly compiles only on Settings.
	const compile = () =>
		page.evaluate(() =>
			WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
				() => 'compiled',
				(e: Error) => e.name
			)
		);
	expect(await compile()).toBe('CompileError');
	await expect
		.poll(() =>
			violations
				.filter((v) => v.directive !== 'console')
				.map((v) => v.directive)
				.sort()
		)
		.toEqual(['img-src', 'script-src', 'script-src', 'script-src-attr', 'script-src-elem']);
	await page.goto('/settings');
	expect(await compile()).toBe('compiled');
});
