// Words the learner marks in the reader: known or ignored, across every article, with undo.

import { queueOf, type KartuDB } from './schema';
import { type StoredCard, type WordMark } from './rows';
import { changeKey, logChanges } from './changes';

/** What marking a word changed, so that `undoMark` can put it back. */
export interface MarkUndo {
	headword: string;
	previous: WordMark | undefined;
}

/**
 * Marks a headword known or ignored (or clears the mark with `undefined`): the mark is stored and
 * every card of that headword, in every article, leaves or rejoins the queue, in one transaction;
 * the change is logged for sync (db/changes.ts) unless `log` is false (a change received).
 */
export async function markWord(
	db: KartuDB,
	headword: string,
	mark: WordMark | undefined,
	now = new Date(),
	log = true
): Promise<MarkUndo> {
	return db.transaction('rw', db.words, db.cards, db.changes, async () => {
		const previous = (await db.words.get(headword))?.mark;
		if (mark) await db.words.put({ headword, mark, time: now });
		else await db.words.delete(headword);
		if (log && previous !== mark)
			await logChanges(db, [{ key: changeKey.word(headword), value: mark ?? null, time: now }]);
		const cards = await db.cards.where('content.headword').equals(headword).toArray();
		await db.cards.bulkPut(cards.map((c) => withMark(c, mark)));
		return { headword, previous };
	});
}

/** Puts a word's mark back as it was before `markWord`. */
export function undoMark(db: KartuDB, undo: MarkUndo): Promise<MarkUndo> {
	return markWord(db, undo.headword, undo.previous);
}

function withMark(c: StoredCard, mark: WordMark | undefined): StoredCard {
	const next: StoredCard = { ...c };
	if (mark) next.mark = mark;
	else delete next.mark;
	next.queue = queueOf(next);
	return next;
}

/**
 * "Review now": brings a word forward without touching its memory state: a card already studied
 * becomes due now, a new word's vocabulary card goes to the front of the new cards.
 * Returns the id of the card brought forward, if any.
 */
export async function reviewNow(
	db: KartuDB,
	headword: string,
	now = new Date()
): Promise<string | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const cards = (await db.cards.where('content.headword').equals(headword).toArray()).filter(
			(c) => c.queue >= 0
		);
		const studied = cards
			.filter((c) => c.fsrs.reps > 0)
			.sort((a, b) => a.fsrs.due.getTime() - b.fsrs.due.getTime());
		if (studied.length) {
			const c = studied[0];
			await db.cards.put({ ...c, fsrs: { ...c.fsrs, due: now } });
			return c.id;
		}
		const first = cards.sort((a, b) => a.position - b.position)[0];
		if (!first) return undefined;
		// Negative positions come before every article's; the latest request comes first.
		await db.cards.put({ ...first, position: -Math.floor(now.getTime() / 1000) });
		return first.id;
	});
}

/** The stored cards of each of `headwords` (the reader's words), by headword. */
export async function cardsByHeadword(
	db: KartuDB,
	headwords: string[]
): Promise<Map<string, StoredCard[]>> {
	const byHeadword = new Map<string, StoredCard[]>();
	for (const c of await db.cards.where('content.headword').anyOf(headwords).toArray()) {
		byHeadword.set(c.content.headword, [...(byHeadword.get(c.content.headword) ?? []), c]);
	}
	return byHeadword;
}
