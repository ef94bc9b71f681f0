import { describe, expect, it } from 'vitest';
import {
	alignTranslation,
	anchors,
	galeChurch,
	moveBoundary,
	reassign,
	splitEnglish,
	type SourceSentence
} from './align';
import { splitSentences } from './segment';

// An article and its translation, both written for this test.
const ARTICLE = [
	'Pasar pagi ramai lagi',
	'Setelah hujan reda, pedagang sayur kembali berjualan di pasar desa. Pembeli berdatangan sejak subuh. Harga cabai turun sedikit dibanding pekan lalu.',
	'Kepala pasar mengatakan bahwa saluran air akan diperbaiki bulan depan agar banjir tidak terulang. Warga menyambut baik rencana itu.',
	'Seorang pedagang, Bu Sari, berharap pemerintah juga memperbaiki jalan menuju pasar yang rusak parah.'
].join('\n');

const TRANSLATION = [
	'The morning market is busy again',
	'After the rain stopped, vegetable sellers were back selling at the village market. Buyers came from dawn onwards. The price of chillies fell slightly compared with last week.',
	'The head of the market said that the drains will be repaired next month so that the flooding does not happen again. Residents welcomed the plan.',
	'One trader, Mrs Sari, hopes that the government will also repair the badly damaged road to the market.'
].join('\n');

const source: SourceSentence[] = splitSentences('pasar', ARTICLE);

describe('splitEnglish', () => {
	it.each([
		[
			'lines as paragraphs and sentences within them',
			'Title\nOne. Two!\n\nThree?',
			[
				['Title', 0],
				['One.', 1],
				['Two!', 1],
				['Three?', 2]
			]
		],
		[
			'English abbreviations kept inside their sentence',
			'Gen. Ali met Sen. Budi in Sept. The talks ended.',
			[['Gen. Ali met Sen. Budi in Sept. The talks ended.', 0]]
		],
		[
			'an initial kept inside its sentence',
			'Susilo B. Yudhoyono spoke. He left.',
			[
				['Susilo B. Yudhoyono spoke.', 0],
				['He left.', 0]
			]
		],
		[
			'quotes closing a sentence',
			'"We are ready." The minister nodded.',
			[
				['"We are ready."', 0],
				['The minister nodded.', 0]
			]
		],
		[
			'blank and punctuation-only lines skipped',
			'One.\r\n---\r\n\r\nTwo.',
			[
				['One.', 0],
				['Two.', 1]
			]
		]
	])('splits %s', (_what, text, expected) => {
		expect(splitEnglish(text).map((s) => [s.text, s.paragraph])).toEqual(expected);
	});
});

