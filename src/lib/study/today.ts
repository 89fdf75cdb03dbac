import { appDb } from '$lib/data/client';
// Direct imports, not the barrels: the home page must not pull in ts-fsrs.
import { settings as store } from '$lib/data/settings.svelte';
import { getAllMarks, getAllStates, getReviewsToday, hiddenCards } from '$lib/data/reads';
import type { AppSettings, CardMarks } from '$lib/data/types';
import { loadIndex } from '$lib/data/catalog';
import type { DeckIndex } from '$lib/decks/types';
import { startOfDay } from '$lib/srs/day';
import { doneToday } from '$lib/srs/facts';
import { buildQueue, dueFacts, nextLearningDue, queueCounts, sessionOrder, type DueFacts, type Queue } from '$lib/srs/queue';
import type { CardState, ReviewRecord } from '$lib/srs/types';

export interface Today {
	index: DeckIndex;
	settings: AppSettings;
	states: Map<string, CardState>;
	marks: Map<string, CardMarks>;
	/** Suspended or buried now. */
	hidden: Set<string>;
	/** Card ids in scope, in roadmap order. */
	catalog: string[];
	queue: Queue;
	/** The order to show today's cards in. */
	order: string[];
	/** When the next learning card in scope comes due, if none is due now. */
	nextDue: number | undefined;
	/** What a session in this scope shows now: new, learning (due now or within the learn-ahead limit), review. */
	counts: ReturnType<typeof queueCounts>;
	/** The day's due counts in this scope (due now, later today, new): what home, the badge and the reminder say. */
	facts: DueFacts;
	/** New cards introduced today, in every scope. */
	newToday: number;
	/** New cards allowed beyond the daily limit today in this section. */
	extraNew: number;
	/** Today's review log (since the day started), and when all this was read. */
	logs: ReviewRecord[];
	readAt: number;
}

/** What the queue is built from, as read from the database. */
export type TodayData = Pick<Today, 'index' | 'settings' | 'states' | 'marks' | 'logs' | 'extraNew'>;

/** Loads what is due now, for every deck or for one, from the database (so other tabs' answers count). */
export async function loadToday(now: number, deck?: string): Promise<Today> {
	const db = await appDb();
	const [index, settings, states, marks] = await Promise.all([loadIndex(), store.load(), getAllStates(db), getAllMarks(db)]);
	const [logs, extraNew] = await Promise.all([
		getReviewsToday(db, now, settings.dayStartHour),
		// The session journal's module, only for a section's quiz: home reads every section and loads none of it.
		deck === undefined ? 0 : import('$lib/data/journal').then((j) => j.getExtraNew(db, deck, startOfDay(now, settings.dayStartHour)))
	]);
	return computeToday({ index, settings, states, marks, logs, extraNew }, now, deck);
}

const catalogs = new WeakMap<DeckIndex, Map<string, string[]>>();

/** The card ids in scope, in roadmap order: built once per index and scope, not on every answer. */
function catalogOf(index: DeckIndex, deck: string | undefined): string[] {
	let byScope = catalogs.get(index);
	if (!byScope) catalogs.set(index, (byScope = new Map<string, string[]>()));
	const key = deck ?? '';
	let ids = byScope.get(key);
	if (!ids) {
		const decks = deck === undefined ? index.decks : index.decks.filter((d) => d.id === deck);
		byScope.set(key, (ids = decks.flatMap((d) => d.cardIds)));
	}
	return ids;
}

/**
 * Today's queue from data already read: after an answer of its own, a
 * session updates the state it holds and builds the queue again, without
 * reading every card's state back from the database (loadToday does that
 * when something else may have changed them).
 */
export function computeToday(data: TodayData, now: number, deck?: string): Today {
	const { index, settings, states, marks, logs, extraNew } = data;
	const done = doneToday(logs, now, settings.dayStartHour);
	const catalog = catalogOf(index, deck);
	const hidden = hiddenCards(marks, now);
	const queue = buildQueue({
		catalog,
		states,
		now,
		dayStartHour: settings.dayStartHour,
		limits: settings,
		done,
		hidden,
		learnAheadMs: settings.learnAheadMinutes * 60_000,
		extraNew
	});
	return {
		index,
		settings,
		states,
		marks,
		hidden,
		catalog,
		queue,
		order: sessionOrder(queue),
		nextDue: nextLearningDue(catalog, states, now, hidden),
		counts: queueCounts(queue),
		facts: dueFacts(queue),
		newToday: done.newCards,
		extraNew,
		logs,
		readAt: now
	};
}

/** Home's figures: today's cards by kind (every learning card due today counts, not only those due this minute), due now and later today. */
export function homeCounts(facts: DueFacts): {
	fresh: number;
	learning: number;
	review: number;
	/** Everything left to study today: the headline, and the app badge. */
	total: number;
	/** Shown at once in a session: learning cards due now or within the learn-ahead limit, and reviews. */
	now: number;
	later: number;
	unstudied: number;
} {
	return {
		fresh: facts.fresh,
		learning: facts.learningNow + facts.laterToday,
		review: facts.review,
		total: facts.studyToday,
		now: facts.dueNow,
		later: facts.laterToday,
		unstudied: facts.unstudied
	};
}
