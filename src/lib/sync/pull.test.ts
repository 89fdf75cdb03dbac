import { describe, expect, it } from 'vitest';
import { setMarks } from '$lib/data/answers';
import type { RecallDatabase } from '$lib/db/open';
import { Rating, replay, type ReviewRecord } from '$lib/srs';
import { syncNow } from './engine';
import { describeFindings } from './findings';
import type { SyncProgress } from './progress';
import { getSyncStatus, startSync, stopSync } from './state';
import { answer, f, MIN, NOW, options, review, snapshot, urlOf, useCouch } from './test-helpers';

const { device, putOnServer, config } = useCouch();
const asDocs = (reviews: ReviewRecord[]) => reviews.map((r) => ({ _id: `review:${r.id}`, type: 'review', data: r }));

/** A device with 240 answers on 40 cards given before sync was set up (its first sync uploads them). */
async function laptopWithAnswers(): Promise<RecallDatabase> {
	const laptop = await device('laptop');
	await stopSync(laptop);
	for (let i = 0; i < 240; i++) await answer(laptop, `deck-${i % 40}`, i % 5 === 0 ? Rating.Again : Rating.Good, NOW - 5000 * MIN + i * 17 * MIN);
	await startSync(laptop, config(), NOW);
	return laptop;
}

/** A laptop with 240 answers on 40 cards and a mark, all on the server. */
async function laptopOnServer(): Promise<void> {
	const laptop = await laptopWithAnswers();
	await setMarks(laptop, 'deck-3', { flagged: true }, NOW);
	expect(await syncNow(laptop, options)).toMatchObject({ ok: true });
}

/** Requests to _changes (with documents or not) counted, and the answers fetched by _all_docs. */
function counting() {
	const seen = { withDocs: 0, idsOnly: 0, answersFetched: 0 };
	const fetch: typeof globalThis.fetch = (input, init) => {
		const url = urlOf(input);
		if (url.includes('/_changes')) seen[url.includes('include_docs=true') ? 'withDocs' : 'idsOnly']++;
		if (url.includes('/_all_docs'))
			seen.answersFetched += (JSON.parse(init?.body as string) as { keys: string[] }).keys.filter((k) => k.startsWith('review:')).length;
		return globalThis.fetch(input, init);
	};
	return { seen, fetch };
}

