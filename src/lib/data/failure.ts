// Words for a failed write, shown next to the control that started it.

/** The name of a DOMException or Error ('QuotaExceededError', …), or ''. */
export function errorName(e: unknown): string {
	return e instanceof DOMException || e instanceof Error ? e.name : '';
}

/**
 * Why a write failed, in plain words, to follow "Not saved: " (no final full
 * stop). The usual storage failures get words a learner can act on; anything
 * else gives its own message.
 */
export function describeWriteFailure(e: unknown): string {
	switch (errorName(e)) {
		case 'QuotaExceededError':
			return 'the device is out of storage space for this site';
		case 'AbortError':
			return 'the browser aborted the write';
		case 'InvalidStateError':
			return 'the connection to the database was closed';
	}
	const message = (e instanceof Error || e instanceof DOMException ? e.message : String(e)).trim().replace(/\.+$/, '');
	return message || 'an unknown error';
}
