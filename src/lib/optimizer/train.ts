import type { TrainReply } from './train.worker';
import type { WorkloadPoint } from './workload';

export type TrainResult = Extract<TrainReply, { type: 'done' }>;
export type TrainProgress = Extract<TrainReply, { type: 'progress' }>;

/** Answers needed before training: with fewer, the fit follows chance more than the learner's memory. */
export const MIN_ANSWERS = 400;

/**
 * Starts training in a Worker. `result` settles with the new parameters and
 * both fits; `cancel` stops it at once (the worker is terminated).
 */
export function train(onProgress: (p: TrainProgress) => void): { result: Promise<TrainResult>; cancel: () => void } {
	const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'optimizer' });
	let reject: (e: Error) => void = () => undefined;
	const result = new Promise<TrainResult>((resolve, rej) => {
		reject = rej;
		worker.onmessage = (e: MessageEvent<TrainReply>) => {
			const r = e.data;
			if (r.type === 'progress') onProgress(r);
			else {
				worker.terminate();
				if (r.type === 'done') resolve(r);
				else rej(new Error(r.type === 'failed' ? r.message : 'unexpected reply'));
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			rej(new Error(e.message || 'the optimizer could not start on this device'));
		};
	});
	worker.postMessage({ type: 'train' });
	return {
		result,
		cancel: () => {
			worker.terminate();
			reject(new DOMException('Training was cancelled.', 'AbortError'));
		}
	};
}

/** Simulates the workload at each desired retention in a Worker (the collection's cards, a year of days). */
export function estimateWorkload(unstudied: number): Promise<WorkloadPoint[]> {
	const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'workload' });
	return new Promise<WorkloadPoint[]>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<TrainReply>) => {
			const r = e.data;
			if (r.type === 'progress') return;
			worker.terminate();
			if (r.type === 'workload') resolve(r.points);
			else reject(new Error(r.type === 'failed' ? r.message : 'unexpected reply'));
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message || 'the simulation could not start on this device'));
		};
		worker.postMessage({ type: 'workload', unstudied });
	});
}
