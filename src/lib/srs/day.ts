/**
 * "Today" in the learner's local time: a day runs from `dayStartHour` (e.g.
 * 04:00) to the same hour the next calendar day, so a late-night session
 * still counts as the evening's. Local calendar arithmetic keeps it right
 * across DST changes (a day may be 23 or 25 hours long).
 */
export function startOfDay(now: number, dayStartHour: number): number {
	const d = new Date(now);
	let start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartHour);
	if (start.getTime() > now) {
		start = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, dayStartHour);
	}
	return start.getTime();
}

/** When the learner's next day starts, epoch ms. */
export function nextDayStart(now: number, dayStartHour: number): number {
	const s = new Date(startOfDay(now, dayStartHour));
	return new Date(s.getFullYear(), s.getMonth(), s.getDate() + 1, dayStartHour).getTime();
}
