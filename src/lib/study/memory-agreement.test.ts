// One collection, fed to every place that says what the learner knows: the
// map's tiles, a section's page, readiness (today and on its date) and Stats
// (its per-section table and its headline). Each is driven through what its page calls, from the same
// database, so a place that computed "known" or "recall" its own way shows
// here. The map's "N due · M new" is checked against the section's queue.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appDb } from '$lib/data/client';
import { getAllMarks, getAllStates, getRecentPractice } from '$lib/data/queries';
import { readBuckets, readCardTotals } from '$lib/data/totals';
import type { DeckIndex } from '$lib/decks/types';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { State } from '$lib/srs/constants';
import { memoryOf, sumMemory, type Memory } from '$lib/srs/memory';
import { scheduler } from '$lib/srs/scheduler';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import { buildStats } from '$lib/stats/model';
import { loadMap } from './map';
import { loadReadiness } from './readiness';
import { loadToday } from './today';

useTimeZone('Europe/Berlin');

const DAY = 86_400_000;
const MIN = 60_000;
let NOW = 0;
let index: DeckIndex;

/** Three sections: one well studied, one barely started (recall high, little known), one not started. */
function collection() {
	const review = (card_id: string, daysAgo: number, stability: number, dueIn: number) =>
		cardState({ card_id, state: State.Review, stability, last_review: NOW - daysAgo * DAY, due: NOW + dueIn * DAY, scheduled_days: Math.round(stability) });
	const states = [
		review('a1', 10, 10, -1), // overdue: due today
		review('a2', 2, 30, 20),
		review('a3', 5, 25, 0), // due today
		cardState({ card_id: 'a4', state: State.Learning, due: NOW + 30 * MIN, last_review: NOW - 10 * MIN }), // a step later today
		review('b1', 1, 40, 30) // one card of ten: recall near 100%, known 10%
	];
	const decks = [
		{ id: 'alpha', title: 'Alpha', group: 'internet', prerequisites: [], cardIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] },
		{ id: 'beta', title: 'Beta', group: 'internet', prerequisites: [], cardIds: ['b1', ...Array.from({ length: 9 }, (_, i) => `b${i + 2}`)] },
		{ id: 'gamma', title: 'Gamma', group: 'internet', prerequisites: [], cardIds: ['g1', 'g2'] }
	];
	// a6 is suspended: not new on the map, though still a card of the section.
	const marks = [{ card_id: 'a6', suspended: true, buried_until: null, flagged: false, leech: false }];
	return { states, marks, index: { decks } as unknown as DeckIndex };
}

beforeAll(async () => {
	NOW = new Date(2026, 2, 10, 12).getTime();
	const c = collection();
	index = c.index;
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	vi.stubGlobal('fetch', (url: string) =>
		Promise.resolve(url === '/decks/index.json' ? new Response(JSON.stringify(index)) : new Response('not found', { status: 404 }))
	);
	const db = await appDb();
	await db.put('settings', DEFAULT_SETTINGS, 'user');
	for (const s of c.states) await db.put('cards', s);
	for (const m of c.marks) await db.put('marks', m);
});

afterAll(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** A Memory's own figures, without the fields a page adds. */
const figures = (m: Memory): Memory => ({ total: m.total, introduced: m.introduced, mastered: m.mastered, known: m.known, recall: m.recall });

describe('every place that says what the learner knows agrees on one collection', () => {
	it('the map, the section page, readiness and Stats give each section the same known, recall of studied cards, introduced and mastered', async () => {
		const map = await loadMap(NOW);
		// Readiness: what src/routes/readiness/+page.svelte reads, for a date a week ahead.
		const ready = await loadReadiness('2026-03-17', NOW);

		// Stats: what src/routes/stats/+page.svelte reads, through buildStats.
		const db = await appDb();
		const [buckets, states, marks, totals, practice] = await Promise.all([
			readBuckets(db, NOW - 366 * DAY),
			getAllStates(db),
			getAllMarks(db),
			readCardTotals(db),
			getRecentPractice(db, NOW - 31 * DAY)
		]);
		const stats = buildStats(
			{ dayStartHour: DEFAULT_SETTINGS.dayStartHour, buckets, streak: 0, states, marks, totals, decks: index.decks, practice },
			NOW,
			scheduler(DEFAULT_SETTINGS)
		);

		for (const deck of index.decks) {
			// The section page: memoryOf over its quiz's catalog (src/routes/sections/[id]/+page.svelte).
			const t = await loadToday(NOW, deck.id);
			const page = memoryOf(t.catalog, t.states, NOW, scheduler(t.settings));
			const tile = map.tiles.get(deck.id)!;
			const row = stats.sections.find((r) => r.id === deck.id)!;
			expect(figures(tile.memory)).toEqual(page);
			expect(figures(row)).toEqual(page);
			// Readiness today is the same figures; on its date, the same function at that moment.
			expect(figures(ready.now.find((r) => r.id === deck.id)!.memory)).toEqual(page);
			expect(figures(ready.then.find((r) => r.id === deck.id)!.memory)).toEqual(memoryOf(t.catalog, t.states, ready.at, scheduler(t.settings)));
			// "N due · M new" on the tile: what the section's queue counts due today and never studied (no limit binds here).
			expect(tile.today).toEqual({ due: t.facts.dueToday, unstudied: t.facts.unstudied });
		}

		const alpha = map.tiles.get('alpha')!;
		expect(alpha.memory).toMatchObject({ total: 6, introduced: 4 });
		expect(alpha.today).toEqual({ due: 3, unstudied: 1 });
		// A barely started section: its studied card is fresh in memory, yet one card of ten is little known.
		const beta = map.tiles.get('beta')!.memory;
		expect(beta.recall).toBeGreaterThan(0.95);
		expect(beta.known / beta.total).toBeLessThan(0.11);
		// The headline on Stats is the tiles added up.
		const all = sumMemory([...map.tiles.values()].map((t) => t.memory));
		expect(stats.knowledge).toEqual(all);
		expect(ready.overallNow).toEqual(all);
		// Alpha's only new card is a5 (a6 is suspended): it is still the next section in roadmap order.
		expect(map.next).toBe('alpha');
	});
});
