import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import type { CardMarks, SavedReview, SessionJournal } from '$lib/data/types';
import type { DeckIndex } from '$lib/decks/types';
import { State } from '$lib/srs/constants';
import type { CardState } from '$lib/srs/types';
import { computeToday, type Today } from '$lib/study/today';
import { PracticeSource } from './practice';
import { ReviewSource } from './review';
import { TargetSource } from './target';
import type { Next } from './source';

const NOW = Date.UTC(2026, 10, 21, 12);
const MIN = 60_000;
const DAY = 86_400_000;

const index = {
	decks: [
		{ id: 'http', title: 'HTTP', group: 'web', prerequisites: [], cardIds: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] },
		{ id: 'dns', title: 'DNS', group: 'web', prerequisites: [], cardIds: ['d1', 'd2'] }
	]
} as unknown as DeckIndex;

function cardState(id: string, state: CardState['state'], due: number): CardState {
	return {
		card_id: id,
		due,
		stability: 3,
		difficulty: 5,
		elapsed_days: 1,
		scheduled_days: 1,
		learning_steps: 0,
		reps: 2,
		lapses: 0,
		state,
		last_review: due - DAY
	};
}

/** Today from data in memory: h1 and d1 due for review, h2 a learning step due now, the rest new. */
function today(now = NOW, states: CardState[] = [], deck?: string): Today {
	const base = [cardState('h1', State.Review, NOW - DAY), cardState('d1', State.Review, NOW - DAY), cardState('h2', State.Learning, NOW - MIN)];
	const map = new Map([...base, ...states].map((s) => [s.card_id, s]));
	return computeToday({ index, settings: { ...DEFAULT_SETTINGS }, states: map, marks: new Map(), logs: [], extraNew: 0 }, now, deck);
}

function savedReview(id: string, before: CardState | undefined, state: CardState, marksAfter?: CardMarks): SavedReview {
	return {
		log: {
			id: `log-${id}`,
			card_id: id,
			rating: 3,
			review: NOW,
			duration: 1000,
			state: before?.state ?? State.New,
			due: NOW,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			last_elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			device: 'x'
		},
		before,
		state,
		marksBefore: undefined,
		marksAfter,
		leech: false
	} as unknown as SavedReview;
}

function journal(patch: Partial<SessionJournal> = {}): SessionJournal {
	return { scope: 'all', day: NOW, undo: [], answered: 1, recalled: 1, timeMs: 1000, cards: { h1: 1 }, progress: 0.2, ended: false, ...patch };
}

const cardId = (n: Next) => (n.type === 'card' ? n.id : undefined);

