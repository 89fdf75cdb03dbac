// Whether the browser keeps the learner's data, said plainly: what this
// browser decided about persistent storage, and what that means here (in
// Safari, a site unused for 7 days may lose its data unless it is on the Home
// Screen). Home offers a backup, once, while the data is at risk and no
// backup or sync is recent.
import { readMeta, writeMeta } from '$lib/db/meta';
import { appDb } from './client';

import { storageManager } from './backup-offer';

export { shouldOfferBackup } from './backup-offer';

export interface StorageStatus {
	supported: boolean;
	persisted: boolean;
	usage: number | undefined;
	quota: number | undefined;
}

/** Whether the browser keeps the data persistently, and how much space it uses and allows. */
export async function storageStatus(): Promise<StorageStatus> {
	const s = storageManager();
	if (!s?.persisted) return { supported: false, persisted: false, usage: undefined, quota: undefined };
	const [persisted, estimate] = await Promise.all([s.persisted(), s.estimate ? s.estimate() : Promise.resolve(undefined)]);
	return { supported: true, persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/**
 * Asks the browser not to evict the learner's data, once they have some worth
 * keeping (after a first completed session), and keeps its answer so Settings
 * can tell "not asked yet" from "refused". Returns whether it is granted.
 */
export async function askToPersist(now = Date.now()): Promise<boolean> {
	const s = storageManager();
	if (!s?.persist) return false;
	if (await s.persisted()) return true;
	// Kept before the answer: Firefox asks the learner in its address bar, and its promise waits for them, maybe forever.
	await writeMeta(await appDb(), 'persist-request', { at: now, granted: null });
	const granted = await s.persist();
	await writeMeta(await appDb(), 'persist-request', { at: now, granted });
	return granted;
}

/** What this browser decided, as Settings says it. */
export type StorageDecision = 'persisted' | 'refused' | 'waiting' | 'not-asked' | 'unsupported';

export interface StorageVerdict extends StorageStatus {
	decision: StorageDecision;
	/** When the app asked, if it did and was refused or has no answer yet. */
	askedAt?: number;
	/** Safari's engine (every browser on an iPhone): data of a site unused for 7 days may be deleted unless it is on the Home Screen. */
	sevenDayRule: boolean;
	/** Opened from the Home Screen or as an installed app. */
	installed: boolean;
}

/** Safari and every iOS browser run WebKit (Chrome on iOS says CriOS); Chromium's user agents name it, Android's included. */
export function isWebKitBrowser(userAgent: string): boolean {
	return /AppleWebKit/.test(userAgent) && !/(Chrome|Chromium|Edg)\//.test(userAgent);
}

function installedApp(): boolean {
	if (typeof window === 'undefined') return false;
	return window.matchMedia?.('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

export async function storageVerdict(): Promise<StorageVerdict> {
	const [status, request] = await Promise.all([storageStatus(), appDb().then((db) => readMeta(db, 'persist-request'))]);
	const decision: StorageDecision = !status.supported
		? 'unsupported'
		: status.persisted
			? 'persisted'
			: !request
				? 'not-asked'
				: request.granted === null
					? 'waiting'
					: 'refused';
	return {
		...status,
		decision,
		askedAt: decision === 'refused' || decision === 'waiting' ? request?.at : undefined,
		sevenDayRule: typeof navigator !== 'undefined' && isWebKitBrowser(navigator.userAgent),
		installed: installedApp()
	};
}

/** Keeps the time a backup file was handed to the browser to save. */
export async function recordBackup(now = Date.now()): Promise<void> {
	await writeMeta(await appDb(), 'last-backup', now);
}

/** "Not now": the offer stays away until a backup or a sync has been made and is a week old again. */
export async function dismissBackupOffer(now = Date.now()): Promise<void> {
	await writeMeta(await appDb(), 'backup-offer-dismissed', now);
}
