/// <reference lib="webworker" />
// Runs an import off the page's thread: checking a million lines and writing
// them never freezes the page, whose only work is to show the progress.
import { scheduler } from '$lib/srs';
import { openRecallDB } from '$lib/db/open';
import { importBackupFile } from './import';
import { failureOf } from './worker-failure';
import type { ImportReply, ImportRequest } from './import-in-worker';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: ImportReply) => self.postMessage(reply);
const stop = new AbortController();

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
	const request = e.data;
	if (request.type === 'cancel') {
		stop.abort();
		return;
	}
	const { file, mode, now, known } = request;
	const decks = known ? new Set(known) : undefined;
	try {
		const db = await openRecallDB({ onBlocking: () => undefined });
		try {
			const outcome = await importBackupFile(db, file, {
				mode,
				now,
				schedulerFor: scheduler,
				onProgress: (progress) => post({ type: 'progress', progress }),
				known: decks && ((id) => decks.has(id)),
				signal: stop.signal
			});
			post({ type: 'done', outcome });
		} finally {
			db.close();
		}
	} catch (error) {
		post(failureOf(error));
	}
};
