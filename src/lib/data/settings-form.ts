import * as v from 'valibot';
import { MAX_STEPS, SETTING_BOUNDS as B, validStep } from '$lib/srs/bounds';
import { DEFAULT_SETTINGS, type AppSettings, type Theme } from '$lib/db/settings';
import { settingsSchema } from './backup/format';

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
	ownCardsFirst: boolean;
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
		ownCardsFirst: s.ownCardsFirst,
		theme: s.theme
	};
}

const LABELS = {
	retention: 'Desired retention',
	maxInterval: 'Maximum interval',
	newPerDay: 'New cards per day',
	reviewsPerDay: 'Reviews per day',
	dayStartHour: 'The hour the day starts',
	leechThreshold: 'Leech threshold',
	learnAheadMinutes: 'Learn ahead limit',
	learningSteps: 'Learning steps',
	relearningSteps: 'Relearning steps'
} as const;
type Checked = keyof typeof LABELS;
type Numeric = Exclude<Checked, 'learningSteps' | 'relearningSteps'>;
/** The settings typed as whole numbers: every bounded one but the retention, a decimal. */
const WHOLE = (Object.keys(B) as Numeric[]).filter((k) => k !== 'retention');

/** A whole number as typed, or undefined when it is not written as one (the range is the schema's to check). */
function whole(value: string): number | undefined {
	const t = value.trim();
	return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** "1m 10m" → ["1m", "10m"] (spaces or commas between). */
const splitSteps = (value: string): string[] => (value.trim() === '' ? [] : value.trim().split(/[\s,]+/));

/** What is wrong with a list of steps, in the form's words, naming the first bad step. */
function stepsMessage(parts: readonly string[], what: string): string {
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
	return `${what}: each step must be from 1m to 365d.`;
}

function rangeMessage(key: Numeric): string {
	const [min, max] = B[key];
	return key === 'retention'
		? `${LABELS.retention} must be a number from ${min.toFixed(2)} to ${max.toFixed(2)}.`
		: `${LABELS[key]} must be from ${min} to ${max}.`;
}

/**
 * Checks every field; gives the settings, or a message for each field that is
 * wrong. The text is read here (numbers, lists of steps); whether the values
 * are allowed is the one settings schema's to say, the same one that checks
 * backups and synced settings, built from SETTING_BOUNDS.
 */
export function parseSettingsForm(form: SettingsForm): { settings: AppSettings } | { errors: SettingsErrors } {
	const errors: SettingsErrors = {};
	const retentionText = form.retention.trim();
	const retention = /^\d*[.,]?\d+$/.test(retentionText) ? Number(retentionText.replace(',', '.')) : undefined;
	if (retention === undefined) errors.retention = rangeMessage('retention');
	const numbers: Partial<Record<Numeric, number>> = { retention };
	for (const key of WHOLE) {
		const n = whole(form[key]);
		if (n === undefined) {
			const [min, max] = B[key];
			errors[key] = `${LABELS[key]} must be a whole number from ${min} to ${max}.`;
		} else numbers[key] = n;
	}
	const candidate = {
		...numbers,
		learningSteps: splitSteps(form.learningSteps),
		relearningSteps: splitSteps(form.relearningSteps),
		fuzz: form.fuzz,
		ownCardsFirst: form.ownCardsFirst,
		theme: form.theme
	};
	const checked = v.safeParse(settingsSchema, candidate);
	if (!checked.success) {
		for (const issue of checked.issues) {
			const key = issue.path?.[0]?.key as Checked | undefined;
			if (!key || !(key in LABELS) || errors[key]) continue;
			errors[key] = key === 'learningSteps' || key === 'relearningSteps' ? stepsMessage(candidate[key], LABELS[key]) : rangeMessage(key);
		}
	}
	if (Object.keys(errors).length > 0 || !checked.success) return { errors };
	const o = checked.output;
	return {
		settings: {
			...o,
			learnAheadMinutes: o.learnAheadMinutes ?? DEFAULT_SETTINGS.learnAheadMinutes,
			ownCardsFirst: o.ownCardsFirst ?? DEFAULT_SETTINGS.ownCardsFirst
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