describe('alignTranslation', () => {
	it('matches a translation with the same paragraphs and sentences one to one', () => {
		const alignment = alignTranslation(source, TRANSLATION);
		expect(alignment.paragraphs).toBe('matched');
		expect(alignment.sentences.map((s) => s.targets)).toEqual(source.map((_, i) => [i]));
		expect(alignment.sentences[2].translation).toBe('Buyers came from dawn onwards.');
		expect(alignment.confidence).toBeGreaterThan(0.8);
	});

	it('gives one English sentence to two Indonesian ones that it translates together (2-1)', () => {
		const merged = TRANSLATION.replace(
			'Buyers came from dawn onwards. The price',
			'Buyers came from dawn onwards, and the price'
		);
		const alignment = alignTranslation(source, merged);
		expect(alignment.sentences[2].targets).toEqual(alignment.sentences[3].targets);
		expect(alignment.sentences[2].translation).toBe(
			'Buyers came from dawn onwards, and the price of chillies fell slightly compared with last week.'
		);
		expect(alignment.sentences[1].targets).toEqual([1]);
		expect(alignment.sentences[4].translation).toMatch(/^The head of the market/);
	});

	it('gives two English sentences to one Indonesian sentence that they split (1-2)', () => {
		const split = TRANSLATION.replace(
			'will be repaired next month so that',
			'will be repaired next month. That way'
		);
		const alignment = alignTranslation(source, split);
		expect(alignment.sentences[4].targets).toHaveLength(2);
		expect(alignment.sentences[4].translation).toContain('That way the flooding');
		expect(alignment.sentences[5].translation).toBe('Residents welcomed the plan.');
	});

	it("lets a short sentence the translation skipped share its neighbour's translation, trusted less", () => {
		// Gale-Church prefers a 2-1 match to a 1-0 one (priors 0.089 and 0.0099): the skipped
		// sentence then shows the English of the pair it is part of.
		const skipped = TRANSLATION.replace(' Buyers came from dawn onwards.', '');
		const alignment = alignTranslation(source, skipped);
		expect(alignment.sentences[2].translation).toBe(alignment.sentences[1].translation);
		expect(alignment.sentences[1].translation).toMatch(/^After the rain/);
		expect(alignment.sentences[3].translation).toMatch(/^The price of chillies/);
		expect(alignment.sentences[2].confidence).toBeLessThan(0.8);
		expect(alignment.confidence).toBeLessThan(alignTranslation(source, TRANSLATION).confidence);
	});

	it('puts an English sentence the article does not have into a 1-2 match, trusted less, which moveBoundary can fix', () => {
		const extra = TRANSLATION.replace(
			'Residents welcomed the plan.',
			'Residents welcomed the plan. Several of them had complained for years.'
		);
		const alignment = alignTranslation(source, extra);
		// By length alone, the extra sentence looks like the translation of "Warga menyambut …".
		expect(alignment.sentences[4]).toMatchObject({ targets: [4, 5] });
		expect(alignment.sentences[4].confidence).toBeLessThan(0.8);
		expect(alignment.sentences[6].translation).toMatch(/^One trader/);
		const fixed = moveBoundary(alignment, 4, -1);
		expect(fixed.sentences[4].translation).toMatch(/^The head of the market .* happen again\.$/);
		expect(fixed.sentences[5].translation).toBe(
			'Residents welcomed the plan. Several of them had complained for years.'
		);
	});

	it('leaves sentences without translation when there is none (1-0)', () => {
		const sourceOnly: SourceSentence[] = [
			{ text: 'Pasar ramai.', paragraph: 0 },
			{ text: 'Pedagang sayur kembali berjualan.', paragraph: 1 }
		];
		const alignment = alignTranslation(sourceOnly, '');
		expect(alignment.sentences.map((s) => s.translation)).toEqual([undefined, undefined]);
		expect(alignment.sentences.every((s) => s.confidence <= 0.4)).toBe(true);
	});

	it('aligns paragraphs by length when the translation has a different number of them', () => {
		// The translator joined the last two paragraphs into one.
		const joined = TRANSLATION.replace(
			'happen again. Residents welcomed the plan.\nOne trader',
			'happen again. Residents welcomed the plan. One trader'
		);
		const alignment = alignTranslation(source, joined);
		expect(alignment.paragraphs).toBe('aligned');
		expect(alignment.sentences.map((s) => s.targets)).toEqual(source.map((_, i) => [i]));
	});

	it('aligns sentences throughout when the translation is one long paragraph', () => {
		const oneLine = TRANSLATION.replace(/\n/g, ' ').replace('is busy again', 'is busy again.');
		const alignment = alignTranslation(source, oneLine);
		expect(alignment.paragraphs).toBe('ignored');
		expect(alignment.sentences.map((s) => s.targets)).toEqual(source.map((_, i) => [i]));
	});

	it('gives no translations, and no confidence, for an empty translation', () => {
		const alignment = alignTranslation(source, '  \n ');
		expect(alignment.target).toEqual([]);
		expect(
			alignment.sentences.every((s) => s.translation === undefined && s.targets.length === 0)
		).toBe(true);
		expect(alignment.confidence).toBeLessThan(0.5);
	});

	it('returns an empty alignment for an empty article', () => {
		expect(alignTranslation([], 'One. Two.')).toMatchObject({
			sentences: [],
			target: ['One.', 'Two.'],
			confidence: 0
		});
	});

	it('trusts a pair of very different lengths less than a pair of similar ones', () => {
		const odd = TRANSLATION.replace(
			'Buyers came from dawn onwards.',
			'Buyers, many of them from the neighbouring villages and some from the town across the river, came from dawn onwards.'
		);
		const alignment = alignTranslation(source, odd);
		expect(alignment.sentences[2].targets).toEqual([2]);
		expect(alignment.sentences[2].confidence).toBeLessThan(alignment.sentences[1].confidence);
	});

	it('lets shared numbers overrule lengths that mislead', () => {
		const years: SourceSentence[] = [
			{ text: 'Pada 1998, harga naik.', paragraph: 0 },
			{ text: 'Pada 2008, pabrik tutup.', paragraph: 0 },
			{
				text: 'Kini kota itu sudah pulih kembali seperti dahulu dan warganya bekerja lagi di pabrik-pabrik baru.',
				paragraph: 0
			}
		];
		// The translator expanded the first sentence and shortened the last: by length alone, the
		// first two Indonesian sentences would share the first English one.
		const english =
			'In 1998, during the great financial crisis that shook the whole region and the country, prices rose sharply. In 2008 the factories closed. Now the town has recovered.';
		expect(alignTranslation(years, english).sentences.map((s) => s.targets)).toEqual([
			[0],
			[1],
			[2]
		]);
		const byLength = galeChurch(
			years.map((y) => y.text.replace(/\s+/g, '').length),
			splitEnglish(english).map((e) => e.text.replace(/\s+/g, '').length)
		);
		expect(byLength.map((b) => b.source)).toEqual([
			[0, 2],
			[2, 3]
		]);
	});

	it('aligns 3,000 sentences against a translation in one paragraph within seconds', () => {
		const many: SourceSentence[] = Array.from({ length: 3000 }, (_, i) => ({
			text: 'Kalimat nomor satu dua tiga. '.slice(0, 10 + (i % 17) * 3),
			paragraph: i % 2
		}));
		const english = many
			.map((s) => 'x'.repeat(s.text.length) + '.')
			.map((w, i) => `W${i} ${w}`)
			.join(' ');
		const start = performance.now();
		const alignment = alignTranslation(many, english);
		expect(alignment.sentences).toHaveLength(3000);
		expect(performance.now() - start).toBeLessThan(10_000);
	});
});

