import { describe, expect, it } from 'vitest';
import { contextAt, contextOf, shownContent } from './contexts';
import { readArticle } from '../../../scripts/content-node';

const { deck } = readArticle('azerbaijan-iran');
const cloze = deck.cards.find((c) => c.id === 'hubungan/cloze')!;

describe('contextAt', () => {
	it('takes turns between sentences the card started with', () => {
		const two = [{ from: 0 }, { from: 0 }];
		expect([0, 1, 2, 3, 4].map((r) => contextAt(two, r))).toEqual([0, 1, 0, 1, 0]);
		const three = [{ from: 0 }, { from: 0 }, { from: 0 }];
		expect([0, 1, 2, 3, 4, 5].map((r) => contextAt(three, r))).toEqual([0, 1, 2, 0, 1, 2]);
	});

	it('shows a sentence not seen yet first, then the one seen least lately', () => {
		// Reviews 0-4 saw only the first sentence; the second joined at review 5.
		const joined = [{ from: 0 }, { from: 5 }];
		expect([3, 4, 5, 6, 7].map((r) => contextAt(joined, r))).toEqual([0, 0, 1, 0, 1]);
		// Two sentences in turn, then a third: it comes next, then the one seen longest ago.
		const third = [{ from: 0 }, { from: 0 }, { from: 4 }];
		expect([3, 4, 5, 6].map((r) => contextAt(third, r))).toEqual([1, 2, 0, 1]);
	});

	it('gives the only sentence, or the first, whatever the count', () => {
		expect(contextAt([{ from: 0 }], 9)).toBe(0);
		expect(contextAt([], 3)).toBe(0);
		// A card whose first article was removed: the sentences left joined later.
		expect(contextAt([{ from: 2 }, { from: 4 }], 0)).toBe(0);
		expect(contextAt([{ from: 2 }, { from: 4 }], 4)).toBe(1);
	});
});

describe('shownContent', () => {
	it('shows a cloze card with the sentence contextAt picks, its blanks and answer with it', () => {
		const other = {
			...contextOf(cloze),
			article: 'kunjungan-baku',
			sentenceId: 'kunjungan-baku#x',
			sentence: 'Hubungan dagang juga berkembang dengan cepat.',
			translation: '',
			spans: [{ start: 0, end: 8 }],
			answer: 'Hubungan'
		};
		const card = { ...cloze, contexts: [contextOf(cloze), other] };
		expect(shownContent(card, 0)).toEqual(card);
		const shown = shownContent(card, 1);
		expect(shown).toMatchObject({
			id: 'hubungan/cloze',
			article: 'kunjungan-baku',
			sentence: other.sentence,
			spans: other.spans,
			answer: 'Hubungan',
			gloss: cloze.gloss
		});
	});

	it('leaves a card with one sentence as it is', () => {
		expect(shownContent(cloze, 3)).toBe(cloze);
		const one = { ...cloze, contexts: [contextOf(cloze)] };
		expect(shownContent(one, 3)).toBe(one);
	});
});
