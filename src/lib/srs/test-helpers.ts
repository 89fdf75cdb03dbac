import { afterAll, beforeAll } from 'vitest';
import { State } from 'ts-fsrs';
import type { CardState } from './types';

/** A stored card state with sensible defaults, for tests. */
export function cardState(over: Partial<CardState> & { card_id: string }): CardState {
	return {
		due: 0,
		stability: 3,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: 3,
		learning_steps: 0,
		reps: 3,
		lapses: 0,
		state: State.Review,
		last_review: 0,
		...over
	};
}

/** Runs the file's tests in this time zone (Node reads TZ on every date operation). */
export function useTimeZone(tz: string): void {
	let saved: string | undefined;
	beforeAll(() => {
		saved = process.env.TZ;
		process.env.TZ = tz;
	});
	afterAll(() => {
		process.env.TZ = saved;
	});
}
