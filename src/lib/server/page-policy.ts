// Completes each page's Content-Security-Policy at prerender: SvelteKit writes it (with its own
// script's hash) into %sveltekit.head%, which app.html puts after the early script; this moves it
// before that script and adds the script's hash, so the policy covers every script on the page.

import { createHash } from 'node:crypto';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * The CSP source that lets exactly this inline script run: the SHA-256 of its text.
 * @example scriptHash('') → "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
 */
export function scriptHash(code: string): string {
	return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * A policy with `sources` added to one directive (which starts from default-src when absent).
 * @example withSources("default-src 'self'; script-src 'self'", 'script-src', ["'wasm-unsafe-eval'"]) → "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
 */
export function withSources(policy: string, directive: string, sources: string[]): string {
	const parts = policy
		.split(';')
		.map((p) => p.trim())
		.filter(Boolean);
	const i = parts.findIndex((p) => p.split(/\s+/)[0] === directive);
	if (i >= 0)
		parts[i] = [parts[i], ...sources.filter((s) => !parts[i].split(/\s+/).includes(s))].join(' ');
	else {
		const fallback =
			parts
				.find((p) => p.split(/\s+/)[0] === 'default-src')
				?.split(/\s+/)
				.slice(1) ?? [];
		parts.push([directive, ...fallback, ...sources].join(' '));
	}
	return parts.join('; ');
}

/**
 * Puts `script` where `placeholder` stands, and the page's policy meta (moved from where SvelteKit
 * wrote it) first in the head, right after the charset, with `sources` added to script-src: the
 * script's hash, and anything else the page needs. Without a policy meta (pages served with a
 * header, in dev) only the script goes in.
 */
export function placePolicy(
	html: string,
	placeholder: string,
	script: string,
	sources: string[]
): string {
	// Functions, not strings, as replacements: the script may hold `$'` or `$&`, which a replacement string would expand.
	html = html.replace(placeholder, () => script);
	const meta = META.exec(html);
	if (!meta) return html;
	const policy = `<meta http-equiv="content-security-policy" content="${withSources(meta[1], 'script-src', sources)}">`;
	html = html.replace(meta[0], '');
	return CHARSET.test(html)
		? html.replace(CHARSET, (charset) => charset + policy)
		: html.replace(/<head>/i, (head) => head + policy);
}
