import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUCKET_MS, emptyCounts } from '$lib/db/aggregates';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { useTimeZone } from '$lib/srs/test-helpers';
import { loadProgress } from './progress';

useTimeZone('Europe/Berlin');
const DAY = 86_400_000;
// Noon in Berlin, a day start of 4:00.
const NOW = Date.UTC(2026, 10, 21, 11);
let db: RecallDatabase;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});

/** One answer of `ms` on each of the given days back from today (0 = today), at 10:00 UTC. */
async function answeredOn(daysBack: number[], ms = 5000, again = 0): Promise<void> {
	for (const d of daysBack) {
		const t = Math.floor((NOW - d * DAY - BUCKET_MS * 4) / BUCKET_MS);
		await db.put('buckets', { ...emptyCounts(), t, answers: 1, timeMs: ms, reviewAnswers: 1, reviewAgain: again });
	}
}

describe("the home page's streak and pace", () => {
	it('counts a streak longer than the weeks it reads first', async () => {
		await answeredOn(Array.from({ length: 150 }, (_, i) => i));
		await answeredOn([152]);
		const p = await loadProgress(db, NOW, 4);
		expect(p.streak).toBe(150);
	});

	it('stops at the first day without an answer, and is alive before today’s first answer', async () => {
		await answeredOn([1, 2, 3, 5, 6]);
		expect((await loadProgress(db, NOW, 4)).streak).toBe(3);
	});

	it('is 0 with no answers, and the pace is unknown', async () => {
		const p = await loadProgress(db, NOW, 4);
		expect(p.streak).toBe(0);
		expect(p.recent.answers).toBe(0);
	});

	it('takes the pace from the last 30 days only', async () => {
		await answeredOn([0, 10, 29], 6000, 1);
		await answeredOn([30, 40], 60_000);
		const p = await loadProgress(db, NOW, 4);
		expect(p.recent.answers).toBe(3);
		expect(p.recent.timeMs).toBe(18_000);
		expect(p.recent.reviewAgain).toBe(3);
	});
});
