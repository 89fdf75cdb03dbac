import { describe, expect, it } from 'vitest';
import { describeWriteFailure } from './failure';

describe('a failed write, in words', () => {
	it('says the device is out of space on a quota error', () => {
		expect(describeWriteFailure(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe('the device is out of storage space for this site');
	});

	it('names an aborted write and a closed connection', () => {
		expect(describeWriteFailure(new DOMException('x', 'AbortError'))).toBe('the browser aborted the write');
		expect(describeWriteFailure(new DOMException('x', 'InvalidStateError'))).toBe('the connection to the database was closed');
	});

	it('gives any other error its own message, without a doubled full stop', () => {
		expect(describeWriteFailure(new Error('Could not schedule card c: the next due came out as NaN. Nothing was saved.'))).toBe(
			'Could not schedule card c: the next due came out as NaN. Nothing was saved'
		);
		expect(describeWriteFailure(new DOMException('The disk is on fire', 'UnknownError'))).toBe('The disk is on fire');
		expect(describeWriteFailure('plain text')).toBe('plain text');
		expect(describeWriteFailure(new Error(''))).toBe('an unknown error');
	});
});
