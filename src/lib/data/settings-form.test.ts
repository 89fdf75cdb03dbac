import { describe, expect, it } from 'vitest';
import { changesSchedule, parseSettingsForm, toForm } from './settings-form';
import * as v from 'valibot';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { SETTING_BOUNDS } from '$lib/srs/bounds';
import { settingsSchema } from './backup/format';

const form = toForm(DEFAULT_SETTINGS);

describe('the settings form', () => {
	it('gives back the defaults unchanged', () => {
		expect(parseSettingsForm(form)).toEqual({ settings: DEFAULT_SETTINGS });
	});

	it('refuses each invalid value with a message for that field', () => {
		const result = parseSettingsForm({
			...form,
			retention: '0.5',
			newPerDay: '-3',
			learningSteps: '1m ten',
			dayStartHour: '24',
			maxInterval: '1.5'
		});
		expect(result).toEqual({
			errors: {
				retention: 'Desired retention must be a number from 0.70 to 0.99.',
				newPerDay: 'New cards per day must be a whole number from 0 to 9999.',
				learningSteps: 'Learning steps: "ten" is not a step. Write each as a number and m, h or d, such as 1m 10m 1h.',
				dayStartHour: 'The hour the day starts must be from 0 to 23.',
				maxInterval: 'Maximum interval must be a whole number from 1 to 36500.'
			}
		});
	});

	it('reads steps separated by spaces or commas, and accepts none', () => {
		const result = parseSettingsForm({ ...form, learningSteps: '30s', relearningSteps: '' });
		expect(result).toHaveProperty('errors.learningSteps');
		const ok = parseSettingsForm({ ...form, learningSteps: '1m, 5m,1h', relearningSteps: '' });
		expect(ok).toMatchObject({ settings: { learningSteps: ['1m', '5m', '1h'], relearningSteps: [] } });
	});

	it('refuses a step shorter than a minute or longer than a year, naming it and the bounds', () => {
		expect(parseSettingsForm({ ...form, learningSteps: '1m 100000000d' })).toEqual({
			errors: { learningSteps: 'Learning steps: "100000000d" is longer than a year; each step must be from 1m to 365d.' }
		});
		expect(parseSettingsForm({ ...form, relearningSteps: '366d' })).toEqual({
			errors: { relearningSteps: 'Relearning steps: "366d" is longer than a year; each step must be from 1m to 365d.' }
		});
		expect(parseSettingsForm({ ...form, learningSteps: '0m 10m' })).toEqual({
			errors: { learningSteps: 'Learning steps: "0m" is shorter than a minute; each step must be from 1m to 365d.' }
		});
		expect(parseSettingsForm({ ...form, relearningSteps: '0.5m' })).toHaveProperty('errors.relearningSteps');
	});

	it('accepts steps at the bounds and with decimals', () => {
		expect(parseSettingsForm({ ...form, learningSteps: '1m 1.5h 365d', relearningSteps: '365d' })).toMatchObject({
			settings: { learningSteps: ['1m', '1.5h', '365d'], relearningSteps: ['365d'] }
		});
		expect(parseSettingsForm({ ...form, learningSteps: '8760h', relearningSteps: '525600m' })).toHaveProperty('settings');
	});

	it('refuses a maximum interval over 100 years', () => {
		expect(parseSettingsForm({ ...form, maxInterval: '36501' })).toEqual({ errors: { maxInterval: 'Maximum interval must be from 1 to 36500.' } });
		expect(parseSettingsForm({ ...form, maxInterval: '36500' })).toHaveProperty('settings.maxInterval', 36500);
	});

	it('knows which changes call for rescheduling', () => {
		expect(changesSchedule(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, retention: 0.85 })).toBe(true);
		expect(changesSchedule(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, learningSteps: ['5m'] })).toBe(true);
		expect(changesSchedule(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, newPerDay: 5, theme: 'dark' })).toBe(false);
	});

	it('allows exactly what a backup or a sync may bring: one schema, at every bound of every whole-number setting', () => {
		for (const [key, [min, max]] of Object.entries(SETTING_BOUNDS)) {
			if (key === 'retention') continue;
			for (const value of [min - 1, min, max, max + 1]) {
				if (value < 0) continue;
				const byForm = 'settings' in parseSettingsForm({ ...form, [key]: String(value) });
				const byBackup = v.safeParse(settingsSchema, { ...DEFAULT_SETTINGS, [key]: value }).success;
				expect({ key, value, byForm }).toEqual({ key, value, byForm: byBackup });
				expect(byForm).toBe(value >= min && value <= max);
			}
		}
	});
});
