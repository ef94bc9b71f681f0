// An article the learner adds, read before it is analysed: the file or paste made plain text
// (text/article-input.ts), its title and source, its fingerprint (the same text twice is noticed)
// and a guess at its language. Runs in the analysis worker.

import {
	articleFingerprint,
	checkFileSize,
	guessLanguage,
	readArticleInput,
	TITLE_MAX_CHARS,
	type ArticleFormat,
	type LanguageGuess
} from '../text';

/** What the learner gave: a paste (`content` a string, `name` '') or an opened file. */
export interface ArticleSource {
	name: string;
	type: string;
	content: string | Blob;
	/** A title the learner typed; else the one the text gives. */
	title?: string;
	/** A URL or a note. */
	source?: string;
}

export interface PreparedArticle {
	/** `mine-` and the fingerprint's first 12 digits: the same text always gets the same slug. */
	slug: string;
	title: string;
	source: string;
	/** The text as stored and analysed: the article's own lines, its headline first when it has one. */
	body: string;
	/** Whether the first line of `body` is a headline. */
	headline: boolean;
	format: ArticleFormat;
	fingerprint: string;
	language: LanguageGuess;
	/** Lines with no punctuation that were cut into pieces. */
	splitLines: number;
}

/** The longest source note kept. */
const SOURCE_MAX_CHARS = 500;

/** The slug of an added article: never holds a `/`, so card and sentence ids stay parseable. */
export function slugOf(fingerprint: string): string {
	return `mine-${fingerprint.slice(0, 12)}`;
}

/** A title or a source line as kept: one line, no control characters, at most `max` characters. */
export function oneLine(text: string, max: number): string {
	const line = text
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * Reads what the learner gave as an article; a message saying why not when it cannot be one (empty,
 * binary, over 5 MB, no text). A file over 5 MB is refused by its size before it is read. A page's
 * headline (HTML) or front matter's title (Markdown) that the text lacks opens it as its headline;
 * a paste whose first line is not a title has no headline, and is called by the title given.
 */
export async function prepareArticle(
	src: ArticleSource
): Promise<{ ok: true; article: PreparedArticle } | { ok: false; message: string }> {
	let content: string | ArrayBuffer;
	if (typeof src.content === 'string') content = src.content;
	else {
		const tooLarge = checkFileSize(src.content.size, src.name);
		if (tooLarge && !tooLarge.ok) return tooLarge;
		content = await src.content.arrayBuffer();
	}
	const input = readArticleInput(src.name, src.type, content);
	if (!input.ok) return input;
	const given = oneLine(src.title ?? '', TITLE_MAX_CHARS);
	const title = given || input.title;
	// A title that came from the page or the front matter is the article's headline; a file name or 'Pasted text' is not.
	const headlineFromFile = !input.titleInText && input.format !== 'text';
	const body = headlineFromFile ? `${input.title}\n\n${input.text}` : input.text;
	const fingerprint = articleFingerprint(input.text);
	return {
		ok: true,
		article: {
			slug: slugOf(fingerprint),
			title,
			source: oneLine(src.source ?? '', SOURCE_MAX_CHARS) || input.source || '',
			body,
			headline: input.titleInText || headlineFromFile,
			format: input.format,
			fingerprint,
			language: guessLanguage(input.text),
			splitLines: input.splitLines
		}
	};
}