describe('anchors', () => {
	it.each([
		['numbers with either separator', 'Harga 1.500 dan 2,5 persen.', ['#1500', '#25']],
		['the same numbers in English', 'Prices of 1,500 and 2.5 percent.', ['#1500', '#25']],
		[
			'names after the first word',
			'Kemarin pagi Bu Sari pergi ke pasar di Bogor.',
			['sari', 'bogor']
		],
		['no names in a title-case headline', 'Pasar Pagi Ramai Lagi di Bogor', []],
		['nothing in a plain sentence', 'Pembeli berdatangan sejak subuh.', []]
	])('finds %s', (_what, text, expected) => {
		expect(anchors(text)).toEqual(expected);
	});
});

describe('galeChurch', () => {
	it.each([
		[
			'equal lengths one to one',
			[10, 20, 30],
			[11, 19, 31],
			[
				[
					[0, 1],
					[0, 1]
				],
				[
					[1, 2],
					[1, 2]
				],
				[
					[2, 3],
					[2, 3]
				]
			]
		],
		[
			'a long source sentence split in two (1-2)',
			[40, 20],
			[19, 21, 20],
			[
				[
					[0, 1],
					[0, 2]
				],
				[
					[1, 2],
					[2, 3]
				]
			]
		],
		[
			'two short source sentences joined (2-1)',
			[15, 15, 30],
			[30, 30],
			[
				[
					[0, 2],
					[0, 1]
				],
				[
					[2, 3],
					[1, 2]
				]
			]
		],
		[
			'nothing on the target side (1-0)',
			[10, 10],
			[],
			[
				[
					[0, 1],
					[0, 0]
				],
				[
					[1, 2],
					[0, 0]
				]
			]
		],
		[
			'nothing on the source side (0-1)',
			[],
			[12],
			[
				[
					[0, 0],
					[0, 1]
				]
			]
		]
	])('finds %s', (_what, s, t, expected) => {
		expect(galeChurch(s, t).map((b) => [b.source, b.target])).toEqual(expected);
	});

	it('adds the extra cost it is given to beads with sentences on both sides', () => {
		// Without it, [10, 10] against [20] is a 2-1 match; a high cost on that bead forbids it.
		expect(galeChurch([10, 10], [20]).map((b) => b.source)).toEqual([[0, 2]]);
		const forbidTwoToOne = (s: [number, number]) => (s[1] - s[0] === 2 ? 100 : 0);
		expect(
			galeChurch([10, 10], [20], undefined, forbidTwoToOne).map((b) => [b.source, b.target])
		).toHaveLength(2);
	});

	it('returns no beads for two empty sequences', () => {
		expect(galeChurch([], [])).toEqual([]);
	});

	it('keeps to a band on long inputs and still ends at the corner', () => {
		const s = Array.from({ length: 4000 }, (_, i) => 20 + (i % 13));
		const t = s.map((x) => x + 1);
		const beads = galeChurch(s, t);
		expect(beads).toHaveLength(4000);
		expect(
			beads.every((b) => b.source[1] - b.source[0] === 1 && b.target[1] - b.target[0] === 1)
		).toBe(true);
	});
});

