import { loadToday } from '$lib/study/today';
import { PracticeSource } from './practice';
import { ReviewSource } from './review';
import type { CardSource } from './source';
import { TargetSource } from './target';

export type { CardKind, CardSource, Counts, Next } from './source';

/** Today's due cards; a practice round that leaves the schedule alone; a fixed list of cards reviewed early (readiness for a date). */
export type Mode = 'review' | 'practice' | 'target';

export interface SourceOptions {
	mode?: Mode;
	deck?: string;
	practiceSize?: number;
	targetIds?: readonly string[];
	targetKey?: string;
}

/** The source a page asks for. */
export function sourceFor(o: SourceOptions): CardSource {
	if (o.mode === 'practice') return new PracticeSource(o.deck, o.practiceSize ?? 10);
	if (o.mode === 'target') return new TargetSource(o.targetIds ?? [], o.targetKey ?? '');
	return new ReviewSource(o.deck, loadToday);
}
