import { describe, expect, it } from 'vitest';
import type { SavedReview, UndoStep } from '$lib/data/types';
import { Rating, State } from '$lib/srs/constants';
import type { CardState, Grade } from '$lib/srs/types';
import { apply, cardsAnswered, emptyLedger, finished, fromJournal, progressed, revert, toJournal, UNDO_LIMIT, type Ledger } from './ledger';

const NOW = Date.UTC(2026, 10, 21, 12);

function state(id: string, s: CardState['state']): CardState {
	return {
		card_id: id,
		due: NOW + 86_400_000,
		stability: 3,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: 1,
		learning_steps: 0,
		reps: 1,
		lapses: 0,
		state: s,
		last_review: NOW
	};
}

function review(id: string, rating: Grade, kind: 'new' | 'learning' | 'review', duration = 4000): UndoStep {
	const saved = {
		log: { id: `log-${id}-${rating}`, card_id: id, rating, state: State.New, due: NOW, review: NOW, duration },
		before: undefined,
		state: state(id, State.Learning),
		marksBefore: undefined,
		marksAfter: undefined,
		leech: false
	} as unknown as SavedReview;
	return { type: 'review', saved, kind, duration };
}

function practice(id: string, rating: 1 | 2 | 3 | 4, duration = 2000): UndoStep {
	return { type: 'practice', record: { id: `p-${id}`, card_id: id, rating, correct: null, review: NOW, duration } };
}

const marks: UndoStep = { type: 'marks', card_id: 'c', before: undefined, label: 'Buried “c” until tomorrow.' };
const skip: UndoStep = { type: 'skip', card_id: 'd', label: 'Skipped “d” in this round.' };

/** A ledger with a mix, as a review session has once it showed its first card. */
const start: Ledger = { ...emptyLedger(), mix: { newShare: 0.25, shown: 0, newShown: 0 } };

describe('apply', () => {
	it('counts a review: answers, recalled, time, per card, and its place in the mix', () => {
		let l = apply(start, review('a', Rating.Good, 'new', 3000));
		l = apply(l, review('a', Rating.Again, 'learning', 1000));
		l = apply(l, review('b', Rating.Hard, 'review', 2000));
		expect(l.answered).toBe(3);
		expect(l.recalled).toBe(2);
		expect(l.timeMs).toBe(6000);
		expect(l.cards).toEqual({ a: 2, b: 1 });
		expect(cardsAnswered(l)).toBe(2);
		// Learning steps do not count in the mix.
		expect(l.mix).toEqual({ newShare: 0.25, shown: 2, newShown: 1 });
		expect(l.undo).toHaveLength(3);
	});

	it('counts a practice answer, but not marks or a skip', () => {
		let l = apply(emptyLedger(), practice('a', Rating.Easy));
		l = apply(l, marks);
		l = apply(l, skip);
		expect(l).toMatchObject({ answered: 1, recalled: 1, timeMs: 2000, cards: { a: 1 }, mix: undefined });
		expect(l.undo.map((s) => s.type)).toEqual(['practice', 'marks', 'skip']);
	});

	it('leaves the ledger it was given unchanged', () => {
		const before = structuredClone(start);
		apply(start, review('a', Rating.Good, 'new'));
		expect(start).toEqual(before);
	});

	it('keeps the last UNDO_LIMIT steps, while counting every answer', () => {
		let l = emptyLedger();
		for (let i = 0; i < UNDO_LIMIT + 5; i++) l = apply(l, practice(`c${i}`, Rating.Good));
		expect(l.undo).toHaveLength(UNDO_LIMIT);
		expect(l.undo[0]).toEqual(practice('c5', Rating.Good));
		expect(l.answered).toBe(UNDO_LIMIT + 5);
	});
});

describe('revert', () => {
	const steps: [string, UndoStep][] = [
		['a new card reviewed', review('a', Rating.Good, 'new')],
		['a learning step', review('a', Rating.Again, 'learning')],
		['a review', review('b', Rating.Hard, 'review')],
		['a practice answer', practice('a', Rating.Again)],
		['marks', marks],
		['a skip', skip]
	];

	it.each(steps)('takes back %s exactly: apply then revert is the identity', (_, step) => {
		const base = apply(apply(start, review('x', Rating.Good, 'review')), practice('y', Rating.Hard));
		expect(revert(apply(base, step))).toEqual(base);
	});

	it('takes back steps in reverse order, down to an empty ledger', () => {
		let l = start;
		for (const [, step] of steps) l = apply(l, step);
		for (let i = 0; i < steps.length; i++) l = revert(l);
		expect(l).toEqual(start);
		expect(revert(l)).toBe(l);
	});

	it('removes a card from the count once its last answer is taken back', () => {
		const l = revert(apply(apply(emptyLedger(), practice('a', Rating.Good)), practice('a', Rating.Good)));
		expect(l.cards).toEqual({ a: 1 });
		expect(revert(l).cards).toEqual({});
	});
});

describe('the journal', () => {
	it('holds the same counts as the ledger, and gives the ledger back', () => {
		let l = apply(start, review('a', Rating.Good, 'new', 3000));
		l = apply(l, marks);
		l = progressed(l, 3);
		const j = toJournal(l, 'all', NOW, undefined);
		expect(j).toMatchObject({
			scope: 'all',
			day: NOW,
			answered: l.answered,
			recalled: l.recalled,
			timeMs: l.timeMs,
			cards: l.cards,
			progress: l.progress,
			mix: l.mix,
			ended: false
		});
		expect(j.undo).toEqual(l.undo);
		expect(j.practiceQueue).toBeUndefined();
		expect(fromJournal(j)).toEqual(l);
	});

	it('keeps a round’s cards not answered yet, as a copy', () => {
		const queue = ['b', 'c'];
		const j = toJournal(emptyLedger(), 'practice:http', NOW, queue);
		queue.pop();
		expect(j.practiceQueue).toEqual(['b', 'c']);
	});

	it('reads a journal as the previous version wrote it (no mix, more steps than undo keeps)', () => {
		const undo = Array.from({ length: UNDO_LIMIT + 2 }, (_, i) => practice(`c${i}`, Rating.Good));
		const l = fromJournal({ scope: 'all', day: NOW, undo, answered: 102, recalled: 102, timeMs: 9, cards: { c0: 1 }, progress: 0.5, ended: true });
		expect(l.undo).toHaveLength(UNDO_LIMIT);
		expect(l).toMatchObject({ answered: 102, progress: 0.5, mix: undefined, ended: true });
	});
});

describe('progress', () => {
	it('moves forward only while answering, goes back on undo, and is full only at the end', () => {
		let l = apply(emptyLedger(), practice('a', Rating.Good));
		l = progressed(l, 1);
		expect(l.progress).toBe(0.5);
		// More cards came due: the bar stays where it was.
		expect(progressed(l, 3).progress).toBe(0.5);
		expect(progressed(l, 3, true).progress).toBe(0.25);
		// Nothing left yet not ended: almost full.
		expect(progressed(l, 0).progress).toBe(0.99);
		expect(finished(l)).toMatchObject({ progress: 1, ended: true });
	});
});
