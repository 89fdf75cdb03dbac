// What a tile of the map says of today: "N due · M new". Counted with the
// queue's own rule (facts.ts's dueKind), card by card, so a tile agrees
// with home and with the section's quiz. Page-only: home's modules stay as
// they are (every export of theirs ships with home).
import { dueKind, type DueWindow } from './facts';
import type { CardState } from './types';

export interface SectionToday {
	/** Studied cards due today (learning steps due later today and overdue reviews included), hidden ones aside. */
	due: number;
	/** Cards never studied and not hidden: what the new-card limit draws on. */
	unstudied: number;
}

/**
 * A section's cards due today and its new ones, from stored states only.
 * The day's review limit is not applied: it is one quota for the whole day,
 * not a figure of a section, so a section counts every card due in it (what
 * the queue counts before the limit; queue.ts's dueFacts after it).
 */
export function sectionToday(
	cardIds: Iterable<string>,
	states: ReadonlyMap<string, Pick<CardState, 'state' | 'due'>>,
	hidden: ReadonlySet<string>,
	w: DueWindow
): SectionToday {
	let due = 0;
	let unstudied = 0;
	for (const id of cardIds) {
		if (hidden.has(id)) continue;
		const kind = dueKind(states.get(id), w);
		if (kind === 'new') unstudied++;
		else if (kind !== 'none') due++;
	}
	return { due, unstudied };
}
