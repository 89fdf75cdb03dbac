// "Sync failing since…" in the header: since the first failure after the last sync that went through.
import { describe, expect, it } from 'vitest';
import { syncNow } from './engine';
import { failingSince, getSyncStatus } from './state';
import { MIN, NOW, options, useCouch } from './test-helpers';

const { device } = useCouch();
const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('how long sync has been failing', () => {
	it('counts from the first failure, and stops counting once a sync goes through', async () => {
		const phone = await device('phone');
		expect(await syncNow(phone, { ...options, now: () => NOW })).toMatchObject({ ok: true });
		expect(failingSince(await getSyncStatus(phone))).toBeUndefined();

		expect(await syncNow(phone, { ...options, fetch: down, now: () => NOW + 10 * MIN })).toMatchObject({ ok: false });
		expect(await syncNow(phone, { ...options, fetch: down, now: () => NOW + 20 * MIN })).toMatchObject({ ok: false });
		const status = await getSyncStatus(phone);
		expect(status.lastErrorAt).toBe(NOW + 20 * MIN);
		expect(failingSince(status)).toBe(NOW + 10 * MIN);

		expect(await syncNow(phone, { ...options, now: () => NOW + 30 * MIN })).toMatchObject({ ok: true });
		expect(failingSince(await getSyncStatus(phone))).toBeUndefined();
		// A new run of failures counts from its own first one.
		await syncNow(phone, { ...options, fetch: down, now: () => NOW + 40 * MIN });
		expect(failingSince(await getSyncStatus(phone))).toBe(NOW + 40 * MIN);
	});
});
