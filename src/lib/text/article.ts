// Reads an article file: a small front-matter block, then the text exactly as received.

import type { ArticleMeta } from './types';

export interface Article {
	meta: ArticleMeta;
	/** The article text after the front matter, byte for byte (one trailing newline dropped). */
	body: string;
}

const REQUIRED = ['slug', 'title', 'language', 'source'] as const;

/**
 * Parses `---`-fenced front matter of `key: value` lines followed by the body.
 * The front matter is flat on purpose (no nesting, no lists), so a full YAML parser is not needed.
 *
 * @example parseArticle('---\nslug: a\ntitle: T\nlanguage: id\nsource: s\n---\nTeks.') → { meta: {slug:'a',…}, body: 'Teks.' }
 * @throws Error naming the missing field or the malformed line.
 */
export function parseArticle(raw: string): Article {
	const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
	if (!match) throw new Error('article has no front matter (--- … ---)');
	const fields: Record<string, string> = {};
	for (const line of match[1].split('\n')) {
		if (!line.trim()) continue;
		const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
		if (!kv) throw new Error(`front matter line is not "key: value": ${line}`);
		fields[kv[1]] = kv[2].trim();
	}
	for (const key of REQUIRED) {
		if (!fields[key]) throw new Error(`front matter lacks "${key}"`);
	}
	const body = text.slice(match[0].length).replace(/\n$/, '');
	return {
		meta: {
			slug: fields.slug,
			title: fields.title,
			language: fields.language,
			source: fields.source
		},
		body
	};
}
