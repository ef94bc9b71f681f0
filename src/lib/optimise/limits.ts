// How much history the optimiser needs, apart from its code so that the settings page can say so
// without loading it.

/** Reviews FSRS can learn from needed before optimising (Anki asks for a few hundred). */
export const MIN_REVIEWS = 400;
/** Study days the history must span at least. */
export const MIN_DAYS = 7;
