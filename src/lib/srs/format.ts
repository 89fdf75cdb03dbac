const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function trim(n: number): string {
	return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/** A short interval label for a rating button: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
export function formatInterval(ms: number): string {
	if (ms < MINUTE) return '<1m';
	if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
	if (ms < DAY) return `${trim(ms / HOUR)}h`;
	const days = ms / DAY;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${trim(days / 30.4375)}mo`;
	return `${trim(days / 365.25)}y`;
}

/** The same, spelled out for screen readers: "10 minutes", "4 days". */
export function describeInterval(ms: number): string {
	const short = formatInterval(ms);
	if (short === '<1m') return 'less than a minute';
	const m = /^([\d.]+)(m|h|d|mo|y)$/.exec(short);
	if (!m) return short;
	const n = Number(m[1]);
	const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[m[2] as 'm'];
	return `${m[1]} ${unit}${n === 1 ? '' : 's'}`;
}
