import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedSettings, isValidStep, MAX_INTERVAL_DAYS, MAX_STEP_MINUTES, stepMinutes, validStep } from './bounds';
import { Rating, State } from './constants';
import { grade, previewIntervals } from './grade';
import { scheduler } from './scheduler';
import type { CardState, Grade, SchedulerSettings } from './types';

const START = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const DAY = 86_400_000;
const grades = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);

/** Answers one card in turn, each answer when it comes due (plus `lateMin`); checks every due date on the way. */
function run(settings: SchedulerSettings, ratings: readonly Grade[], lateMin: readonly number[] = []): CardState {
	const f = scheduler(settings);
	let state: CardState | undefined;
	let now = START;
	ratings.forEach((rating, i) => {
		const { state: next, log } = grade(f, { card_id: 'c', state, rating, now, duration: 1000, id: `r${i}` });
		expect(Number.isFinite(next.due), `due after answer ${i + 1} (${rating})`).toBe(true);
		expect(next.due).toBeGreaterThan(log.review);
		expect(Number.isFinite(next.stability) && Number.isFinite(next.difficulty)).toBe(true);
		// Never further than the longest step or interval allows: ts-fsrs makes Hard on a lone learning step 1.5 times
		// the step, and keeps Again < Hard < Good < Easy by a day each, so up to 3 days past the interval.
		expect(next.due - log.review).toBeLessThanOrEqual(Math.max(1.5 * MAX_STEP_MINUTES * MIN + MIN, settings.maxInterval * DAY) + 3 * DAY);
		state = next;
		now = next.due + (lateMin[i] ?? 0) * MIN;
	});
	return state!;
}

