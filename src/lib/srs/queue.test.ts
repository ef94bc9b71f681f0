import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import {
	answer,
	LEARN_AHEAD_MS,
	pickNext,
	queueCounts,
	studyDay,
	undo,
	type Queue,
	type QueueCard
} from './queue';

const now = new Date(2026, 2, 2, 9, 0).getTime();
const min = 60_000;

function card(id: string, state: State, due: number, position = 0): QueueCard {
	return { id, sibling: id.split(':')[0], state, due, position };
}

function queue(parts: Partial<Queue>): Queue {
	return {
		learning: [],
		review: [],
		fresh: [],
		newLeft: 20,
		reviewsLeft: 200,
		answered: new Map(),
		day: studyDay(new Date(now), 4),
		...parts
	};
}

describe('studyDay', () => {
	it('starts at 4 a.m. local time, so 3 a.m. still belongs to the day before', () => {
		const d = studyDay(new Date(2026, 2, 2, 3, 0), 4);
		expect(new Date(d.start)).toEqual(new Date(2026, 2, 1, 4, 0));
		expect(new Date(d.end)).toEqual(new Date(2026, 2, 2, 4, 0));
		expect(studyDay(new Date(2026, 2, 2, 4, 0), 4).start).toBe(
			new Date(2026, 2, 2, 4, 0).getTime()
		);
	});
});

describe('pickNext', () => {
	it('shows due learning cards, then due reviews, then new cards in order', () => {
		const q = queue({
			learning: [
				card('a:v', State.Learning, now - min),
				card('b:v', State.Learning, now + 5 * min)
			],
			review: [card('c:v', State.Review, now - 86_400_000)],
			fresh: [card('d:v', State.New, 0, 1), card('e:v', State.New, 0, 2)]
		});
		const seen: string[] = [];
		for (let c = pickNext(q, now); c; c = pickNext(q, now)) {
			seen.push(c.id);
			answer(q, c, { state: State.Review, due: now + 3 * 86_400_000 });
		}
		// b:v is due in 5 minutes: within the 20-minute learn-ahead window once nothing else is left
		expect(seen).toEqual(['a:v', 'c:v', 'd:v', 'e:v', 'b:v']);
	});

	it('never shows both cards of a headword on the same day', () => {
		const q = queue({
			fresh: [
				card('tekan:vocab', State.New, 0, 0),
				card('tekan:cloze', State.New, 0, 1),
				card('luas:vocab', State.New, 0, 2)
			]
		});
		const first = pickNext(q, now)!;
		expect(first.id).toBe('tekan:vocab');
		answer(q, first, { state: State.Learning, due: now + 10 * min });
		expect(pickNext(q, now)?.id).toBe('luas:vocab');
		expect(queueCounts(q, now)).toEqual({ new: 1, learning: 1, review: 0 });
		expect(queueCounts(q, now - 30 * min)).toEqual({ new: 1, learning: 0, review: 0 });
	});

	it('respects the daily new-card limit', () => {
		const q = queue({
			newLeft: 1,
			fresh: [card('a:v', State.New, 0, 0), card('b:v', State.New, 0, 1)]
		});
		answer(q, pickNext(q, now)!, { state: State.Review, due: now + 86_400_000 * 3 });
		expect(pickNext(q, now)).toBeUndefined();
	});

	it('waits for a learning card due beyond the learn-ahead window', () => {
		const q = queue({ learning: [card('a:v', State.Learning, now + LEARN_AHEAD_MS + min)] });
		expect(pickNext(q, now)).toBeUndefined();
		expect(pickNext(q, now + 2 * min)?.id).toBe('a:v');
	});
});

describe('undo', () => {
	it('puts the queue back exactly as it was', () => {
		const q = queue({
			fresh: [
				card('a:v', State.New, 0, 0),
				card('a:c', State.New, 0, 1),
				card('b:v', State.New, 0, 2)
			]
		});
		const before = structuredClone(q);
		const c = pickNext(q, now)!;
		const record = answer(q, c, { state: State.Learning, due: now + min });
		expect(q.learning).toHaveLength(1);
		undo(q, record);
		expect(q).toEqual(before);
	});
});

describe('the daily maximum of reviews', () => {
	it('shows and counts no more reviews than the maximum allows, and undo gives one back', () => {
		const q = queue({
			review: [
				card('a', State.Review, now - min),
				card('b', State.Review, now - min),
				card('c', State.Review, now)
			],
			reviewsLeft: 2
		});
		expect(queueCounts(q, now).review).toBe(2);
		const first = pickNext(q, now)!;
		const record = answer(q, first, { state: State.Review, due: now + 86_400_000 });
		expect(queueCounts(q, now).review).toBe(1);
		answer(q, pickNext(q, now)!, { state: State.Review, due: now + 86_400_000 });
		expect(pickNext(q, now)).toBeUndefined();
		expect(queueCounts(q, now).review).toBe(0);
		expect(q.review.map((c) => c.id)).toEqual(['c']);
		undo(q, record); // the first answer's undo, once the other is undone too, restores the count
		expect(q.reviewsLeft).toBe(1);
	});
});
