import { StoppedInWorker, type WorkerFailure } from './worker-failure';
import type { ExportedBackup } from './export';

export type ExportReply = { type: 'progress'; done: number; total: number } | { type: 'done'; backup: ExportedBackup } | WorkerFailure;

/**
 * Exports everything in a Worker, so the page stays responsive however long
 * the history: the same exportBackup, on its own connection to the database.
 * The file's Blob is built there; the page receives only a reference to it,
 * so none of the data passes through the page's heap or thread. Aborting
 * `signal` ends the worker at once and rejects with an AbortError: nothing
 * is saved.
 */
export function exportInWorker(
	appVersion: string,
	now: number,
	{ onProgress, signal }: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}
): Promise<ExportedBackup> {
	const cancelled = () => new DOMException('The export was cancelled.', 'AbortError');
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(cancelled());
		const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			finish();
			reject(cancelled());
		};
		signal?.addEventListener('abort', cancel);
		worker.onmessage = (e: MessageEvent<ExportReply>) => {
			const reply = e.data;
			if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
			else if (reply.type === 'done') {
				finish();
				resolve(reply.backup);
			} else {
				finish();
				reject(new StoppedInWorker(reply));
			}
		};
		worker.onerror = (e) => {
			finish();
			reject(new Error(e.message || 'the export could not start on this device'));
		};
		worker.postMessage({ appVersion, now });
	});
}
