// Checks a text before it is analysed: not empty, not over 5 MB, text and not a binary file. Kept
// apart from the pipeline, so that the analyse page can check what it is given without loading it.

/** The largest text Kartu analyses: 5 MB of UTF-8, about 700,000 words. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
const LIMIT = '5 MB';

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * The UTF-8 length of a string, counted without encoding it; counting stops once it passes `stopAbove`.
 * @example utf8Length('kata') → 4; utf8Length('–') → 3
 */
export function utf8Length(text: string, stopAbove = Infinity): number {
	let n = 0;
	for (let i = 0; i < text.length && n <= stopAbove; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
			// A surrogate pair is one code point of four bytes.
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

/** Megabytes with one decimal: 5452595 → '5.2 MB'. */
function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Whether a pasted text (or a decoded file, named `name`) can be analysed: not empty, not over
 * 5 MB, no NUL characters (a sign of a binary file), and with at least one letter.
 * @example checkText('  ') → { ok: false, message: 'There is no text to analyse: …' }
 * @example checkText('Dia mengatakan itu.') → { ok: true, text: 'Dia mengatakan itu.' }
 */
export function checkText(text: string, name?: string): TextCheck {
	const what = name ?? 'This text';
	if (!/\S/.test(text)) {
		return {
			ok: false,
			message: name
				? `${name} is empty: there is no text to analyse.`
				: 'There is no text to analyse: paste some Indonesian text or open a .txt or .md file.'
		};
	}
	const bytes = utf8Length(text, MAX_TEXT_BYTES);
	if (bytes > MAX_TEXT_BYTES)
		return {
			ok: false,
			message: `${what} is over ${LIMIT}; Kartu analyses texts of up to ${LIMIT}. Nothing was analysed.`
		};
	if (text.includes('\0')) return notText(name);
	if (!/\p{L}/u.test(text)) return { ok: false, message: `${what} has no words to analyse.` };
	return { ok: true, text };
}

function notText(name = 'This') {
	return {
		ok: false as const,
		message: `${name} is not a text file: open a .txt or .md file saved as UTF-8 (or UTF-16).`
	};
}

/**
 * Refuses a file over 5 MB by its size alone, before it is read.
 * @example checkFileSize(6_000_000, 'big.txt') → { ok: false, message: 'big.txt is 5.7 MB; Kartu analyses texts of up to 5 MB. Nothing was analysed.' }
 */
export function checkFileSize(size: number, name: string): TextCheck | undefined {
	if (size <= MAX_TEXT_BYTES) return undefined;
	return {
		ok: false,
		message: `${name} is ${megabytes(size)}; Kartu analyses texts of up to ${LIMIT}. Nothing was analysed.`
	};
}

/**
 * Decodes an opened file as text: UTF-8 (with or without a byte-order mark), or UTF-16 when it
 * starts with a UTF-16 byte-order mark. Anything else (NUL bytes, invalid UTF-8) is not text.
 * @example decodeText(new TextEncoder().encode('Dia mengatakan itu.'), 'a.txt') → { ok: true, text: 'Dia mengatakan itu.' }
 * @example decodeText(pngBytes, 'photo.png') → { ok: false, message: 'photo.png is not a text file: …' }
 */
export function decodeText(bytes: Uint8Array, name: string): TextCheck {
	const tooLarge = checkFileSize(bytes.length, name);
	if (tooLarge) return tooLarge;
	const utf16 =
		bytes[0] === 0xff && bytes[1] === 0xfe
			? 'utf-16le'
			: bytes[0] === 0xfe && bytes[1] === 0xff
				? 'utf-16be'
				: undefined;
	if (!utf16 && bytes.includes(0)) return notText(name);
	let text: string;
	try {
		text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
	} catch {
		return notText(name);
	}
	return checkText(text, name);
}

/**
 * The text to analyse: line ends made `\n`, and the front matter of a Kartu article (`---` … `---`)
 * left out, so an article file reads as its body.
 * @example textBody('---\nslug: a\n---\nSatu.\r\nDua.') → 'Satu.\nDua.'
 */
export function textBody(text: string): string {
	const unix = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const front = /^---\n(?:[A-Za-z_]+:[^\n]*\n)*---\n/.exec(unix);
	return front ? unix.slice(front[0].length) : unix;
}
