import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { placePolicy, scriptHash, withSources } from './page-policy';

const meta = (content: string) =>
	`<meta http-equiv="content-security-policy" content="${content}">`;
const page = (head: string) =>
	`<!doctype html><html><head><meta charset="utf-8" /><title>t</title><!--early-->${head}</head><body><script>start()</script></body></html>`;

describe('scriptHash', () => {
	it('is the base64 SHA-256 of the script text, quoted as a CSP source', () => {
		const code = 'window.a = "ü</script>"';
		expect(scriptHash(code)).toBe(
			`'sha256-${createHash('sha256').update(Buffer.from(code, 'utf8')).digest('base64')}'`
		);
	});
});

describe('withSources', () => {
	it('adds sources to a directive once, or creates it from default-src', () => {
		expect(
			withSources("default-src 'self'; script-src 'self' 'sha256-a'", 'script-src', [
				"'sha256-b'",
				"'self'"
			])
		).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'");
		expect(withSources("default-src 'self'; object-src 'none'", 'script-src', ["'sha256-b'"])).toBe(
			"default-src 'self'; object-src 'none'; script-src 'self' 'sha256-b'"
		);
	});
});

describe('placePolicy', () => {
	const script = '<script data-page="home">early($&)</script>';

	it('moves the policy first in the head, with the early script’s hash, and puts the script in its place', () => {
		const html = placePolicy(
			page(
				meta("default-src 'self'; script-src 'self' 'sha256-kit'") +
					'<link rel="modulepreload" href="x.js">'
			),
			'<!--early-->',
			script,
			["'sha256-early'"]
		);
		expect(html).toBe(
			`<!doctype html><html><head><meta charset="utf-8" />${meta("default-src 'self'; script-src 'self' 'sha256-kit' 'sha256-early'")}<title>t</title>${script}<link rel="modulepreload" href="x.js"></head><body><script>start()</script></body></html>`
		);
	});

	it('only places the script when the policy is sent as a header (dev)', () => {
		expect(placePolicy(page(''), '<!--early-->', script, ["'sha256-early'"])).toBe(
			page('').replace('<!--early-->', () => script)
		);
	});
});
