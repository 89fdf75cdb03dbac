import type { ImportMode, ImportOutcome, ImportProgress } from './import';

export type ImportReply =
	{ type: 'progress'; progress: ImportProgress } | { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; name: string; message: string };

/** A write that failed in the worker, with the name the browser gave it (QuotaExceededError, …). */
export class ImportStopped extends Error {
	constructor(name: string, message: string) {
		super(message);
		this.name = name;
	}
}

/**
 * Imports a backup in a Worker, so the page stays responsive however large
 * the file: the same importBackupFile, on its own connection to the database.
 */
export function importInWorker(file: Blob, mode: ImportMode, now: number, onProgress?: (p: ImportProgress) => void): Promise<ImportOutcome> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
		const finish = () => worker.terminate();
		worker.onmessage = (e: MessageEvent<ImportReply>) => {
			const reply = e.data;
			if (reply.type === 'progress') onProgress?.(reply.progress);
			else if (reply.type === 'done') {
				finish();
				resolve(reply.outcome);
			} else {
				finish();
				reject(new ImportStopped(reply.name, reply.message));
			}
		};
		worker.onerror = (e) => {
			finish();
			reject(new Error(e.message || 'the import could not start on this device'));
		};
		worker.postMessage({ file, mode, now });
	});
}
