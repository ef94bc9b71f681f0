import { describe, expect, it } from 'vitest';
import { newCard, Rating, Scheduler, type Card, type Grade } from '../srs/schedule';
import { DEFAULT_SETTINGS } from '../srs/settings';
import { byTime, replayCard, sameState, serverProblem, type ReplayReview } from './merge';

const scheduler = new Scheduler({ ...DEFAULT_SETTINGS, enableFuzz: false });
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** One device answering a card in turn: its review rows, as answers.ts writes them. */
function device(name: string, start: Card, answers: [Grade, Date][]): ReplayReview[] {
	let card = start;
	return answers.map(([grade, time], i) => {
		const after = scheduler.answer(card, grade, time);
		const r = {
			id: `${time.getTime().toString(36)}-${name}${i}`,
			grade,
			time,
			before: card,
			after
		};
		card = after;
		return r;
	});
}

describe('replayCard', () => {
	it('keeps a single device’s history exactly as it was computed', () => {
		const a = device('a', newCard(t0), [
			[Rating.Good, at(0)],
			[Rating.Good, at(10)],
			[Rating.Again, at(3 * 1440)]
		]);
		expect(sameState(replayCard(a, scheduler)!, a[2].after)).toBe(true);
	});

	it('gives the same state whatever order the two devices’ answers arrive in', () => {
		const a = device('a', newCard(t0), [
			[Rating.Good, at(0)],
			[Rating.Good, at(10)]
		]);
		const b = device('b', newCard(t0), [
			[Rating.Again, at(5)],
			[Rating.Easy, at(20)]
		]);
		const one = replayCard([...a, ...b], scheduler)!;
		const two = replayCard([...b].reverse().concat(a), scheduler)!;
		expect(sameState(one, two)).toBe(true);
		expect(one.reps).toBe(4);
		// What one device would have computed, given all four answers in time order.
		const serial = [...a, ...b]
			.sort(byTime)
			.reduce<Card>((c, r) => scheduler.answer(c, r.grade, r.time), newCard(t0));
		expect(sameState(one, serial)).toBe(true);
	});

	it('lets practice answers move nothing', () => {
		const a = device('a', newCard(t0), [[Rating.Good, at(0)]]);
		const practice: ReplayReview = {
			id: 'p',
			grade: Rating.Again,
			time: at(1),
			before: a[0].after,
			after: a[0].after,
			practice: true
		};
		expect(sameState(replayCard([...a, practice], scheduler)!, a[0].after)).toBe(true);
		expect(replayCard([practice], scheduler)).toBeUndefined();
	});

	it('orders answers of the same instant by id', () => {
		const x = { id: 'b', time: t0 };
		const y = { id: 'a', time: t0 };
		expect([x, y].sort(byTime).map((r) => r.id)).toEqual(['a', 'b']);
	});
});

describe('replayCard with undone answers', () => {
	it('starts from the state before the earliest answer ever given, so an undone first answer leaves none of it', () => {
		const a = device('a', newCard(t0), [[Rating.Good, at(0)]]);
		// b received a's answer and answered from the state it left.
		const b = device('b', a[0].after, [[Rating.Easy, at(30)]]);
		const undone = [{ id: a[0].id, time: a[0].time, before: a[0].before }];
		const state = replayCard(b, scheduler, undone)!;
		expect(sameState(state, scheduler.answer(newCard(t0), Rating.Easy, at(30)))).toBe(true);
		expect(state.reps).toBe(1);
		// Undone alone: the card as it was before it.
		expect(sameState(replayCard([], scheduler, undone)!, newCard(t0))).toBe(true);
		// A practice answer undone says nothing of where the history starts.
		expect(replayCard([], scheduler, [{ ...undone[0], practice: true }])).toBeUndefined();
	});
});

describe('serverProblem', () => {
	it('allows HTTPS, and HTTP only to this computer', () => {
		expect(serverProblem('https://couch.example.org/kartu-ana')).toBeUndefined();
		expect(serverProblem('http://127.0.0.1:5984/kartu')).toBeUndefined();
		expect(serverProblem('http://localhost:5984/kartu/')).toBeUndefined();
		expect(serverProblem('http://couch.example.org/kartu')).toMatch(/https/);
		expect(serverProblem('https://ana:pw@couch.example.org/kartu')).toMatch(/own fields/);
		expect(serverProblem('https://couch.example.org/')).toMatch(/database name/);
		expect(serverProblem('couch')).toMatch(/not a web address/);
	});
});
