// A backup made in its worker, handed to the browser as a download, and its
// time kept (home's offer of a backup reads it): Settings' Export and home's
// "Back up now" both save it this way.
import { download } from '$lib/download';
import { recordBackup } from '../persist';
import { exportInWorker } from './export-in-worker';

/** Today's date in file names: roadmap-recall-backup-2026-12-07.json.gz. */
export const fileDate = (): string => new Date().toISOString().slice(0, 10);

export async function saveBackup(now: number, options: Parameters<typeof exportInWorker>[2] = {}): ReturnType<typeof exportInWorker> {
	const out = await exportInWorker(__APP_VERSION__, now, options);
	download(`roadmap-recall-backup-${fileDate()}.json.gz`, out.blob);
	await recordBackup();
	return out;
}
