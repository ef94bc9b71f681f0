import { describe, expect, it } from 'vitest';
import {
	cardHistories,
	fsrsItems,
	optimiserInput,
	splitByTime,
	studyDayNumber,
	type ReviewRecord
} from './fsrs-items';

const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;

/** An answer to `cardId` at a local time (month 0-based, as Date takes it). */
function at(
	cardId: string,
	grade: number,
	before: number,
	[month, day, hour, minute = 0]: number[],
	practice = false
): ReviewRecord {
	return {
		cardId,
		grade,
		time: new Date(2026, month, day, hour, minute),
		before: { state: before },
		...(practice ? { practice } : {})
	};
}

describe('study days', () => {
	it('start at the learner’s hour: 23:00 and 3:59 the next morning are one day, 3:59 and 4:00 are two', () => {
		const evening = studyDayNumber(new Date(2026, 2, 2, 23, 0), 4);
		expect(studyDayNumber(new Date(2026, 2, 3, 3, 59), 4)).toBe(evening);
		expect(studyDayNumber(new Date(2026, 2, 3, 4, 0), 4)).toBe(evening + 1);
		// With the day starting at midnight, the same two answers are a day apart.
		expect(studyDayNumber(new Date(2026, 2, 3, 3, 59), 0)).toBe(
			studyDayNumber(new Date(2026, 2, 2, 23, 0), 0) + 1
		);
	});

	it('count calendar days, so a change of daylight saving time never makes a day of 23 or 25 hours count twice', () => {
		const days = [...Array(400).keys()].map((d) => studyDayNumber(new Date(2026, 0, 1 + d, 9), 4));
		expect(days.every((n, i) => i === 0 || n === days[i - 1] + 1)).toBe(true);
	});
});

describe('cardHistories', () => {
	it('gives each card its grades and the study days between them, the day starting at 4 a.m.', () => {
		const [h] = cardHistories(
			[
				at('kata/vocab', 3, REVIEW, [2, 5, 22]), // Thursday 22:00
				at('kata/vocab', 3, NEW, [2, 2, 9]), // Monday 9:00, first seen
				at('kata/vocab', 3, REVIEW, [2, 6, 2]), // Friday 2:00: still Thursday's study day
				at('kata/vocab', 2, REVIEW, [2, 6, 4]) // Friday 4:00: a new study day
			],
			4
		);
		expect(h.cardId).toBe('kata/vocab');
		expect(h.ratings).toEqual([3, 3, 3, 2]);
		expect(h.deltaTs).toEqual([0, 3, 0, 1]);
		expect(h.times[0]).toBe(new Date(2026, 2, 2, 9).getTime());
	});

	it('keeps the answers of the same day after a failure in the sequence, but predicts only answers on a later day', () => {
		const reviews = [
			at('c', 1, NEW, [2, 2, 9, 0]), // Again, first seen
			at('c', 3, LEARNING, [2, 2, 9, 1]), // learning steps, the same day
			at('c', 3, LEARNING, [2, 2, 9, 11]),
			at('c', 1, REVIEW, [2, 4, 10, 0]), // a lapse two days later: predicted
			at('c', 3, RELEARNING, [2, 4, 10, 10]), // its relearning step, the same day: not predicted
			at('c', 3, REVIEW, [2, 5, 10, 0]) // the next day: predicted
		];
		const histories = cardHistories(reviews, 4);
		expect(histories[0].ratings).toEqual([1, 3, 3, 1, 3, 3]);
		expect(histories[0].deltaTs).toEqual([0, 0, 0, 2, 0, 1]);
		const items = fsrsItems(histories);
		expect(items.map((i) => i.index)).toEqual([3, 5]);
		// The items as fsrs-rs takes them: each the card's reviews up to the one predicted.
		const input = optimiserInput(histories, items);
		expect([...input.lengths]).toEqual([4, 6]);
		expect([...input.ratings]).toEqual([1, 3, 3, 1, 1, 3, 3, 1, 3, 3]);
		expect([...input.deltaTs]).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 0, 1]);
	});

	it('leaves out practice answers (the schedule did not change) and the cards it is told to (retired ones)', () => {
		const reviews = [
			at('a', 3, NEW, [2, 2, 9]),
			at('a', 1, REVIEW, [2, 3, 9], true), // practice: left out
			at('a', 3, REVIEW, [2, 5, 9]),
			at('gone', 3, NEW, [2, 2, 9]),
			at('gone', 3, REVIEW, [2, 5, 9])
		];
		const histories = cardHistories(reviews, 4, (id) => id === 'gone');
		expect(histories.map((h) => h.cardId)).toEqual(['a']);
		expect(histories[0].ratings).toEqual([3, 3]);
		expect(histories[0].deltaTs).toEqual([0, 3]);
	});

	it('starts a card reset to new from its new first answer, and leaves out a card whose first answer is missing', () => {
		const histories = cardHistories(
			[
				at('reset', 3, NEW, [2, 2, 9]),
				at('reset', 1, REVIEW, [2, 9, 9]),
				at('reset', 4, NEW, [2, 10, 9]), // reset to new, then learnt again
				at('reset', 3, REVIEW, [2, 14, 9]),
				at('imported', 3, REVIEW, [2, 3, 9]), // its history starts in review
				at('imported', 3, REVIEW, [2, 9, 9])
			],
			4
		);
		expect(histories).toHaveLength(1);
		expect(histories[0].ratings).toEqual([4, 3]);
		expect(histories[0].deltaTs).toEqual([0, 4]);
	});
});

describe('fsrsItems and splitByTime', () => {
	it('orders the reviews to predict by time across cards, and holds out the latest', () => {
		const histories = cardHistories(
			[
				at('a', 3, NEW, [2, 2, 9]),
				at('b', 3, NEW, [2, 2, 10]),
				at('a', 3, REVIEW, [2, 4, 9]),
				at('b', 3, REVIEW, [2, 3, 9]),
				at('b', 3, REVIEW, [2, 8, 9]),
				at('a', 3, REVIEW, [2, 12, 9])
			],
			4
		);
		const items = fsrsItems(histories);
		const when = (i: { time: number }) => new Date(i.time).getDate();
		expect(items.map(when)).toEqual([3, 4, 8, 12]);
		const { train, test } = splitByTime(items, 0.75);
		expect(train.map(when)).toEqual([3, 4, 8]);
		expect(test.map(when)).toEqual([12]);
	});
});
