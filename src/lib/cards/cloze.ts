// Checks a typed cloze answer and shows, character by character, how it differs from the right one.

/** One step of the alignment between what was typed and what was expected. */
export interface DiffPart {
	/** `same`: typed right; `wrong`: typed this instead of `expected`; `extra`: typed but not expected; `missing`: expected but not typed. */
	kind: 'same' | 'wrong' | 'extra' | 'missing';
	typed: string;
	expected: string;
}

export interface ClozeCheck {
	correct: boolean;
	/** True when nothing was typed: the learner chose to reveal without typing. */
	empty: boolean;
	diff: DiffPart[];
}

/**
 * Lowercase, without surrounding punctuation and spaces, inner spaces collapsed.
 * @example normaliseAnswer('  "Kegunaan," ') → 'kegunaan'
 */
export function normaliseAnswer(s: string): string {
	return s
		.normalize('NFC')
		.toLowerCase()
		.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
		.replace(/\s*(…|\.\.\.)\s*/g, ' … ')
		.replace(/\s+/g, ' ');
}

/**
 * Compares a typed answer with the expected word, ignoring case, surrounding punctuation and spaces;
 * any of `alternatives` (other spellings) is right too.
 * @example checkCloze('Tekanan', 'tekan').correct → false
 * @example checkCloze('kerja sama', 'kerjasama', ['kerja sama']).correct → true
 */
export function checkCloze(
	typed: string,
	expected: string,
	alternatives: string[] = []
): ClozeCheck {
	const a = normaliseAnswer(typed);
	const b = normaliseAnswer(expected);
	const correct = [b, ...alternatives.map(normaliseAnswer)].includes(a);
	return { correct, empty: a === '', diff: diffChars(a, b) };
}

/** Levenshtein alignment of two short strings, as a list of same / wrong / extra / missing runs. */
export function diffChars(typed: string, expected: string): DiffPart[] {
	const a = [...typed];
	const b = [...expected];
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
		i,
		...Array(b.length).fill(0)
	]);
	for (let j = 1; j <= b.length; j++) d[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			d[i][j] = Math.min(
				d[i - 1][j] + 1,
				d[i][j - 1] + 1,
				d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
	}
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], t: string, e: string) => {
		const last = parts[parts.length - 1];
		if (last && last.kind === kind) {
			last.typed = t + last.typed;
			last.expected = e + last.expected;
		} else parts.push({ kind, typed: t, expected: e });
	};
	let i = a.length;
	let j = b.length;
	while (i > 0 || j > 0) {
		// Prefer an extra or missing letter over a diagonal step when both are optimal, so that
		// "tekanan" for "tekan" reads as tekan + extra "an", not tek + "an" + an.
		if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
			push('extra', a[i - 1], '');
			i--;
		} else if (j > 0 && d[i][j] === d[i][j - 1] + 1) {
			push('missing', '', b[j - 1]);
			j--;
		} else {
			push(a[i - 1] === b[j - 1] ? 'same' : 'wrong', a[i - 1], b[j - 1]);
			i--;
			j--;
		}
	}
	return parts.reverse();
}
