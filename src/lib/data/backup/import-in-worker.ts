import { StoppedInWorker, type WorkerFailure } from './worker-failure';
import type { ImportMode, ImportOutcome, ImportProgress } from './import';

/** What the page sends: an import to start, or a cancel of the one running. */
export type ImportRequest = { type: 'start'; file: Blob; mode: ImportMode; now: number; known?: string[] } | { type: 'cancel' };

export type ImportReply = { type: 'progress'; progress: ImportProgress } | { type: 'done'; outcome: ImportOutcome } | WorkerFailure;

export interface RunningImport {
	outcome: Promise<ImportOutcome>;
	/** Stops it between batches: what was added stays, and the outcome says what that is. */
	cancel(): void;
}

/**
 * Imports a backup in a Worker, so the page stays responsive however large
 * the file: the same importBackupFile, on its own connection to the database.
 * `known` are the card ids of this version's decks (answers to others are
 * kept, and make no card state).
 */
export function importInWorker(file: Blob, mode: ImportMode, now: number, onProgress?: (p: ImportProgress) => void, known?: readonly string[]): RunningImport {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
	const send = (request: ImportRequest) => worker.postMessage(request);
	const outcome = new Promise<ImportOutcome>((resolve, reject) => {
		const finish = () => worker.terminate();
		worker.onmessage = (e: MessageEvent<ImportReply>) => {
			const reply = e.data;
			if (reply.type === 'progress') onProgress?.(reply.progress);
			else if (reply.type === 'done') {
				finish();
				resolve(reply.outcome);
			} else {
				finish();
				reject(new StoppedInWorker(reply));
			}
		};
		worker.onerror = (e) => {
			finish();
			reject(new Error(e.message || 'the import could not start on this device'));
		};
	});
	send({ type: 'start', file, mode, now, known: known ? [...known] : undefined });
	return { outcome, cancel: () => send({ type: 'cancel' }) };
}
