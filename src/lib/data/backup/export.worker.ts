/// <reference lib="webworker" />
// Runs an export off the page's thread: reading and compressing a million
// answers never freezes the page, whose only work is to show the progress
// and save the file.
import { openRecallDB } from '$lib/db/open';
import { exportBackup } from './export';
import { failureOf } from './worker-failure';
import type { ExportReply } from './export-in-worker';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: ExportReply) => self.postMessage(reply);

self.onmessage = async (e: MessageEvent<{ appVersion: string; now: number }>) => {
	const { appVersion, now } = e.data;
	try {
		const db = await openRecallDB({ onBlocking: () => undefined });
		try {
			const backup = await exportBackup(db, appVersion, now, (done, total) => post({ type: 'progress', done, total }));
			// The Blob goes by reference: its bytes stay in the browser's blob storage.
			post({ type: 'done', backup });
		} finally {
			db.close();
		}
	} catch (error) {
		post(failureOf(error));
	}
};
