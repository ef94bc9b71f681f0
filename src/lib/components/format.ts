// Dates as the learner reads them, in their own locale and time zone.

const dueFormat = new Intl.DateTimeFormat(undefined, {
	year: 'numeric',
	month: 'short',
	day: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});
const soonFormat = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	hour: '2-digit',
	minute: '2-digit'
});

/** A due date with day and time: "3 Mar 2026, 10:10". */
export function formatDue(d: Date): string {
	return dueFormat.format(d.getTime());
}

/** A time within the coming days: "Tue 10:10". */
export function formatSoon(d: Date): string {
	return soonFormat.format(d.getTime());
}
