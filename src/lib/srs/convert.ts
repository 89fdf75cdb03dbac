import type { Card, ReviewLog } from 'ts-fsrs';
import type { CardState, ReviewRecord } from './types';

export function toFsrsCard(s: CardState): Card {
	return {
		due: new Date(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: s.elapsed_days,
		scheduled_days: s.scheduled_days,
		learning_steps: s.learning_steps,
		reps: s.reps,
		lapses: s.lapses,
		state: s.state,
		last_review: s.last_review === null ? undefined : new Date(s.last_review)
	};
}

export function fromFsrsCard(card_id: string, c: Card): CardState {
	return {
		card_id,
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: c.last_review ? c.last_review.getTime() : null
	};
}

export function fromFsrsLog(meta: Pick<ReviewRecord, 'id' | 'card_id' | 'duration'>, log: ReviewLog): ReviewRecord {
	return {
		...meta,
		rating: log.rating,
		review: log.review.getTime(),
		state: log.state,
		due: log.due.getTime(),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps
	};
}