describe('moveBoundary and reassign', () => {
	const base = alignTranslation(source, TRANSLATION);

	it('moves the next English sentence into a sentence (+1)', () => {
		const moved = moveBoundary(base, 1, 1);
		expect(moved.sentences[1].targets).toEqual([1, 2]);
		expect(moved.sentences[2].targets).toEqual([]);
		expect(moved.sentences[2].translation).toBeUndefined();
		expect(moved.sentences[1]).toMatchObject({ fixed: true, confidence: 1 });
	});

	it("gives a sentence's last English sentence to the next one (-1)", () => {
		const moved = moveBoundary(moveBoundary(base, 1, 1), 1, -1);
		expect(moved.sentences[1].targets).toEqual([1]);
		expect(moved.sentences[2].targets).toEqual([2]);
		expect(moved.sentences[2]).toMatchObject({
			translation: 'Buyers came from dawn onwards.',
			fixed: true
		});
	});

	it('leaves the alignment as it was when there is nothing to move', () => {
		const last = base.sentences.length - 1;
		expect(moveBoundary(base, last, 1)).toBe(base);
		expect(moveBoundary(reassign(base, 0, []), 0, -1).sentences[0].targets).toEqual([]);
		expect(moveBoundary(base, 99, 1)).toBe(base);
	});

	it('gives a sentence the English sentences chosen, taking them from others', () => {
		const fixed = reassign(base, 2, [3, 2, 3, 99]);
		expect(fixed.sentences[2]).toMatchObject({
			targets: [2, 3],
			translation:
				'Buyers came from dawn onwards. The price of chillies fell slightly compared with last week.',
			fixed: true,
			confidence: 1
		});
		expect(fixed.sentences[3].targets).toEqual([]);
		expect(fixed.sentences[1].targets).toEqual([1]);
	});

	it('never changes the alignment it is given', () => {
		const before = JSON.stringify(base);
		moveBoundary(base, 1, 1);
		moveBoundary(base, 1, -1);
		reassign(base, 0, [5]);
		expect(JSON.stringify(base)).toBe(before);
	});
});
