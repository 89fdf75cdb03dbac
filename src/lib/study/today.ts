import { appDb } from '$lib/db/client';
// Direct imports, not the barrels: the home page must not pull in ts-fsrs.
import { getAllStates, getReviewsToday, getSettings } from '$lib/db/queries';
import type { AppSettings } from '$lib/db/settings';
import { loadIndex } from '$lib/decks/client';
import type { DeckIndex } from '$lib/decks/types';
import { buildQueue, doneToday, nextLearningDue, sessionOrder, type Queue } from '$lib/srs/queue';
import type { CardState } from '$lib/srs/types';

export interface Today {
	index: DeckIndex;
	settings: AppSettings;
	states: Map<string, CardState>;
	/** Card ids in scope, in roadmap order. */
	catalog: string[];
	queue: Queue;
	/** The order to show today's cards in. */
	order: string[];
	/** When the next learning card in scope comes due, if none is due now. */
	nextDue: number | undefined;
}

/** Loads what is due now, for every deck or for one. */
export async function loadToday(now: number, deck?: string): Promise<Today> {
	const db = await appDb();
	const [index, settings, states] = await Promise.all([loadIndex(), getSettings(db), getAllStates(db)]);
	const logs = await getReviewsToday(db, now, settings.dayStartHour);
	const decks = deck === undefined ? index.decks : index.decks.filter((d) => d.id === deck);
	const catalog = decks.flatMap((d) => d.cardIds);
	const queue = buildQueue({
		catalog,
		states,
		now,
		dayStartHour: settings.dayStartHour,
		limits: settings,
		done: doneToday(logs, now, settings.dayStartHour)
	});
	return { index, settings, states, catalog, queue, order: sessionOrder(queue, states), nextDue: nextLearningDue(catalog, states, now) };
}
