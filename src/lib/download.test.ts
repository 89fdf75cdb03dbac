import { afterEach, describe, expect, it } from 'vitest';
import { fileDate } from './download';

describe('fileDate', () => {
	const tz = process.env.TZ;
	// The pure tests share a worker: the zone goes back as it was (unset stays unset, not "undefined").
	afterEach(() => {
		if (tz === undefined) delete process.env.TZ;
		else process.env.TZ = tz;
	});

	it('names a file for the local day, not the day in UTC', () => {
		process.env.TZ = 'Europe/Berlin';
		// 00:30 on 7 December in Berlin is still 6 December in UTC.
		expect(fileDate(new Date(Date.UTC(2026, 11, 6, 23, 30)))).toBe('2026-12-07');
		process.env.TZ = 'America/Los_Angeles';
		// 19:00 on 6 December in California is already 7 December in UTC.
		expect(fileDate(new Date(Date.UTC(2026, 11, 7, 3, 0)))).toBe('2026-12-06');
	});

	it('pads months and days to two digits', () => {
		process.env.TZ = 'UTC';
		expect(fileDate(new Date(Date.UTC(2027, 0, 5, 12)))).toBe('2027-01-05');
	});
});