describe('ReviewSource', () => {
	function started(deck?: string, read = vi.fn((now: number) => Promise.resolve(today(now, [], deck)))) {
		const s = new ReviewSource(deck, read);
		s.start(today(NOW, [], deck));
		return { s, read };
	}

	it('names its scope by deck, sends answers to the review log and follows other tabs', () => {
		expect(new ReviewSource(undefined, vi.fn()).scope).toBe('all');
		expect(new ReviewSource('http', vi.fn()).scope).toBe('http');
		const { s } = started();
		expect(s.practice).toBe(false);
		expect(s.live).toBe(true);
		expect(s.round()).toBeUndefined();
	});

	it('shows a learning step due now first, counts what is left as today does, and starts the mix', async () => {
		const { s, read } = started();
		const { next, mix } = await s.next(NOW, undefined);
		expect(next).toMatchObject({ type: 'card', id: 'h2', kind: 'learning' });
		expect(read).toHaveBeenCalledTimes(1);
		expect(mix).toMatchObject({ shown: 0, newShown: 0 });
		const t = today();
		expect(s.counts()).toEqual({ fresh: t.counts.fresh, learning: t.counts.learning, review: t.counts.review });
	});

	it('builds the next queue from its own answer without reading, unless something changed elsewhere', async () => {
		const { s, read } = started();
		await s.next(NOW, undefined);
		s.answered('h2', savedReview('h2', undefined, cardState('h2', State.Review, NOW + 3 * DAY)));
		const { next } = await s.next(NOW + MIN, { newShare: 0, shown: 0, newShown: 0 });
		expect(read).toHaveBeenCalledTimes(1);
		expect(next).toMatchObject({ type: 'card', kind: 'review' });
		expect(s.states.get('h2')?.state).toBe(State.Review);
		s.changed();
		s.answered('h1', savedReview('h1', undefined, cardState('h1', State.Review, NOW + 3 * DAY)));
		await s.next(NOW + 2 * MIN, { newShare: 0, shown: 1, newShown: 0 });
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('reads again after a new day began', async () => {
		const { s, read } = started();
		s.answered('h2', savedReview('h2', undefined, cardState('h2', State.Review, NOW + 3 * DAY)));
		await s.next(NOW + DAY, undefined);
		expect(read).toHaveBeenCalledTimes(1);
		expect(read).toHaveBeenLastCalledWith(NOW + DAY, undefined);
	});

	it('mixes new cards among reviews as the mix asks', async () => {
		const { s } = started();
		const wantNew = await s.next(NOW, { newShare: 1, shown: 0, newShown: 0 });
		expect(wantNew.next).toMatchObject({ id: 'h2' });
		// With the learning step answered, a mix of only new cards shows a new one; of none, a review.
		const h2 = savedReview('h2', undefined, cardState('h2', State.Review, NOW + 3 * DAY));
		s.answered('h2', h2);
		expect((await s.next(NOW, { newShare: 1, shown: 0, newShown: 0 })).next).toMatchObject({ kind: 'new' });
		s.answered('h2', h2);
		expect((await s.next(NOW, { newShare: 0, shown: 0, newShown: 0 })).next).toMatchObject({ kind: 'review' });
	});

	it('shows a card brought back by undo next, as the kind it was', async () => {
		const { s } = started();
		s.putBack('d2', 'new');
		expect((await s.next(NOW, undefined)).next).toEqual({ type: 'card', id: 'd2', kind: 'new' });
		expect(cardId((await s.next(NOW, undefined)).next)).toBe('h2');
	});

	it('waits for a learning step beyond the learn-ahead limit, and ends when nothing is left today', async () => {
		const learning = cardState('d2', State.Learning, NOW + 60 * MIN);
		const all = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'd1'].map((id) => cardState(id, State.Review, NOW + 3 * DAY));
		const read = vi.fn((now: number) => Promise.resolve(today(now, [...all, learning])));
		const s = new ReviewSource(undefined, read);
		s.start(today(NOW, [...all, learning]));
		expect((await s.next(NOW, undefined)).next).toEqual({ type: 'wait', until: NOW + 60 * MIN });
		expect(s.counts()).toEqual({ fresh: 0, learning: 0, review: 0 });
		read.mockImplementation((now: number) => Promise.resolve(today(now, all.concat(cardState('d2', State.Review, NOW + 3 * DAY)))));
		expect((await s.next(NOW, undefined)).next).toEqual({ type: 'end', nextLearning: undefined });
	});

	it('carries on today’s journal, unless it ended and cards are due again', () => {
		const { s } = started();
		expect(s.resume(undefined)).toBe(false);
		expect(s.resume(journal())).toBe(true);
		expect(s.resume(journal({ ended: true }))).toBe(false);
		const done = new ReviewSource(undefined, vi.fn());
		done.start(
			today(
				NOW,
				['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'd1', 'd2'].map((id) => cardState(id, State.Review, NOW + DAY))
			)
		);
		expect(done.resume(journal({ ended: true }))).toBe(true);
	});

	it('keeps marks set in this session, and sums up for the end from today’s queue', () => {
		const { s } = started('http');
		s.marked('h1', { card_id: 'h1', flagged: true, suspended: false, buried_until: 0 } as CardMarks);
		expect(s.marks.get('h1')?.flagged).toBe(true);
		s.marked('h1', undefined);
		expect(s.marks.has('h1')).toBe(false);
		const end = s.endInput();
		expect(end.review).toBe(true);
		expect(end.catalog).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
	});
});

describe('PracticeSource', () => {
	function started(size = 4) {
		const s = new PracticeSource('http', size);
		s.start(today());
		return s;
	}

	it('draws N distinct cards of its section, practised without the schedule', () => {
		const s = started();
		expect(s.scope).toBe('practice:http');
		expect(s.practice).toBe(true);
		expect(s.live).toBe(false);
		expect(s.resume(undefined)).toBe(false);
		const round = s.round();
		expect(round).toHaveLength(4);
		expect(new Set(round).size).toBe(4);
		for (const id of round) expect(index.decks[0]?.cardIds).toContain(id);
		expect(s.counts()).toEqual({ fresh: 0, learning: 0, review: 4 });
		// Never more than the section holds, never fewer than one.
		const all = started(50);
		all.restart();
		expect(all.round()).toHaveLength(6);
		expect(new PracticeSource('http', 0).size).toBe(1);
	});

	it('goes through its round in order, and ends after the last card', async () => {
		const s = started(2);
		s.resume(undefined);
		const [a, b] = s.round();
		expect((await s.next(NOW, undefined)).next).toMatchObject({ type: 'card', id: a });
		expect(s.round(a)).toEqual([b]);
		s.answered(a as string);
		expect((await s.next(NOW, undefined)).next).toMatchObject({ type: 'card', id: b });
		s.drop(b as string);
		expect((await s.next(NOW, undefined)).next).toEqual({ type: 'end', nextLearning: undefined });
		expect(s.counts().review).toBe(0);
		// Undo brings the card back to the front.
		s.putBack(b as string);
		s.putBack(a as string);
		expect(s.round()).toEqual([a, b]);
		expect(s.endInput()).toEqual({ catalog: undefined, queue: undefined, review: false });
	});

	it('carries on the journal’s round; an ended one, or one with nothing left, draws anew', () => {
		const s = started();
		expect(s.resume(journal({ scope: 'practice:http', practiceQueue: ['h5', 'h6'] }))).toBe(true);
		expect(s.round()).toEqual(['h5', 'h6']);
		expect(s.resume(journal({ practiceQueue: ['h5'], ended: true }))).toBe(false);
		expect(s.round()).toHaveLength(4);
		expect(s.resume(journal({ practiceQueue: [] }))).toBe(false);
	});
});

describe('TargetSource', () => {
	function started(ids = ['h1', 'h3', 'd1']) {
		const s = new TargetSource(ids, '2026-12-01');
		s.start(today());
		s.resume(undefined);
		return s;
	}

	it('reviews its list in order, counted by state, and keeps the list across a reload', async () => {
		const s = started();
		expect(s.scope).toBe('target:2026-12-01');
		expect(s.practice).toBe(false);
		expect(s.resume(undefined)).toBe(false);
		expect(s.round()).toEqual(['h1', 'h3', 'd1']);
		expect(s.counts()).toEqual({ fresh: 1, learning: 0, review: 2 });
		expect((await s.next(NOW, undefined)).next).toEqual({ type: 'card', id: 'h1', kind: 'review' });
		expect(s.resume(journal({ practiceQueue: ['d1'] }))).toBe(true);
		expect(s.round()).toEqual(['d1']);
	});

	it('carries on a kept list only with cards of its own list: another section’s cards kept for the same date stay out', () => {
		// HTTP's cards are named now; the journal kept DNS's and one of HTTP's from when DNS was the weakest.
		const s = started(['h1', 'h3']);
		expect(s.resume(journal({ practiceQueue: ['d1', 'h3'] }))).toBe(true);
		expect(s.round()).toEqual(['h3']);
		// Nothing of its own left in the kept list: a new round of its whole list.
		expect(s.resume(journal({ practiceQueue: ['d1'] }))).toBe(false);
		expect(s.round()).toEqual(['h1', 'h3']);
	});

	it('takes an answer’s new state, and undo puts the card and its old state back', async () => {
		const s = started();
		const before = s.states.get('h1');
		const saved = savedReview('h1', before, cardState('h1', State.Review, NOW + 9 * DAY));
		s.answered('h1', saved);
		expect(s.states.get('h1')?.due).toBe(NOW + 9 * DAY);
		expect(s.round()).toEqual(['h3', 'd1']);
		expect((await s.next(NOW, undefined)).next).toMatchObject({ id: 'h3', kind: 'new' });
		s.putBack('h1', 'review', saved);
		expect(s.states.get('h1')).toEqual(before);
		expect(s.round()).toEqual(['h1', 'h3', 'd1']);
		// A card never studied before goes back to having no state.
		const fresh = savedReview('h3', undefined, cardState('h3', State.Learning, NOW + MIN));
		s.answered('h3', fresh);
		s.putBack('h3', 'new', fresh);
		expect(s.states.has('h3')).toBe(false);
	});

	it('sums up the end from the cards it reviewed', () => {
		expect(started().endInput(['h1'])).toEqual({ catalog: ['h1'], queue: undefined, review: false });
	});
});
