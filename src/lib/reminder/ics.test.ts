import { describe, expect, it } from 'vitest';
import { useTimeZone } from '$lib/srs/test-helpers';
import { escapeText, firstStart, foldLine, reminderIcs } from './ics';

useTimeZone('America/New_York');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space joins the lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('the calendar file', () => {
	// Made in each test: the time zone is set before the tests run, after this block is read.
	const now = () => local(2026, 3, 10, 8, 15);
	const file = () => reminderIcs({ time: '09:00', now: now(), origin: 'https://recall.example' });

	it('is one VCALENDAR with one daily VEVENT and its alarm', () => {
		const lines = unfold(file()).split('\r\n');
		expect(lines.at(-1)).toBe('');
		expect(lines.slice(0, -1)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Roadmap Recall//Daily reminder//EN',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'BEGIN:VEVENT',
			'UID:daily-reminder@recall.example',
			// 08:15 in New York is 12:15 UTC (daylight time since 8 March).
			'DTSTAMP:20260310T121500Z',
			'DTSTART:20260310T090000',
			'DURATION:PT10M',
			'RRULE:FREQ=DAILY',
			'SUMMARY:Review your Roadmap Recall cards',
			"DESCRIPTION:Time for today's cards\\, in Roadmap Recall: https://recall.example/review",
			'URL:https://recall.example/review',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			'DESCRIPTION:Review your Roadmap Recall cards',
			'TRIGGER:PT0S',
			'END:VALARM',
			'END:VEVENT',
			'END:VCALENDAR'
		]);
	});

	it('ends every line with CRLF and no line is longer than 75 octets', () => {
		const ics = file();
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
	});

	it('folds a long address and unfolds to the same text', () => {
		const origin = `https://${'a'.repeat(60)}.example`;
		const long = reminderIcs({ time: '09:00', now: now(), origin });
		for (const line of long.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
		expect(unfold(long)).toContain(`URL:${origin}/review\r\n`);
		expect(long).toContain('\r\n ');
	});
});

describe('text in the file', () => {
	it('escapes backslashes, semicolons, commas and line breaks', () => {
		expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
		// The backslash first: the escapes added after it are not doubled.
		expect(escapeText('\\,')).toBe('\\\\\\,');
	});

	it('folds at 75 octets with a space starting each continuation', () => {
		const line = `DESCRIPTION:${'x'.repeat(200)}`;
		const parts = foldLine(line).split('\r\n');
		// 212 octets: 75, then 1 + 74, then 1 + 63.
		expect(parts.map(octets)).toEqual([75, 75, 64]);
		expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
	});

	it('never splits a character', () => {
		const line = `SUMMARY:${'é'.repeat(60)}`;
		const parts = foldLine(line).split('\r\n');
		for (const p of parts) {
			expect(octets(p)).toBeLessThanOrEqual(75);
			expect(p).not.toContain('\uFFFD');
		}
		// 8 + 2 × 33 = 74 octets: the 34th é would make 76.
		expect(parts[0]).toBe(`SUMMARY:${'é'.repeat(33)}`);
		expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
	});

	it('leaves a short line alone', () => {
		expect(foldLine('RRULE:FREQ=DAILY')).toBe('RRULE:FREQ=DAILY');
	});
});

describe('the first reminder', () => {
	it('is today when the time is still to come, else tomorrow', () => {
		expect(firstStart(local(2026, 3, 10, 8, 59), '09:00').getTime()).toBe(local(2026, 3, 10, 9));
		expect(firstStart(local(2026, 3, 10, 9, 0), '09:00').getTime()).toBe(local(2026, 3, 11, 9));
		expect(firstStart(local(2026, 3, 10, 21), '09:00').getTime()).toBe(local(2026, 3, 11, 9));
	});

	it('rolls over the end of a month and a year', () => {
		const ics = reminderIcs({ time: '07:30', now: local(2026, 12, 31, 22), origin: 'http://localhost:4173' });
		expect(ics).toContain('\r\nDTSTART:20270101T073000\r\n');
		expect(ics).toContain('\r\nUID:daily-reminder@localhost:4173\r\n');
	});

	it('refuses a time that is not one', () => {
		expect(() => reminderIcs({ time: '7:30', now: 0, origin: 'http://localhost' })).toThrow(RangeError);
	});
});
