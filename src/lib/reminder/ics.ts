// A calendar file (RFC 5545) with one daily event: the reminder for browsers
// that cannot wake the app each day (no Periodic Background Sync).
import { parseTime } from './due';

export const SUMMARY = 'Review your Roadmap Recall cards';

/** Escapes a TEXT value: backslashes, semicolons, commas and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation
 * starts with a space, which counts. Octets, not characters, and never in
 * the middle of a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		if (size + n > 75) {
			parts.push(current);
			current = ' ';
			size = 1;
		}
		current += ch;
		size += n;
	}
	parts.push(current);
	return parts.join('\r\n');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC date-time, 20260310T081500Z. */
function utcStamp(t: number): string {
	const d = new Date(t);
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A floating local date-time, 20260310T090000: the same clock time wherever the learner is. */
function floatingStamp(d: Date): string {
	return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}00`;
}

/** The first reminder: today at `time` if that is still to come, else tomorrow. */
export function firstStart(now: number, time: string): Date {
	const t = parseTime(time);
	if (!t) throw new RangeError(`Not a time of day: ${time}`);
	const d = new Date(now);
	const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), t.h, t.m);
	return today.getTime() > now ? today : new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, t.h, t.m);
}

export interface ReminderIcsOptions {
	/** Local time of day, "HH:MM". */
	time: string;
	now: number;
	/** The app's origin, such as https://recall.example. */
	origin: string;
}

/** The calendar file, CRLF line endings, lines folded. */
export function reminderIcs({ time, now, origin }: ReminderIcsOptions): string {
	const url = `${origin}/review`;
	const host = new URL(origin).host;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Roadmap Recall//Daily reminder//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		// One UID per app address: importing the file again updates the event instead of adding a second one.
		`UID:daily-reminder@${host}`,
		`DTSTAMP:${utcStamp(now)}`,
		// Floating (no time zone): 09:00 stays 09:00 on the learner's clock when they travel or DST changes.
		`DTSTART:${floatingStamp(firstStart(now, time))}`,
		'DURATION:PT10M',
		'RRULE:FREQ=DAILY',
		`SUMMARY:${escapeText(SUMMARY)}`,
		`DESCRIPTION:${escapeText(`Time for today's cards, in Roadmap Recall: ${url}`)}`,
		`URL:${url}`,
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(SUMMARY)}`,
		'TRIGGER:PT0S',
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
