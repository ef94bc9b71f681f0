// The queue numbers cards are indexed by, apart from the schema so that code without Dexie can use them.

/** Anki-style queue number: the FSRS state, or a negative number for cards out of the queue. */
export const QUEUE = { suspended: -1, retired: -2, known: -3, ignored: -4, new: 0, learning: 1, review: 2, relearning: 3 } as const;
