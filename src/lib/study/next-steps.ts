// What comes after today's cards, from what today's read holds: the end of
// the daily session and home at zero offer these, and the sessions they start
// (sources/) pick their cards with the same functions, so "Practise 3 misses"
// starts those 3 cards. Its own module: home loads it only once at zero.
import { hiddenCards } from '$lib/data/reads';
import { splitTitle } from '$lib/decks/title';
import { dueByTomorrow, missedToday, reviewAhead } from '$lib/srs/ahead';
import { nextDayStart } from '$lib/srs/day';
import { nextSection } from '$lib/srs/next-section';
import { learnMoreCount } from '$lib/srs/pick';
import type { Today } from './today';

export interface NextSteps {
	/** New cards to learn beyond today's limit, from the next section in roadmap order. */
	learn: { deck: string; name: string; count: number } | undefined;
	/** Cards rated Again today, to practise without touching the schedule. */
	misses: number;
	/** Review cards due in the next few days, to review early. */
	ahead: number;
	/** Studied cards due by the end of tomorrow. */
	tomorrow: number;
}

/** Whether there is anything to offer. */
export const hasSteps = (s: NextSteps): boolean => !!s.learn || s.misses > 0 || s.ahead > 0;

/** Today's misses, for a practice round: from today's review log, hidden cards left out. */
export function todaysMisses(t: Today): string[] {
	return missedToday(t.logs, t.readAt, t.settings.dayStartHour, t.hidden);
}

/** The cards to review ahead, soonest due first (see AHEAD). */
export function cardsAhead(t: Today): string[] {
	return reviewAhead(t.catalog, t.states, t.readAt, t.settings.dayStartHour, t.hidden);
}

/** What to offer once today's cards are done; `t` is today's read of every section. */
export function nextSteps(t: Today): NextSteps {
	const next = nextSection(t.index.decks, t.states, t.hidden);
	const h = t.settings.dayStartHour;
	return {
		learn: next && { deck: next.deck.id, name: splitTitle(next.deck.title).name, count: learnMoreCount(next.unstudied, t.settings.newPerDay) },
		misses: todaysMisses(t).length,
		ahead: cardsAhead(t).length,
		// A card buried today is back tomorrow: only what is still hidden as tomorrow starts is left out.
		tomorrow: dueByTomorrow(t.catalog, t.states, t.readAt, h, hiddenCards(t.marks, nextDayStart(t.readAt, h)))
	};
}
