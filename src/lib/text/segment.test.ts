import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import {
	isReduplicationPair,
	sentenceId,
	splitParagraph,
	splitSentences,
	tokenize
} from './segment';

const raw = readFileSync(
	new URL('../../../content/articles/azerbaijan-iran.md', import.meta.url),
	'utf8'
);
const { meta, body } = parseArticle(raw);
const sentences = splitSentences(meta.slug, body);

describe('splitSentences on the seed article', () => {
	it('keeps the headline and the photo caption as units of their own, and skips the "-" separator', () => {
		expect(sentences[0]).toMatchObject({
			kind: 'headline',
			text: 'Ketika Ilham Aliyev Menekankan Perluasan Hubungan Azerbaijan-Iran'
		});
		expect(sentences[1]).toMatchObject({
			kind: 'caption',
			text: 'Menteri Intelijen Iran Seyed Mahmoud Alavi'
		});
		expect(sentences.filter((s) => s.text === '-')).toHaveLength(0);
		expect(sentences.slice(2).every((s) => s.kind === 'body')).toBe(true);
	});

	it('does not split at a quotation that closes without having opened', () => {
		const first = sentences[2].text;
		expect(first.startsWith('Hubungan antara Republik Azerbaijan')).toBe(true);
		expect(first.endsWith('ungkap Ilham Aliyev, Presiden Republik Azerbaijan.')).toBe(true);
	});

	it('keeps dates, abbreviations and semicolon-ended lines inside their sentences', () => {
		expect(sentences.find((s) => s.text.includes('(14/12)'))?.text).toMatch(
			/^Presiden Azerbaijan .* dua bangsa\.$/
		);
		expect(sentences.find((s) => s.text.startsWith('Letjen'))?.text).toContain(
			'Brigjen Ghasem Rezaei ke Baku'
		);
		expect(sentences.map((s) => s.text)).toContain('Keputusan ini sangat penting dari dua sisi;');
	});

	it('splits a quotation of two sentences after the first', () => {
		const i = sentences.findIndex((s) => s.text.endsWith('lewat intervensi mereka.'));
		expect(sentences[i + 1].text).toMatch(/^Dan kami percaya .* kawasan\."$/);
	});

	it('finds 22 sentences in 15 paragraphs (headline, caption, 13 of text)', () => {
		expect(sentences).toHaveLength(22);
		expect(new Set(sentences.map((s) => s.paragraph)).size).toBe(15);
	});
});

describe('splitParagraph', () => {
	it.each([
		['Dr. Budi datang. Ia makan.', ['Dr. Budi datang.', 'Ia makan.']],
		['Harga naik 3.5 persen. Itu berat!', ['Harga naik 3.5 persen.', 'Itu berat!']],
		['Presiden Susilo B. Yudhoyono hadir.', ['Presiden Susilo B. Yudhoyono hadir.']],
		['Ia berkata, "Saya setuju." Lalu pergi.', ['Ia berkata, "Saya setuju."', 'Lalu pergi.']]
	])('%s', (text, expected) => {
		expect(splitParagraph(text)).toEqual(expected);
	});
});

describe('sentence ids', () => {
	it('depend on the text only, not on the position', () => {
		const edited = splitSentences(meta.slug, 'Judul Baru\n' + body);
		const caption = edited.find((s) => s.text === 'Menteri Intelijen Iran Seyed Mahmoud Alavi');
		expect(caption?.id).toBe(sentences[1].id);
		expect(sentenceId('a', 'x')).not.toBe(sentenceId('b', 'x'));
	});
});

describe('tokenize', () => {
	const words = (text: string) =>
		tokenize(text)
			.filter((t) => t.kind === 'word')
			.map((t) => t.text);

	it('gives offsets that point at the token in the sentence', () => {
		for (const s of sentences) {
			for (const t of tokenize(s.text)) expect(s.text.slice(t.start, t.end)).toBe(t.text);
		}
	});

	it('keeps reduplicated words whole', () => {
		expect(
			words('negara-negara tetangganya dan bangsa-bangsa, faktor-faktor serta langkah-langkah')
		).toEqual([
			'negara-negara',
			'tetangganya',
			'dan',
			'bangsa-bangsa',
			'faktor-faktor',
			'serta',
			'langkah-langkah'
		]);
	});

	it('splits hyphenated names into two names', () => {
		expect(words('Hubungan Azerbaijan-Iran dan Tehran-Baku')).toEqual([
			'Hubungan',
			'Azerbaijan',
			'Iran',
			'dan',
			'Tehran',
			'Baku'
		]);
		expect(words('Sayur-Mayur')).toEqual(['Sayur-Mayur']);
	});

	it('marks numbers and punctuation as not words', () => {
		const tokens = tokenize('hari Jumat (14/12) pertemuan ke-11.');
		expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
			'14/12',
			'ke-11'
		]);
		expect(tokens.filter((t) => t.kind === 'punct').map((t) => t.text)).toEqual(['(', ')', '.']);
	});
});

describe('isReduplicationPair', () => {
	it.each([
		['anak', 'anak', true],
		['berlari', 'lari', true],
		['kemerah', 'merahan', true],
		['sayur', 'mayur', true],
		['bolak', 'balik', true],
		['Azerbaijan', 'Iran', false],
		['Tehran', 'Baku', false]
	])('%s-%s → %s', (a, b, expected) => {
		expect(isReduplicationPair(a, b)).toBe(expected);
	});
});
