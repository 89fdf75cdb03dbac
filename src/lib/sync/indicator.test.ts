import { describe, expect, it } from 'vitest';
import { syncLight } from './indicator';
import type { SyncStatus } from './state';

const NOW = new Date(2026, 10, 21, 15, 0).getTime();
const HOUR = 3_600_000;
const status = (s: Partial<SyncStatus>): SyncStatus => ({ skipped: [], skippedCount: 0, ...s });
const light = (s: Partial<SyncStatus>, more: { pending?: number; running?: boolean; online?: boolean } = {}) =>
	syncLight({ status: status(s), pending: more.pending ?? 0, running: more.running ?? false, online: more.online ?? true }, NOW);
const time = (t: number) => new Date(t).toLocaleTimeString(undefined, { timeStyle: 'short' });

describe("the header's sync indicator", () => {
	it('says synced, and when, once the last sync went through and nothing waits', () => {
		expect(light({ lastSync: NOW - HOUR })).toEqual({ state: 'synced', short: 'Synced', label: `Synced at ${time(NOW - HOUR)}` });
	});

	it('says what waits to be sent, and that the device is offline', () => {
		expect(light({ lastSync: NOW - HOUR }, { pending: 3 }).label).toBe('Sync waiting: 3 changes not sent yet');
		expect(light({ lastSync: NOW - HOUR }, { pending: 1, online: false }).label).toBe('Sync waiting: offline, 1 change not sent yet');
		expect(light({})).toMatchObject({ state: 'waiting', label: 'Sync waiting: not synced yet' });
	});

	it('says failing since the first failure after the last sync that went through', () => {
		const failing = light({ lastSync: NOW - 5 * HOUR, lastError: 'Could not reach…', lastErrorAt: NOW - HOUR, failingSince: NOW - 3 * HOUR }, { pending: 2 });
		expect(failing).toEqual({ state: 'failing', short: 'Sync failing', label: `Sync failing since ${time(NOW - 3 * HOUR)}` });
		// A status written before failingSince was kept: the last failure is the best known.
		expect(light({ lastError: 'Could not reach…', lastErrorAt: NOW - HOUR }).label).toBe(`Sync failing since ${time(NOW - HOUR)}`);
		// An older day names the day.
		expect(light({ lastError: 'x', lastErrorAt: NOW - 48 * HOUR }).label).toContain(new Date(NOW - 48 * HOUR).getFullYear().toString());
	});

	it('is not failing once a sync went through after the error', () => {
		expect(light({ lastSync: NOW - HOUR, lastError: 'Could not reach…', lastErrorAt: NOW - 2 * HOUR }).state).toBe('synced');
	});

	it('says syncing while a sync runs, whatever came before', () => {
		expect(light({ lastError: 'x', lastErrorAt: NOW - HOUR }, { running: true })).toMatchObject({ state: 'syncing', short: 'Syncing…' });
	});
});
