import { describe, expect, it } from 'vitest';
import { fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { autoGrade, grade, InvalidScheduleError, previewIntervals, replay } from './grade';
import { formatInterval } from './format';
import { scheduler } from './scheduler';
import type { ReviewRecord } from './types';

const NOW = Date.UTC(2026, 10, 21, 9, 0);
const MIN = 60_000;
const DAY = 86_400_000;
const f = scheduler({ retention: 0.9, maxInterval: 36500, fuzz: false, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] });

function answer(card_id: string, ratings: Rating[], start = NOW, gap = DAY) {
	let state = undefined as ReturnType<typeof grade>['state'] | undefined;
	const logs: ReviewRecord[] = [];
	ratings.forEach((r, i) => {
		const out = grade(f, { card_id, state, rating: r as 1 | 2 | 3 | 4, now: start + i * gap, duration: 4000, id: `id-${i}` });
		state = out.state;
		logs.push(out.log);
	});
	return { state: state!, logs };
}

describe('grading a new card', () => {
	it('uses the learning steps: Again in 1 minute, Good in 10 minutes', () => {
		const again = grade(f, { card_id: 'c', state: undefined, rating: Rating.Again, now: NOW, duration: 1000, id: 'a' });
		expect(again.state.state).toBe(State.Learning);
		expect(again.state.due - NOW).toBe(1 * MIN);
		const good = grade(f, { card_id: 'c', state: undefined, rating: Rating.Good, now: NOW, duration: 1000, id: 'b' });
		expect(good.state.due - NOW).toBe(10 * MIN);
	});

	it('graduates to review after Good on the last step, due days later', () => {
		const { state } = answer('c', [Rating.Good, Rating.Good], NOW, 10 * MIN);
		expect(state.state).toBe(State.Review);
		expect(state.due - (NOW + 10 * MIN)).toBeGreaterThanOrEqual(DAY);
	});

	it('writes an immutable record with the id, card, rating, time and duration', () => {
		const { log } = grade(f, { card_id: 'http-x', state: undefined, rating: Rating.Hard, now: NOW, duration: 5300.4, id: 'u-1' });
		expect(log).toMatchObject({ id: 'u-1', card_id: 'http-x', rating: Rating.Hard, review: NOW, duration: 5300, state: State.New });
	});
});

describe('button intervals', () => {
	it('grow from Again to Easy for a review card', () => {
		const { state } = answer('c', [Rating.Good, Rating.Good, Rating.Good]);
		const iv = previewIntervals(f, 'c', state, state.due);
		expect(iv[Rating.Again]).toBeLessThanOrEqual(iv[Rating.Hard]);
		expect(iv[Rating.Hard]).toBeLessThanOrEqual(iv[Rating.Good]);
		expect(iv[Rating.Good]).toBeLessThanOrEqual(iv[Rating.Easy]);
		expect(formatInterval(iv[Rating.Again])).toBe('10m');
	});

	it('match what grading then schedules', () => {
		const { state } = answer('c', [Rating.Good, Rating.Good]);
		const at = state.due + DAY;
		const iv = previewIntervals(f, 'c', state, at);
		const next = grade(f, { card_id: 'c', state, rating: Rating.Good, now: at, duration: 0, id: 'x' });
		expect(next.state.due - at).toBe(iv[Rating.Good]);
	});
});

describe('multiple choice', () => {
	it('grades right as Good and wrong as Again', () => {
		expect(autoGrade(true)).toBe(Rating.Good);
		expect(autoGrade(false)).toBe(Rating.Again);
	});
});

describe('the log as source of truth', () => {
	it("replaying a card's log rebuilds its state exactly", () => {
		const { state, logs } = answer('c', [Rating.Good, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
		const shuffledLogs = [logs[3]!, logs[0]!, logs[4]!, logs[1]!, logs[2]!];
		expect(replay(f, 'c', shuffledLogs)).toEqual(state);
	});

	it('breaks ties of time by id, whatever order the records come in', () => {
		// Two devices answered the same card in the same millisecond.
		const { logs } = answer('c', [Rating.Good, Rating.Good]);
		const again: ReviewRecord = { ...logs[1]!, id: 'b', rating: Rating.Again };
		const easy: ReviewRecord = { ...logs[1]!, id: 'a', rating: Rating.Easy };
		const one = replay(f, 'c', [logs[0]!, again, easy]);
		expect(replay(f, 'c', [easy, logs[0]!, again])).toEqual(one);
		// "a" (Easy) then "b" (Again): the card ends relearning.
		expect(one?.state).toBe(State.Relearning);
	});

	it("ignores other cards' records and gives nothing for a card never answered", () => {
		const { logs } = answer('c', [Rating.Good]);
		expect(replay(f, 'other', logs)).toBeUndefined();
	});
});

describe('a clock that went backwards', () => {
	it('never schedules a card before its last review', () => {
		const { state } = answer('c', [Rating.Good, Rating.Good]);
		const past = (state.last_review ?? 0) - 3 * DAY;
		const next = grade(f, { card_id: 'c', state, rating: Rating.Good, now: past, duration: 0, id: 'z' });
		expect(next.state.due).toBeGreaterThan(state.last_review ?? 0);
		expect(next.log.review).toBe((state.last_review ?? 0) + 1);
	});

	it('gives the answers to one card strictly increasing times, in the order they were given', () => {
		let state = undefined as ReturnType<typeof grade>['state'] | undefined;
		const times: number[] = [];
		// The clock jumps back a day, stands still, then jumps back again.
		for (const [i, now] of [NOW, NOW - DAY, NOW - DAY, NOW - DAY, NOW - 2 * DAY, NOW + 5].entries()) {
			const out = grade(f, { card_id: 'c', state, rating: Rating.Again, now, duration: 0, id: `id-${i}` });
			expect(out.state.last_review).toBe(out.log.review);
			times.push(out.log.review);
			state = out.state;
		}
		expect(times).toEqual([NOW, NOW + 1, NOW + 2, NOW + 3, NOW + 4, NOW + 5]);
	});
});

describe('a result that would store a NaN', () => {
	it('is refused with an error instead of returned', () => {
		const { state } = answer('c', [Rating.Good, Rating.Good]);
		const broken = { ...state, stability: Number.NaN };
		expect(() => grade(f, { card_id: 'c', state: broken, rating: Rating.Good, now: state.due, duration: 0, id: 'x' })).toThrow(InvalidScheduleError);
		expect(() => grade(f, { card_id: 'c', state: broken, rating: Rating.Good, now: state.due, duration: 0, id: 'x' })).toThrow(
			/Could not schedule card c: .*NaN\. Nothing was saved\./
		);
	});

	it('is refused from a scheduler built without the bounds: a step of 100 million days overflows the date', () => {
		const raw = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ['100000000d'], relearning_steps: ['10m'] }));
		expect(() => grade(raw, { card_id: 'c', state: undefined, rating: Rating.Again, now: NOW, duration: 0, id: 'x' })).toThrow(
			/Could not schedule card c: the next due came out as NaN/
		);
	});

	it('is refused when the clock gives no valid time', () => {
		expect(() => grade(f, { card_id: 'c', state: undefined, rating: Rating.Good, now: Number.NaN, duration: 0, id: 'x' })).toThrow(InvalidScheduleError);
	});
});

describe('interval labels', () => {
	it.each([
		[30_000, '<1m'],
		[MIN, '1m'],
		[10 * MIN, '10m'],
		[3 * 3600_000, '3h'],
		[4 * DAY, '4d'],
		[75 * DAY, '2.5mo'],
		[500 * DAY, '1.4y']
	])('%d ms reads %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});
