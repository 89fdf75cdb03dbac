import { changes } from '$lib/data/changes.svelte';
import { recordPractice, recordReview, restoreMarks, undoPractice, undoReview } from '$lib/data/answers';
import type { AppSettings, RecallDatabase, UndoStep } from '$lib/data/types';
import type { DeckCard } from '$lib/decks';
import { startOfDay } from '$lib/srs/day';
import { scheduler } from '$lib/srs/scheduler';
import type { Grade } from '$lib/srs/types';
import { afterPaint } from './after-paint';
import type { CardKind } from './sources';

export interface GivenAnswer {
	card: DeckCard;
	rating: Grade;
	/** When it was answered, and how long it took (ms). */
	now: number;
	duration: number;
	/** Whether an auto-graded answer was right. */
	correct: boolean | undefined;
	/** How the card counted when it was shown. */
	kind: CardKind;
}

/**
 * Saves an answer where its session keeps answers: as a practice record
 * (the schedule untouched), or in the review log with the card's new state
 * and running totals. Returns the step undo takes back. The other tabs hear
 * of a review once the next card is painted.
 */
export async function saveAnswer(db: RecallDatabase, a: GivenAnswer, to: { practice: boolean; settings: AppSettings; extraNew: number }): Promise<UndoStep> {
	const { card, rating, now, duration, kind } = a;
	if (to.practice) {
		const correct = card.kind === 'flashcard' ? null : (a.correct ?? false);
		return { type: 'practice', record: await recordPractice(db, { card_id: card.id, rating, correct, review: now, duration }) };
	}
	const s = to.settings;
	const saved = await recordReview(
		db,
		scheduler(s),
		{ card_id: card.id, rating, now, duration },
		{ leechThreshold: s.leechThreshold, newLimit: { limit: s.newPerDay + to.extraNew, dayStart: startOfDay(now, s.dayStartHour) } }
	);
	afterPaint(() => changes.publish('reviewed', [card.id]));
	return { type: 'review', saved, kind, duration };
}

/** Takes a step back in the database: the review, the practice answer or the marks as they were (a skip wrote nothing). */
export async function takeBack(db: RecallDatabase, step: UndoStep): Promise<void> {
	if (step.type === 'review') {
		await undoReview(db, step.saved);
		changes.publish('undone', [step.saved.log.card_id]);
	} else if (step.type === 'practice') await undoPractice(db, step.record);
	else if (step.type === 'marks') {
		await restoreMarks(db, step.card_id, step.before);
		changes.publish('marked', [step.card_id]);
	}
}

/** The card a step is about. */
export function cardOf(step: UndoStep): string {
	return step.type === 'review' ? step.saved.log.card_id : step.type === 'practice' ? step.record.card_id : step.card_id;
}
