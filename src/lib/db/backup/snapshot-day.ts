// Names a day's automatic snapshot; apart from the snapshot code, which pages load only when one is due.

/** The id of `now`'s snapshot: the learner's local date, 2026-11-27. */
export function snapshotDay(now: Date): string {
	return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