describe('steps', () => {
	it('are read in minutes, hours or days, decimals allowed', () => {
		expect(stepMinutes('1m')).toBe(1);
		expect(stepMinutes('1.5h')).toBe(90);
		expect(stepMinutes('365d')).toBe(MAX_STEP_MINUTES);
		expect(stepMinutes('10 m')).toBeUndefined();
		expect(stepMinutes('30s')).toBeUndefined();
		expect(stepMinutes('-1m')).toBeUndefined();
	});

	it('must be from 1 minute to 1 year', () => {
		expect(['1m', '365d', '8760h', '525600m', '1.5h'].map(validStep)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
		expect(['0m', '0.5m', '366d', '100000000d', '8760.5h', '1e9m', ''].map(validStep)).toEqual([
			'too short',
			'too short',
			'too long',
			'too long',
			'too long',
			'malformed',
			'malformed'
		]);
		expect(isValidStep('10m')).toBe(true);
		expect(isValidStep('100000000d')).toBe(false);
	});
});

describe('the scheduler keeps every setting inside its bounds', () => {
	it('clamps an out-of-range settings object', () => {
		const wild = { retention: 2, maxInterval: 1e9, fuzz: false, learningSteps: ['100000000d', '0m', 'ten', '1.5h'], relearningSteps: ['0.1m'] };
		expect(boundedSettings(wild)).toEqual({
			retention: 0.99,
			maxInterval: MAX_INTERVAL_DAYS,
			fuzz: false,
			learningSteps: ['525600m', '1m', '90m'],
			relearningSteps: ['1m'],
			w: null
		});
		// Personal parameters: 21 finite numbers, or FSRS's defaults.
		expect(boundedSettings({ ...wild, w: [1, 2, NaN] }).w).toBeNull();
		expect(boundedSettings({ ...wild, w: Array.from({ length: 21 }, (_, i) => i / 10) }).w).toHaveLength(21);
		expect(boundedSettings({ retention: NaN, maxInterval: -5, fuzz: false, learningSteps: [], relearningSteps: [] })).toMatchObject({
			retention: 0.9,
			maxInterval: 1
		});
		expect(boundedSettings({ retention: 0.1, maxInterval: NaN, fuzz: false, learningSteps: [], relearningSteps: [] })).toMatchObject({
			retention: 0.7,
			maxInterval: MAX_INTERVAL_DAYS
		});
		// The scheduler built from them gives the clamped steps: Again on a new card waits the 1 year cap, not 100 million days.
		const f = scheduler(wild);
		const again = grade(f, { card_id: 'c', state: undefined, rating: Rating.Again, now: START, duration: 0, id: 'a' });
		expect(again.state.due - START).toBe(MAX_STEP_MINUTES * MIN);
	});

	it('treats the same settings written two ways alike, and 1.5h as 90 minutes (ts-fsrs alone reads 1 hour)', () => {
		const at = (steps: string[]) =>
			grade(scheduler({ retention: 0.9, maxInterval: 100, fuzz: false, learningSteps: steps, relearningSteps: [] }), {
				card_id: 'c',
				state: undefined,
				rating: Rating.Again,
				now: START,
				duration: 0,
				id: 'a'
			}).state.due - START;
		expect(at(['1.5h'])).toBe(90 * MIN);
		expect(at(['90m'])).toBe(90 * MIN);
	});

	it('never gives a due date that is not a finite time after the review, at any bound', () => {
		const sequence: Grade[] = [
			Rating.Again,
			Rating.Hard,
			Rating.Good,
			Rating.Easy,
			Rating.Again,
			Rating.Again,
			Rating.Good,
			Rating.Hard,
			Rating.Easy,
			Rating.Easy,
			Rating.Again,
			Rating.Good
		];
		for (const learning of [['1m'], ['365d'], ['1m', '365d']])
			for (const relearning of [['1m'], ['365d']])
				for (const maxInterval of [1, MAX_INTERVAL_DAYS])
					for (const retention of [0.7, 0.99])
						for (const fuzz of [false, true]) {
							const settings = { retention, maxInterval, fuzz, learningSteps: learning, relearningSteps: relearning };
							const end = run(settings, sequence);
							expect(end.reps).toBe(sequence.length);
							// Ten Easy answers push against the longest interval.
							run(settings, [Rating.Easy, ...Array<Grade>(10).fill(Rating.Easy)], Array<number>(11).fill(60 * 24 * 365));
						}
	});

	it('holds for any bounded settings and any answers (property)', () => {
		const step = fc.oneof(
			fc.constantFrom('1m', '365d', '1.5h', '10m', '1d'),
			fc.integer({ min: 1, max: MAX_STEP_MINUTES }).map((n) => `${n}m`)
		);
		const settings = fc.record({
			retention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
			maxInterval: fc.integer({ min: 1, max: MAX_INTERVAL_DAYS }),
			fuzz: fc.boolean(),
			learningSteps: fc.array(step, { maxLength: 3 }),
			relearningSteps: fc.array(step, { maxLength: 3 })
		});
		fc.assert(
			fc.property(
				settings,
				fc.array(grades, { minLength: 1, maxLength: 15 }),
				fc.array(fc.integer({ min: 0, max: 60 * 24 * 400 }), { maxLength: 15 }),
				(s, ratings, late) => {
					run(s, ratings, late);
					// The button previews come from the same bounded scheduler.
					const iv = previewIntervals(scheduler(s), 'c', undefined, START);
					for (const g of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) expect(Number.isFinite(iv[g]) && iv[g] > 0).toBe(true);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('lapses a review card to the relearning step even at the longest step', () => {
		const f = scheduler({ retention: 0.9, maxInterval: MAX_INTERVAL_DAYS, fuzz: false, learningSteps: ['1m'], relearningSteps: ['365d'] });
		let state = grade(f, { card_id: 'c', state: undefined, rating: Rating.Easy, now: START, duration: 0, id: 'a' }).state;
		expect(state.state).toBe(State.Review);
		state = grade(f, { card_id: 'c', state, rating: Rating.Again, now: state.due, duration: 0, id: 'b' }).state;
		expect(state.due - (state.last_review ?? 0)).toBe(MAX_STEP_MINUTES * MIN);
	});
});

describe('personal parameters', () => {
	it('change the schedule: a learner who forgets slowly gets longer intervals from the same answer', async () => {
		const { default_w } = await import('ts-fsrs');
		const slow = [...default_w];
		// w[2]: the initial stability after Good on a new card, in days.
		slow[2] = default_w[2]! * 4;
		const base = { retention: 0.9, maxInterval: 36500, fuzz: false, learningSteps: [], relearningSteps: [] };
		const due = (w: number[] | null) =>
			grade(scheduler({ ...base, w }), { card_id: 'c', state: undefined, rating: Rating.Good, now: START, duration: 0, id: 'a' }).state.due - START;
		expect(due(slow)).toBeGreaterThan(due(null) * 2);
		expect(due([...default_w])).toBe(due(null));
	});
});
