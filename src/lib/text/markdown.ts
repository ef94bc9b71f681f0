// Reduces a Markdown file to its plain text: front matter read for a title, syntax removed, soft-wrapped lines joined into paragraphs.

import { decodeHTML } from 'entities/decode';

/** A Markdown file as text: its front matter's title and source (if any) and its paragraphs, split by blank lines. */
export interface MarkdownText {
	title?: string;
	source?: string;
	text: string;
}

/** Characters Markdown lets a backslash escape; escaped ones are hidden from the inline rules. */
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;
const HIDDEN = /[\ue000-\ue07f]/g;

/**
 * The text of a Markdown document. YAML (`---`) or TOML (`+++`) front matter is left out, its
 * `title` and `source` (or `url`) kept apart. Headings, list items and table rows become
 * paragraphs of their own; lines of one paragraph are joined with spaces; code blocks, images,
 * HTML comments, link targets, footnote marks and horizontal rules are dropped; emphasis, inline
 * code and inline HTML tags are reduced to their text; entities are decoded.
 *
 * @example markdownToText('---\ntitle: Banjir\n---\n# Banjir di *kota*\n\nAir naik\ndengan cepat.')
 *   → { title: 'Banjir', text: 'Banjir di kota\n\nAir naik dengan cepat.' }
 */
export function markdownToText(markdown: string): MarkdownText {
	let body = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const meta: { title?: string; source?: string } = {};
	const front = /^(---|\+\+\+)[^\S\n]*\n([\s\S]*?)\n\1[^\S\n]*(?:\n|$)/.exec(body);
	if (front) {
		body = body.slice(front[0].length);
		for (const line of front[2].split('\n')) {
			const kv = /^(title|source|url)\s*[:=]\s*(.*)$/i.exec(line);
			if (!kv) continue;
			const value = kv[2]
				.trim()
				.replace(/^(["'])(.*)\1$/, '$2')
				.trim();
			const key = kv[1].toLowerCase() === 'title' ? 'title' : 'source';
			if (value && !meta[key]) meta[key] = value;
		}
	}
	body = body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');

	const paragraphs: string[] = [];
	let current: string[] = [];
	const end = () => {
		const text = current
			.join(' ')
			.replace(/ *\n */g, '\n')
			.trim();
		if (text) paragraphs.push(text);
		current = [];
	};
	const lines = body.split('\n');
	let fence: string | undefined;
	for (let k = 0; k < lines.length; k++) {
		const raw = lines[k];
		if (fence) {
			if (raw.trim().startsWith(fence)) fence = undefined;
			continue;
		}
		const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
		if (opening) {
			end();
			fence = opening[1];
			continue;
		}
		// Blockquote marks go; what they quote is read like any other line.
		let line = raw.replace(/^(\s{0,3}>\s?)+/, '');
		if (!line.trim()) {
			end();
			continue;
		}
		// A setext heading: a line underlined with === or ---.
		const underline =
			lines[k + 1] !== undefined &&
			/^\s{0,3}(=+|-+)\s*$/.test(lines[k + 1]) &&
			current.length === 0;
		if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) && !underline) {
			end();
			continue;
		}
		if (/^\s{0,3}\[[^\]]+\]:\s*\S/.test(line)) continue; // a link reference definition
		const heading = /^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$/.exec(line);
		if (heading || underline) {
			end();
			current.push(inline(heading ? heading[1] : line));
			end();
			if (underline) k++;
			continue;
		}
		const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
		if (item) {
			end();
			line = item[1];
		}
		if (/^\s*\|.*\|\s*$/.test(line)) {
			end();
			if (/^\s*\|[\s|:-]+\|\s*$/.test(line)) continue; // the row under a table's header
			const cells = line
				.trim()
				.slice(1, -1)
				.split('|')
				.map((c) => inline(c).trim())
				.filter(Boolean);
			current.push(cells.join('; '));
			end();
			continue;
		}
		// Two spaces or a backslash at the end of a line break it.
		const hardBreak = / {2,}$|\\$/.test(line);
		current.push(inline(line.replace(/\\$/, '')) + (hardBreak ? '\n' : ''));
	}
	end();
	const text = paragraphs.join('\n\n');
	return {
		...(meta.title ? { title: inline(meta.title) } : {}),
		...(meta.source ? { source: meta.source } : {}),
		text
	};
}

/** One line's inline syntax reduced to its text. */
function inline(text: string): string {
	const out = text
		.replace(ESCAPABLE, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
		.replace(/`+([^`]+?)`+/g, '$1')
		.replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, '')
		.replace(/\[\^[^\]]+\]/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
		.replace(/<(?:https?|mailto|ftp):[^>\s]*>/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?[a-zA-Z][^<>]*>/g, '')
		.replace(/\*\*(?=[^\s*])([^*]*?\S)\*\*|__(?=[^\s_])([^_]*?\S)__/g, '$1$2')
		.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
		.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
		.replace(/~~(?=[^\s~])([^~]*?\S)~~/g, '$1');
	return decodeHTML(out)
		.replace(HIDDEN, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
		.replace(/[^\S\n]+/g, ' ')
		.trim();
}
