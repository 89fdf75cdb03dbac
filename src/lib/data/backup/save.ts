// A backup made in its worker, handed to the browser as a download, and its
// time kept (home's offer of a backup reads it): Settings' Export and home's
// "Back up now" both save it this way.
import { download, fileDate } from '$lib/download';
import { recordBackup } from '../persist';
import { exportInWorker } from './export-in-worker';

export async function saveBackup(now: number, options: Parameters<typeof exportInWorker>[2] = {}): ReturnType<typeof exportInWorker> {
	const out = await exportInWorker(__APP_VERSION__, now, options);
	download(`roadmap-recall-backup-${fileDate()}.json.gz`, out.blob);
	await recordBackup();
	return out;
}
