// One collection, fed to every place that says how many cards are due:
// home, the session bar, the app badge, the service worker's reminder and
// the section page. Each is driven through the functions its caller uses,
// from the same database, so a place that counted its own way shows here.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appDb } from '$lib/data/client';
import type { DeckIndex } from '$lib/decks/types';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { refreshBadge } from '$lib/pwa/badge';
import { remindIfDue } from '$lib/reminder/check';
import { State } from '$lib/srs/constants';
import { memoryOf } from '$lib/srs/memory';
import { scheduler } from '$lib/srs/scheduler';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import type { ReviewRecord } from '$lib/srs/types';
import { homeCounts, loadToday } from './today';

useTimeZone('Europe/Berlin');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const MIN = 60_000;
/** The learner's day runs from 05:00 to 05:00 (not the default 04:00): 10 March 05:00 to 11 March 05:00. */
const DAY_START = 5;
const DECK = 'alpha';

/** The collection, built once the time zone is set (local times depend on it). */
function collection(NOW: number) {
	const settings = { ...DEFAULT_SETTINGS, dayStartHour: DAY_START, newPerDay: 2, reviewsPerDay: 4, learnAheadMinutes: 20 };

	const studied = [
		// Learning: due now; within the 20-minute learn-ahead; later today, past it; tomorrow (after 05:00).
		cardState({ card_id: 'l-now', state: State.Learning, due: NOW - 5 * MIN, last_review: NOW - 15 * MIN }),
		cardState({ card_id: 'l-ahead', state: State.Learning, due: NOW + 10 * MIN, last_review: NOW - MIN }),
		cardState({ card_id: 'l-later', state: State.Relearning, due: NOW + 3 * 60 * MIN, last_review: NOW - 30 * MIN }),
		cardState({ card_id: 'l-tomorrow', state: State.Learning, due: local(2026, 3, 11, 6), last_review: NOW - 60 * MIN }),
		// Introduced today (its log is below): a learning step within the learn-ahead limit.
		cardState({ card_id: 'intro', state: State.Learning, due: NOW + MIN, last_review: local(2026, 3, 10, 8) }),
		// Reviews due today: overdue, this evening, and 04:30 tomorrow, which is still today with the day starting at 05:00.
		cardState({ card_id: 'r-overdue', state: State.Review, due: local(2026, 3, 8, 12), last_review: local(2026, 3, 1) }),
		cardState({ card_id: 'r-evening', state: State.Review, due: local(2026, 3, 10, 20), last_review: local(2026, 3, 2) }),
		cardState({ card_id: 'r-night', state: State.Review, due: local(2026, 3, 11, 4, 30), last_review: local(2026, 3, 3) }),
		// Buried until this morning's day start: due again.
		cardState({ card_id: 'r-unburied', state: State.Review, due: local(2026, 3, 9, 12), last_review: local(2026, 3, 4) }),
		// Not due today: the next day starts at 05:00 sharp.
		cardState({ card_id: 'r-tomorrow', state: State.Review, due: local(2026, 3, 11, 5), last_review: local(2026, 3, 5) }),
		// Answered today as a review: one of the day's 4 reviews is used.
		cardState({ card_id: 'r-done', state: State.Review, due: local(2026, 3, 20), last_review: local(2026, 3, 10, 7) }),
		// Hidden: suspended, and buried until tomorrow.
		cardState({ card_id: 'r-suspended', state: State.Review, due: local(2026, 3, 9), last_review: local(2026, 3, 1) }),
		cardState({ card_id: 'l-buried', state: State.Learning, due: NOW - MIN, last_review: NOW - 11 * MIN })
	];
	/** Never answered: no stored state. */
	const fresh = ['n1', 'n2', 'n3', 'n4'];
	/** Forgotten today: a new card again, with a state. */
	const forgotten = cardState({ card_id: 'forgotten', state: State.New, due: local(2026, 3, 10, 6), last_review: local(2026, 3, 10, 6) });

	const marks = [
		{ card_id: 'r-suspended', suspended: true, buried_until: null, flagged: false, leech: false },
		{ card_id: 'l-buried', suspended: false, buried_until: local(2026, 3, 11, 5), flagged: false, leech: false },
		{ card_id: 'r-unburied', suspended: false, buried_until: local(2026, 3, 10, 5), flagged: false, leech: false }
	];

	const log = (id: string, card_id: string, at: number, rating: number, state: number) =>
		({ id, card_id, review: at, rating, state }) as unknown as ReviewRecord;
	const logs = [
		// Today: a new card introduced, a review answered, a forget (neither).
		log('1', 'intro', local(2026, 3, 10, 8), 3, State.New),
		log('2', 'r-done', local(2026, 3, 10, 7), 3, State.Review),
		log('3', 'forgotten', local(2026, 3, 10, 6), 0, State.Review),
		// Before today's 05:00 start, so yesterday's: they use up nothing today.
		log('4', 'r-tomorrow', local(2026, 3, 10, 4, 30), 3, State.Review),
		log('5', 'l-tomorrow', local(2026, 3, 10, 4, 45), 3, State.New)
	];

	const index = {
		decks: [{ id: DECK, title: 'Alpha', group: 'internet', prerequisites: [], cardIds: [...studied.map((s) => s.card_id), forgotten.card_id, ...fresh] }]
	} as unknown as DeckIndex;
	return { settings, studied, forgotten, marks, logs, index };
}

