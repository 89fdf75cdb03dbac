import { MAX_STEPS, SETTING_BOUNDS as B, validStep } from '$lib/srs/bounds';
import type { AppSettings, Theme } from '$lib/db/settings';

/** The settings form as the learner typed it. */
export interface SettingsForm {
	retention: string;
	maxInterval: string;
	newPerDay: string;
	reviewsPerDay: string;
	learningSteps: string;
	relearningSteps: string;
	dayStartHour: string;
	leechThreshold: string;
	learnAheadMinutes: string;
	fuzz: boolean;
	theme: Theme;
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

export function toForm(s: AppSettings): SettingsForm {
	return {
		retention: s.retention.toFixed(2),
		maxInterval: String(s.maxInterval),
		newPerDay: String(s.newPerDay),
		reviewsPerDay: String(s.reviewsPerDay),
		learningSteps: s.learningSteps.join(' '),
		relearningSteps: s.relearningSteps.join(' '),
		dayStartHour: String(s.dayStartHour),
		leechThreshold: String(s.leechThreshold),
		learnAheadMinutes: String(s.learnAheadMinutes),
		fuzz: s.fuzz,
		theme: s.theme
	};
}

function integer(value: string, [min, max]: readonly [number, number], what: string): number | string {
	const t = value.trim();
	if (!/^\d+$/.test(t)) return `${what} must be a whole number from ${min} to ${max}.`;
	const n = Number(t);
	return n < min || n > max ? `${what} must be from ${min} to ${max}.` : n;
}

/** "1m 10m" → ["1m", "10m"]; each step from 1 minute to 1 year, in minutes, hours or days. */
function steps(value: string, what: string): string[] | string {
	const parts = value.trim() === '' ? [] : value.trim().split(/[\s,]+/);
	if (parts.length > MAX_STEPS) return `${what}: at most ${MAX_STEPS} steps.`;
	for (const p of parts) {
		switch (validStep(p)) {
			case 'malformed':
				return `${what}: "${p}" is not a step. Write each as a number and m, h or d, such as 1m 10m 1h.`;
			case 'too short':
				return `${what}: "${p}" is shorter than a minute; each step must be from 1m to 365d.`;
			case 'too long':
				return `${what}: "${p}" is longer than a year; each step must be from 1m to 365d.`;
		}
	}
	return parts;
}

/** Checks every field; gives the settings, or a message for each field that is wrong. */
export function parseSettingsForm(form: SettingsForm): { settings: AppSettings } | { errors: SettingsErrors } {
	const errors: SettingsErrors = {};
	const r = Number(form.retention.trim().replace(',', '.'));
	const [low, high] = B.retention;
	if (!/^\d*[.,]?\d+$/.test(form.retention.trim()) || !(r >= low && r <= high)) {
		errors.retention = `Desired retention must be a number from ${low.toFixed(2)} to ${high.toFixed(2)}.`;
	}
	const out = {
		maxInterval: integer(form.maxInterval, B.maxInterval, 'Maximum interval'),
		newPerDay: integer(form.newPerDay, B.newPerDay, 'New cards per day'),
		reviewsPerDay: integer(form.reviewsPerDay, B.reviewsPerDay, 'Reviews per day'),
		dayStartHour: integer(form.dayStartHour, B.dayStartHour, 'The hour the day starts'),
		leechThreshold: integer(form.leechThreshold, B.leechThreshold, 'Leech threshold'),
		learnAheadMinutes: integer(form.learnAheadMinutes, B.learnAheadMinutes, 'Learn ahead limit'),
		learningSteps: steps(form.learningSteps, 'Learning steps'),
		relearningSteps: steps(form.relearningSteps, 'Relearning steps')
	};
	for (const [key, value] of Object.entries(out)) {
		if (typeof value === 'string') errors[key as keyof SettingsForm] = value;
	}
	if (Object.keys(errors).length > 0) return { errors };
	return {
		settings: {
			retention: r,
			maxInterval: out.maxInterval as number,
			newPerDay: out.newPerDay as number,
			reviewsPerDay: out.reviewsPerDay as number,
			dayStartHour: out.dayStartHour as number,
			leechThreshold: out.leechThreshold as number,
			learnAheadMinutes: out.learnAheadMinutes as number,
			learningSteps: out.learningSteps as string[],
			relearningSteps: out.relearningSteps as string[],
			fuzz: form.fuzz,
			theme: form.theme
		}
	};
}

/** Whether going from `a` to `b` changes how existing cards would have been scheduled. */
export function changesSchedule(a: AppSettings, b: AppSettings): boolean {
	return (
		a.retention !== b.retention ||
		a.maxInterval !== b.maxInterval ||
		a.learningSteps.join(' ') !== b.learningSteps.join(' ') ||
		a.relearningSteps.join(' ') !== b.relearningSteps.join(' ')
	);
}
