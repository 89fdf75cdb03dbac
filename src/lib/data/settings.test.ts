import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/db/settings';
import { sameSettings, SettingsStore } from './settings.svelte';

const stored = (over: Partial<AppSettings>): AppSettings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the settings store', () => {
	it('reads the stored settings once, and every later load gets the same answer', async () => {
		let reads = 0;
		const store = new SettingsStore(() => {
			reads++;
			return Promise.resolve(stored({ retention: 0.85 }));
		});
		expect(store.loaded).toBe(false);
		expect(store.current).toEqual(DEFAULT_SETTINGS);
		await Promise.all([store.load(), store.load()]);
		expect(reads).toBe(1);
		expect(store.current.retention).toBe(0.85);
		expect(store.loaded).toBe(true);
	});

	it('a refresh after a write elsewhere shows the new values and counts the change; the same values are no change', async () => {
		let db = stored({ retention: 0.9, newPerDay: 20, updated: 1, device: 'a' });
		const store = new SettingsStore(() => Promise.resolve(db));
		await store.load();
		db = stored({ retention: 0.9, newPerDay: 20, updated: 2, device: 'b' });
		await store.refresh();
		expect(store.changedElsewhere).toBe(0);
		db = stored({ retention: 0.85, newPerDay: 7, updated: 3, device: 'b' });
		await store.refresh();
		expect(store.changedElsewhere).toBe(1);
		expect(store.current).toMatchObject({ retention: 0.85, newPerDay: 7 });
		// A load after the refresh gives the new values, not the first read's.
		expect((await store.load()).newPerDay).toBe(7);
	});

	it('a failed first read can be tried again', async () => {
		let fail = true;
		const store = new SettingsStore(() => (fail ? Promise.reject(new Error('blocked')) : Promise.resolve(stored({ newPerDay: 5 }))));
		await expect(store.load()).rejects.toThrow('blocked');
		fail = false;
		expect((await store.load()).newPerDay).toBe(5);
	});
});

describe('sameSettings', () => {
	it('ignores who wrote the record and when, not what it says', () => {
		expect(sameSettings(stored({ updated: 1, device: 'a' }), stored({ updated: 2, device: 'b' }))).toBe(true);
		expect(sameSettings(stored({ retention: 0.9 }), stored({ retention: 0.91 }))).toBe(false);
		expect(sameSettings(stored({ learningSteps: ['1m', '10m'] }), stored({ learningSteps: ['1m'] }))).toBe(false);
	});
});
