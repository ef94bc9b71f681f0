// Today's answers, kept small: every write to the reviews table also files the answer (review id,
// card id, the card's state before it, practice or not, time) in a row for its hour. What today's
// queue needs of today's answers (`dayLeft`) is then a couple of dozen rows to read, not hundreds
// of full reviews with two FSRS states each: reading those was most of the home page's wait.
//
// Kept by every write through derived-store.ts, like queue-counts.ts. Only answers from the last
// ANSWER_HOURS_KEPT hours (before the clock at the write, or before the latest answer filed) are
// filed, and older hours are dropped at each write: a reader asks for today only, and everything it
// needs is filed (an answer of today is less than a day old whenever it is written). The schema
// upgrade that adds the store files the answers of the last ANSWER_HOURS_KEPT hours.

import { STORE } from '../names';
import { ANSWER_HOURS_KEPT, HOUR_MS } from '../queues';
import type { AnswerEntry, AnswerHour, StoredReview } from '../rows';
import { ANY, derivedStore, RANGE } from './derived-store';

/** The entry filed for a review. */
export function answerEntry(
	r: Pick<StoredReview, 'id' | 'cardId' | 'before' | 'practice' | 'time'>
): AnswerEntry {
	return [r.id, r.cardId, r.before.state, r.practice ? 1 : 0, r.time.getTime()];
}

/**
 * The oldest hour kept when writing at `now` with `newest` the latest hour filed: ANSWER_HOURS_KEPT
 * before either (the latest answer's, so that answers given at a clock's simulated or mistaken time
 * are kept as well as those of the real one).
 */
export const keptFrom = (now: number, newest: number) =>
	Math.min(Math.floor(now / HOUR_MS), newest) - ANSWER_HOURS_KEPT;

const hourOf = (time: number) => Math.floor(time / HOUR_MS);

export const answerHoursMiddleware = derivedStore<StoredReview>({
	name: 'AnswerHours',
	source: STORE.reviews,
	store: STORE.answerHours,
	async update({ trans, store }, change) {
		const added = change.added.map(answerEntry);
		const removed = change.removed.map((r) => ({ id: r.id, time: r.time.getTime() }));
		if (change.cleared)
			await store.mutate({ type: 'deleteRange', trans, range: { type: ANY } as never });
		const [newest] = (
			await store.query({
				trans,
				query: { index: store.schema.primaryKey, range: { type: ANY } as never },
				limit: 1,
				direction: 'prev'
			})
		).result as number[];
		const from = keptFrom(
			Date.now(),
			Math.max(newest ?? -Infinity, ...added.map((e) => hourOf(e[4])))
		);
		const byHour = new Map<number, { add: AnswerEntry[]; remove: Set<string> }>();
		const at = (h: number) =>
			byHour.get(h) ?? byHour.set(h, { add: [], remove: new Set() }).get(h)!;
		for (const e of added) if (hourOf(e[4]) >= from) at(hourOf(e[4])).add.push(e);
		for (const r of removed) if (hourOf(r.time) >= from) at(hourOf(r.time)).remove.add(r.id);
		if (byHour.size) {
			const keys = [...byHour.keys()];
			const rows = (await store.getMany({ trans, keys })) as (AnswerHour | undefined)[];
			const values = keys.map((h, i) => {
				const { add, remove } = byHour.get(h)!;
				const ids = new Set(add.map((e) => e[0]));
				const kept = (rows[i]?.a ?? []).filter((e) => !remove.has(e[0]) && !ids.has(e[0]));
				return { h, a: [...kept, ...add] } satisfies AnswerHour;
			});
			await store.mutate({ type: 'put', trans, values });
		}
		// Hours too old to be anyone's today (none when the store is empty).
		if (Number.isFinite(from)) {
			const range = {
				type: RANGE,
				lower: -Infinity,
				lowerOpen: false,
				upper: from,
				upperOpen: true
			};
			await store.mutate({ type: 'deleteRange', trans, range: range as never });
		}
	}
});
