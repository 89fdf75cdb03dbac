/// <reference lib="webworker" />
// Trains the learner's own FSRS parameters, off the page's thread: reads the
// review log a page at a time, turns it into the optimizer's items, trains
// with fsrs-browser (fsrs-rs compiled to WebAssembly, single-threaded: no
// SharedArrayBuffer, so no cross-origin isolation needed) and scores the
// parameters in use and the new ones on the same answers. The WebAssembly
// is fetched only when this worker starts, and precached for offline use.
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { default_w } from 'ts-fsrs';
import { openRecallDB } from '$lib/data/open';
import type { AppSettings } from '$lib/data/types';
import { isParameterSet } from '$lib/srs/bounds';
import { Rating } from '$lib/srs/constants';
import type { ReviewRecord } from '$lib/srs/types';
import { flatItems, optimizerItems } from './items';
import { evaluate, type Fit } from './metrics';
import { simulateWorkload, type WorkloadPoint } from './workload';

declare const self: DedicatedWorkerGlobalScope;

export type TrainReply =
	| { type: 'progress'; phase: 'reading' | 'training' | 'scoring'; done?: number; total?: number }
	| { type: 'done'; w: number[]; current: Fit | undefined; trained: Fit | undefined; answers: number; items: number; ms: number }
	| { type: 'workload'; points: WorkloadPoint[] }
	| { type: 'failed'; message: string };

/** Each request carries the settings in force (a snapshot from the page's settings store), so the worker never reads its own copy. */
export type TrainRequest = { type: 'train'; settings: AppSettings } | { type: 'workload'; unstudied: number; settings: AppSettings };

const post = (reply: TrainReply) => self.postMessage(reply);
const PAGE = 5000;

self.onmessage = async (e: MessageEvent<TrainRequest>) => {
	if (e.data.type === 'workload') return workload(e.data.unstudied, e.data.settings);
	const { settings } = e.data;
	try {
		const db = await openRecallDB({ onBlocking: () => undefined });
		const total = await db.count('reviews');
		// Only what the optimizer needs of each answer, to keep a million of them small.
		const logs: ReviewRecord[] = [];
		let after: string | undefined;
		for (;;) {
			const page = await db.getAll('reviews', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PAGE);
			for (const r of page) logs.push({ id: r.id, card_id: r.card_id, rating: r.rating, review: r.review } as ReviewRecord);
			post({ type: 'progress', phase: 'reading', done: logs.length, total });
			if (page.length < PAGE) break;
			after = page[page.length - 1]!.id;
		}
		db.close();
		const items = optimizerItems(logs, settings.dayStartHour);
		post({ type: 'progress', phase: 'training' });
		await init({ module_or_path: wasmUrl });
		const t0 = performance.now();
		const flat = flatItems(items);
		// The scheduler uses short-term (same-day) steps, so the parameters are trained with them too.
		const w = Array.from(new Fsrs().computeParameters(flat.ratings, flat.deltaTs, flat.lengths, undefined, true));
		const ms = performance.now() - t0;
		post({ type: 'progress', phase: 'scoring' });
		const inUse = isParameterSet(settings.w) ? settings.w : [...default_w];
		post({
			type: 'done',
			w,
			current: evaluate(inUse, items),
			trained: evaluate(w, items),
			answers: logs.filter((l) => l.rating !== Rating.Manual).length,
			items: items.length,
			ms
		});
	} catch (e) {
		post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
	}
};

/** Reviews a day over the next year at each desired retention, with the parameters in use. */
async function workload(unstudied: number, settings: AppSettings): Promise<void> {
	try {
		const db = await openRecallDB({ onBlocking: () => undefined });
		const states = await db.getAll('cards');
		db.close();
		const w = isParameterSet(settings.w) ? settings.w : null;
		post({ type: 'workload', points: simulateWorkload({ w, states, unstudied, newPerDay: settings.newPerDay, now: Date.now() }) });
	} catch (e) {
		post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
	}
}