let badgeCalls: (number | 'clear')[] = [];
/** Set once the time zone is: 10 March, 09:30 in Berlin. */
let NOW = 0;
let index: DeckIndex;

beforeAll(async () => {
	NOW = local(2026, 3, 10, 9, 30);
	const { settings, studied, forgotten, marks, logs, index: decks } = collection(NOW);
	index = decks;
	// Only Date: fake-indexeddb's own timers run as usual.
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	vi.stubGlobal('fetch', (url: string) =>
		Promise.resolve(url === '/decks/index.json' ? new Response(JSON.stringify(index)) : new Response('not found', { status: 404 }))
	);
	vi.stubGlobal('navigator', {
		setAppBadge: (n?: number) => Promise.resolve(void badgeCalls.push(n ?? 0)),
		clearAppBadge: () => Promise.resolve(void badgeCalls.push('clear'))
	});
	const db = await appDb();
	await db.put('settings', settings, 'user');
	await db.put('meta', { on: true, time: '09:00' }, 'reminder');
	for (const s of [...studied, forgotten]) await db.put('cards', s);
	for (const m of marks) await db.put('marks', m);
	for (const l of logs) await db.put('reviews', l);
});

afterAll(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** Every caller's figures, each read the way its page or worker reads them. */
async function everyCaller() {
	// Home: loadToday for every deck, then homeCounts (src/routes/+page.svelte).
	const home = homeCounts((await loadToday(NOW)).facts);
	// The session bar: the review session's today.counts (session-flow's refresh and #use).
	const bar = (await loadToday(NOW)).counts;
	// The badge: what refreshBadge puts on the icon (the layout and the end of a session call it; home sets the same number).
	badgeCalls = [];
	await refreshBadge();
	const badge = badgeCalls.at(-1);
	// The reminder: the service worker's periodic check, from the raw database.
	const shown: string[] = [];
	const registration = {
		showNotification: (_title: string, options?: NotificationOptions) => Promise.resolve(void shown.push(options?.body ?? ''))
	} as unknown as ServiceWorkerRegistration;
	const decision = await remindIfDue({ registration, now: NOW, icon: '/icons/icon-192.png' });
	const reminder = decision.show ? Number(/^(\d+) cards? due$/.exec(decision.body)?.[1]) : 0;
	// The section page: its quiz tiles and "later today" (loadToday for the section), its memory figures (memoryOf).
	const t = await loadToday(NOW, DECK);
	const section = {
		quiz: t.counts,
		laterToday: t.queue.laterToday,
		memory: memoryOf(index.decks[0]!.cardIds, t.states, NOW, scheduler(t.settings))
	};
	return { home, bar, badge, reminder, shown, section };
}

describe('every place that counts due cards agrees on one collection', () => {
	it('home, the session bar, the badge, the reminder and the section page give the same counts', async () => {
		const { home, bar, badge, reminder, shown, section } = await everyCaller();

		// The definition, worked out by hand. Learning now: l-now (l-buried is hidden); within learn-ahead: l-ahead and
		// intro; later today: l-later. Reviews due today: r-overdue, r-evening, r-night, r-unburied (4), of which the
		// day's limit of 4 leaves 3 (r-done used one; the 04:30 answer was yesterday's). New: 2 a day, 1 introduced
		// today (the forget introduces nothing), so 1 of the 5 unstudied (n1–n4 and the forgotten card).
		expect(bar).toEqual({ fresh: 1, learning: 3, review: 3, total: 7 });
		expect(home).toEqual({ fresh: 1, learning: 4, review: 3, total: 8, now: 6, later: 1, unstudied: 5 });

		// Due now on home is what the session shows at once besides new cards.
		expect(home.now).toBe(bar.learning + bar.review);
		expect(home.fresh).toBe(bar.fresh);
		expect(home.review).toBe(bar.review);
		expect(home.learning).toBe(bar.learning + home.later);
		// The reminder: due now and later today, new cards not "due".
		expect(shown).toEqual(['7 cards due']);
		expect(reminder).toBe(home.now + home.later);
		// The badge: home's headline, the reminder's count and today's new cards.
		expect(badge).toBe(home.total);
		expect(badge).toBe(reminder + home.fresh);
		// The section page (this deck holds every card): its quiz is the session's, its "later today" home's.
		expect(section.quiz).toEqual(bar);
		expect(section.laterToday).toBe(home.later);
		// Studied on the section page is what the queue does not count as new (hidden cards aside: none of them is new).
		expect(section.memory.total - section.memory.introduced).toBe(home.unstudied);
	});
});
