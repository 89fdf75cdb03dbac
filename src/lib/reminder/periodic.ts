// Periodic Background Sync from the page: whether the browser will wake the
// service worker each day, and the registration of the reminder's tag.
// Nothing here asks the learner anything: the panel asks for notification
// permission itself, and only when the reminder is turned on.
import { REMINDER_TAG } from './due';

/** The Periodic Background Sync API (Chromium only, so not in lib.dom). */
interface PeriodicSyncManager {
	register(tag: string, options?: { minInterval?: number }): Promise<void>;
	unregister(tag: string): Promise<void>;
	getTags(): Promise<string[]>;
}
type Registration = ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager };

/**
 * How often to ask to be woken. Chromium wakes an installed app at most
 * about twice a day whatever is asked; asking for hourly lets it come as
 * soon as it allows after the chosen time, and the worker's once-a-day rule
 * keeps it to one notification.
 */
const MIN_INTERVAL_MS = 60 * 60 * 1000;

export type Availability = { ok: true; sync: PeriodicSyncManager } | { ok: false; why: string };

/** The app's service worker registration, once it has an active worker; undefined without one (dev, a blocked worker). */
async function appRegistration(): Promise<Registration | undefined> {
	if (!('serviceWorker' in navigator)) return undefined;
	const registration = await navigator.serviceWorker.getRegistration();
	if (!registration) return undefined;
	if (registration.active) return registration;
	// Just registered on this visit: wait for the install to finish, but not for ever (an install can fail).
	return Promise.race([navigator.serviceWorker.ready, new Promise<undefined>((resolve) => setTimeout(resolve, 10_000))]);
}

/** Whether the reminder can come as a notification here, and if not, why, in words that end a sentence. */
export async function availability(): Promise<Availability> {
	if (!('Notification' in window)) return { ok: false, why: 'this browser cannot show notifications' };
	if (Notification.permission === 'denied')
		return { ok: false, why: "notifications are blocked for this site; allow them in the browser's site settings, then turn the reminder off and on" };
	if (Notification.permission !== 'granted')
		return { ok: false, why: 'notifications are not allowed for this site yet; turn the reminder off and on to be asked' };
	const registration = await appRegistration();
	if (!registration) return { ok: false, why: "the app's offline worker is not running in this tab; reload the page and try again" };
	if (!registration.periodicSync)
		return { ok: false, why: 'this browser cannot wake the app each day (Periodic Background Sync is in Chrome, Edge and other Chromium browsers)' };
	let state: PermissionState | undefined;
	try {
		state = (await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName })).state;
	} catch {
		// A browser that does not know the permission's name cannot grant it either.
	}
	if (state !== 'granted')
		return {
			ok: false,
			why: "the browser lets only an installed app wake up each day; install Roadmap Recall from the browser's menu and open these settings in it"
		};
	return { ok: true, sync: registration.periodicSync };
}

/** Asks to be woken through the day; true if it was already asked. */
export async function registerReminder(sync: PeriodicSyncManager): Promise<boolean> {
	if ((await sync.getTags()).includes(REMINDER_TAG)) return true;
	await sync.register(REMINDER_TAG, { minInterval: MIN_INTERVAL_MS });
	return false;
}

/** Stops the daily wake-ups, if there were any. */
export async function unregisterReminder(): Promise<void> {
	const registration = await appRegistration();
	if (registration?.periodicSync && (await registration.periodicSync.getTags()).includes(REMINDER_TAG))
		await registration.periodicSync.unregister(REMINDER_TAG);
}
