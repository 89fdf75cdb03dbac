import { cardsAhead, todaysMisses } from '$lib/study/next-steps';
import { loadToday } from '$lib/study/today';
import { PracticeSource } from './practice';
import { ReviewSource } from './review';
import type { CardSource } from './source';
import { TargetSource } from './target';

export type { CardKind, CardSource, Counts, Next } from './source';

/**
 * Today's due cards; a practice round that leaves the schedule alone (of a
 * section, or today's misses); a fixed list of cards reviewed early
 * (readiness for a date); the cards due soonest after today, reviewed early.
 */
export type Mode = 'review' | 'practice' | 'target' | 'ahead';

export interface SourceOptions {
	mode?: Mode;
	deck?: string;
	practiceSize?: number;
	targetIds?: readonly string[];
	targetKey?: string;
	/** Practice: today's misses rather than a section's random cards. */
	misses?: boolean;
}

/** The source a page asks for. */
export function sourceFor(o: SourceOptions): CardSource {
	// Every miss of the day in one round: a day has as many as it has.
	if (o.mode === 'practice' && o.misses) return new PracticeSource(undefined, Infinity, { name: 'misses', ids: todaysMisses });
	if (o.mode === 'practice') return new PracticeSource(o.deck, o.practiceSize ?? 10);
	if (o.mode === 'ahead') return new TargetSource([], 'ahead', cardsAhead);
	if (o.mode === 'target') return new TargetSource(o.targetIds ?? [], o.targetKey ?? '');
	return new ReviewSource(o.deck, loadToday);
}