// Each test answers or pulls a few hundred answers through fake-indexeddb: seconds on a busy machine.
describe('the pull', { timeout: 20_000 }, () => {
	it('an answer dated 2200 and answers for cards in no deck are kept, schedule nothing, and the Sync section names them', async () => {
		const phone = await device('phone');
		await syncNow(phone, options);
		const fine = review('fine', 'http-a', NOW - 60 * MIN);
		const future = review('from-2200', 'http-a', Date.UTC(2200, 0, 1));
		await putOnServer(asDocs([fine, future, review('new-1', 'newer-deck-1', NOW - 50 * MIN), review('new-2', 'newer-deck-1', NOW - 40 * MIN)]));
		const known = (id: string) => !id.startsWith('newer-deck');
		expect(await syncNow(phone, { ...options, known, now: () => NOW })).toMatchObject({ ok: true, received: 4 });

		// All four are kept, in the log and on the server.
		expect((await phone.getAllKeys('reviews')).sort()).toEqual(['fine', 'from-2200', 'new-1', 'new-2']);
		// The card is scheduled from its plausible answer alone: the year 2200 does not move its due date.
		const card = await phone.get('cards', 'http-a');
		expect(card).toEqual(replay(f, 'http-a', [fine]));
		expect(card?.due).toBeLessThan(Date.UTC(2030, 0, 1));
		// No state for a card this version does not have.
		expect(await phone.get('cards', 'newer-deck-1')).toBeUndefined();
		await snapshot(phone);

		const status = await getSyncStatus(phone);
		expect(status.oddTimes).toEqual({ count: 1, first: [{ id: 'from-2200', card_id: 'http-a', review: Date.UTC(2200, 0, 1) }] });
		expect(status.unknownCards).toEqual({ answers: 2, cards: 1, first: ['newer-deck-1'] });
		expect(describeFindings(status)).toEqual([
			"1 answer is dated in the future or before 2020 (a device's clock was wrong): kept, not used to schedule.",
			'2 answers for 1 card this version does not have: kept for a newer version.'
		]);

		// Later syncs add to what earlier ones found.
		await putOnServer(
			asDocs([review('new-3', 'newer-deck-1', NOW - 30 * MIN), review('new-4', 'newer-deck-2', NOW - 20 * MIN), review('old', 'http-b', Date.UTC(2019, 5, 1))])
		);
		expect(await syncNow(phone, { ...options, known, now: () => NOW })).toMatchObject({ ok: true, received: 3 });
		const later = await getSyncStatus(phone);
		expect(later.unknownCards).toEqual({ answers: 4, cards: 2, first: ['newer-deck-1', 'newer-deck-2'] });
		expect(later.oddTimes?.count).toBe(2);
		expect(await phone.get('cards', 'http-b')).toBeUndefined();
		expect(describeFindings(later)).toEqual([
			"2 answers are dated in the future or before 2020 (a device's clock was wrong): kept, not used to schedule.",
			'4 answers for 2 cards this version does not have: kept for a newer version.'
		]);
	});

	it('a first sync cancelled part-way, then run again, ends with every answer once and the states of one never cancelled', async () => {
		await laptopOnServer();
		const small = { ...options, changesPage: 40 };
		const whole = await device('whole');
		const reports: SyncProgress[] = [];
		expect(await syncNow(whole, { ...small, onProgress: (p) => reports.push(p) })).toMatchObject({ ok: true, received: 241 });
		// The pull counted up to its total, which it knew from the start (the server's document count).
		const pulls = reports.filter((p) => p.phase === 'pull');
		expect(pulls.length).toBeGreaterThan(5);
		expect(pulls.every((p) => p.total !== undefined && p.total >= p.done)).toBe(true);
		expect(pulls[0]?.total).toBeGreaterThanOrEqual(242);
		expect(pulls.at(-1)).toMatchObject({ done: pulls.at(-1)?.total });
		// Then the 40 cards it touched were brought up to date, once each.
		expect(reports.filter((p) => p.phase === 'schedule')).toMatchObject([{ done: 40, total: 40 }]);
		expect(reports.findIndex((p) => p.phase === 'schedule')).toBeGreaterThan(reports.lastIndexOf(pulls.at(-1)!));

		const phone = await device('phone');
		const stop = new AbortController();
		const cancelled = await syncNow(phone, {
			...small,
			signal: stop.signal,
			onProgress: (p) => {
				if (p.phase === 'pull' && p.done >= 80) stop.abort();
			}
		});
		expect(cancelled).toMatchObject({ ok: true, cancelled: true });
		const received = cancelled.ok && 'received' in cancelled ? cancelled.received : 0;
		expect(received).toBeGreaterThan(40);
		expect(received).toBeLessThan(100);
		// What arrived before Cancel is scheduled already: each card it touched, from the answers here.
		const here = await phone.getAll('reviews');
		// The laptop's first upload sent its mark before its answers: the mark is among what arrived.
		expect(await phone.get('marks', 'deck-3')).toMatchObject({ flagged: true });
		expect(here).toHaveLength(received - 1);
		for (const id of new Set(here.map((r) => r.card_id)))
			expect(await phone.get('cards', id)).toEqual(
				replay(
					f,
					id,
					here.filter((r) => r.card_id === id)
				)
			);
		await snapshot(phone);

		// The next sync carries on where the cancelled one stopped.
		expect(await syncNow(phone, small)).toMatchObject({ ok: true, received: 241 - received });
		expect(await snapshot(phone)).toEqual(await snapshot(whole));
	});

	it('a page comes with its documents; answers already here come back as ids only', async () => {
		const small = { ...options, changesPage: 40 };
		const laptop = await laptopWithAnswers();
		// The first upload, then the pull of the same answers: the feed is mostly what was just sent, so ids only from
		// the start, in pages five times as long.
		const up = counting();
		expect(await syncNow(laptop, { ...small, fetch: up.fetch })).toMatchObject({ ok: true, sent: 241, received: 0 });
		expect(up.seen).toMatchObject({ withDocs: 0, idsOnly: 2, answersFetched: 0 });

		// A new device: every page with its documents, nothing fetched besides.
		const phone = await device('phone');
		const down = counting();
		expect(await syncNow(phone, { ...small, fetch: down.fetch })).toMatchObject({ ok: true, received: 240 });
		expect(down.seen).toMatchObject({ idsOnly: 0, answersFetched: 0 });
		expect(down.seen.withDocs).toBe(7);
		expect((await snapshot(phone)).cards).toEqual((await snapshot(laptop)).cards);

		// The same feed read again from the start, with nothing sent before (a position lost): after the pages read
		// ahead with their documents, most answers turn out to be here, and the rest come as ids only.
		await phone.put('meta', 0, 'sync-since');
		const again = counting();
		expect(await syncNow(phone, { ...small, fetch: again.fetch })).toMatchObject({ ok: true, received: 0 });
		expect(again.seen).toMatchObject({ withDocs: 2, idsOnly: 1, answersFetched: 0 });
		expect((await snapshot(phone)).cards).toEqual((await snapshot(laptop)).cards);
	});
});
