import { num } from '$lib/number';
import type { ReviewRecord } from '$lib/srs/types';
import type { SyncStatus } from './state';

/**
 * What a pull found among the answers it merged that the learner should
 * know of, and that later syncs keep adding to: answers from a wrong clock
 * (kept, not used to schedule), and answers for cards this version's decks
 * lack (kept, with no card state: a newer version's decks may have them).
 */
export interface Findings {
	/** New answers dated before 2020 or more than a day ahead, and the first few of them (reviews). */
	oddTimes: number;
	odd: readonly ReviewRecord[];
	/** New answers for cards in no deck, by card. */
	unknown: ReadonlyMap<string, number>;
}

/** How many wrong-clock answers, and unknown cards, the status names (the counts go on past them). */
const NAMED_ODD = 5;
const NAMED_CARDS = 100;

/** The status's findings with one more pull's added. */
export function addFindings(status: SyncStatus, found: Findings | undefined): Pick<SyncStatus, 'oddTimes' | 'unknownCards'> {
	const { oddTimes, unknownCards } = status;
	if (!found) return { oddTimes, unknownCards };
	const odd = oddTimes ?? { count: 0, first: [] };
	const nextOdd =
		found.oddTimes > 0
			? {
					count: odd.count + found.oddTimes,
					first: [...odd.first, ...found.odd.map((r) => ({ id: r.id, card_id: r.card_id, review: r.review }))].slice(0, NAMED_ODD)
				}
			: oddTimes;
	let nextUnknown = unknownCards;
	if (found.unknown.size > 0) {
		const was = unknownCards ?? { answers: 0, cards: 0, first: [] };
		const named = new Set(was.first);
		// A card already counted is named, unless more than NAMED_CARDS were: past that, a card is counted
		// again when a later sync brings more of its answers (the count may then be a little high).
		const newCards = [...found.unknown.keys()].filter((id) => !named.has(id));
		nextUnknown = {
			answers: was.answers + [...found.unknown.values()].reduce((a, b) => a + b, 0),
			cards: was.cards + newCards.length,
			first: [...was.first, ...newCards].slice(0, NAMED_CARDS)
		};
	}
	return { oddTimes: nextOdd, unknownCards: nextUnknown };
}

/** The findings in words, one sentence each (none: nothing found). */
export function describeFindings(status: Pick<SyncStatus, 'oddTimes' | 'unknownCards'>): string[] {
	const out: string[] = [];
	const odd = status.oddTimes?.count ?? 0;
	if (odd > 0)
		out.push(
			`${num(odd)} ${odd === 1 ? 'answer is' : 'answers are'} dated in the future or before 2020 (a device's clock was wrong): kept, not used to schedule.`
		);
	const unknown = status.unknownCards;
	if (unknown && unknown.answers > 0)
		out.push(
			`${num(unknown.answers)} ${unknown.answers === 1 ? 'answer' : 'answers'} for ${num(unknown.cards)} ${unknown.cards === 1 ? 'card' : 'cards'} this version does not have: kept for a newer version.`
		);
	return out;
}
