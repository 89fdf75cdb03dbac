// What an undo says it took back: the rating and the card, or the mark.
import { describe, expect, it } from 'vitest';
import type { SavedReview, UndoStep } from '$lib/data/types';
import { Rating } from '$lib/srs/constants';
import { undoneText } from './session-text';

const review = (rating: number): UndoStep => ({
	type: 'review',
	saved: { log: { card_id: 'http-404', rating } } as SavedReview,
	kind: 'review',
	duration: 1000
});

describe('undoneText', () => {
	it('names the rating taken back and the card', () => {
		expect(undoneText(review(Rating.Good), 'What does HTTP `404` mean?')).toBe('Undid Good on “What does HTTP 404 mean?”.');
		expect(undoneText(review(Rating.Again), 'What does HTTP 404 mean?')).toBe('Undid Again on “What does HTTP 404 mean?”.');
	});

	it('names a practice answer the same way', () => {
		const step = { type: 'practice', record: { card_id: 'x', rating: Rating.Easy } } as UndoStep;
		expect(undoneText(step, 'Which port does PostgreSQL listen on?')).toBe('Undid Easy on “Which port does PostgreSQL listen on?”.');
	});

	it('keeps a long prompt short', () => {
		const text = undoneText(review(Rating.Hard), `Why ${'very '.repeat(20)}long?`);
		expect(text.length).toBeLessThan(80);
		expect(text).toMatch(/^Undid Hard on “Why very .*…”\.$/);
	});

	it('names a mark or a skip by what its snackbar said, without the advice after it', () => {
		const marks = (label: string): UndoStep => ({ type: 'marks', card_id: 'c', before: undefined, label });
		expect(undoneText(marks('Buried “What is a URL?” until tomorrow.'), 'What is a URL?')).toBe('Undone: buried “What is a URL?” until tomorrow.');
		expect(undoneText(marks('Suspended “Is v1.2 stable?”. Resume it under Cards.'), undefined)).toBe('Undone: suspended “Is v1.2 stable?”.');
		expect(undoneText({ type: 'skip', card_id: 'd', label: 'Skipped “d” in this round. Its schedule is unchanged.' }, 'd')).toBe(
			'Undone: skipped “d” in this round.'
		);
	});
});
