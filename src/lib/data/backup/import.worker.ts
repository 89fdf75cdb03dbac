/// <reference lib="webworker" />
// Runs an import off the page's thread: checking a million lines and writing
// them never freezes the page, whose only work is to show the progress.
import { scheduler } from '$lib/srs';
import { openRecallDB } from '$lib/db/open';
import { importBackupFile, type ImportMode } from './import';
import type { ImportReply } from './import-in-worker';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: ImportReply) => self.postMessage(reply);

self.onmessage = async (e: MessageEvent<{ file: Blob; mode: ImportMode; now: number }>) => {
	const { file, mode, now } = e.data;
	try {
		const db = await openRecallDB({ onBlocking: () => undefined });
		try {
			const outcome = await importBackupFile(db, file, { mode, now, schedulerFor: scheduler, onProgress: (progress) => post({ type: 'progress', progress }) });
			post({ type: 'done', outcome });
		} finally {
			db.close();
		}
	} catch (error) {
		post({
			type: 'failed',
			name: error instanceof Error || error instanceof DOMException ? error.name : 'Error',
			message: error instanceof Error ? error.message : String(error)
		});
	}
};
