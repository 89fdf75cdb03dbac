import type { AppSettings } from '$lib/data/types';
import type { TrainReply, TrainRequest } from './train.worker';
import type { WorkloadPoint } from './workload';

export type TrainResult = Extract<TrainReply, { type: 'done' }>;
export type TrainProgress = Extract<TrainReply, { type: 'progress' }>;

/** Answers needed before training: with fewer, the fit follows chance more than the learner's memory. */
export const MIN_ANSWERS = 400;

/**
 * Sends one request to a fresh optimizer Worker and settles with its final
 * reply (progress replies go to `onProgress`); `cancel` terminates it at once.
 */
function ask<T>(
	request: TrainRequest,
	name: string,
	finish: (r: Exclude<TrainReply, TrainProgress>) => T | Error,
	onProgress?: (p: TrainProgress) => void
): { result: Promise<T>; cancel: () => void } {
	const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name });
	let reject: (e: Error) => void = () => undefined;
	const result = new Promise<T>((resolve, rej) => {
		reject = rej;
		worker.onmessage = (e: MessageEvent<TrainReply>) => {
			const r = e.data;
			if (r.type === 'progress') return onProgress?.(r);
			worker.terminate();
			const out = r.type === 'failed' ? new Error(r.message) : finish(r);
			if (out instanceof Error) rej(out);
			else resolve(out);
		};
		worker.onerror = (e) => {
			worker.terminate();
			rej(new Error(e.message || 'the optimizer could not start on this device'));
		};
	});
	worker.postMessage(request);
	return {
		result,
		cancel: () => {
			worker.terminate();
			reject(new DOMException('Training was cancelled.', 'AbortError'));
		}
	};
}

/**
 * Starts training in a Worker. `result` settles with the new parameters and
 * both fits; `cancel` stops it at once (the worker is terminated).
 */
export function train(settings: AppSettings, onProgress: (p: TrainProgress) => void): { result: Promise<TrainResult>; cancel: () => void } {
	return ask({ type: 'train', settings }, 'optimizer', (r) => (r.type === 'done' ? r : new Error('unexpected reply')), onProgress);
}

/** Simulates the workload at each desired retention in a Worker (the collection's cards, a year of days). */
export function estimateWorkload(unstudied: number, settings: AppSettings): Promise<WorkloadPoint[]> {
	return ask({ type: 'workload', unstudied, settings }, 'workload', (r) => (r.type === 'workload' ? r.points : new Error('unexpected reply'))).result;
}
