/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';
import { remindIfDue } from './lib/reminder/check';
import { REMINDER_TAG } from './lib/reminder/due';

/** Chromium's Periodic Background Sync event, not in lib.webworker. */
interface PeriodicSyncEvent extends ExtendableEvent {
	readonly tag: string;
}
declare global {
	interface ServiceWorkerGlobalScopeEventMap {
		periodicsync: PeriodicSyncEvent;
	}
}

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `recall-${version}`;
/** The SPA shell adapter-static writes for paths that were not prerendered. */
const FALLBACK = `${base}/200.html`;
const PRECACHE = [...new Set([...build, ...files, ...prerendered, FALLBACK])];

sw.addEventListener('install', (event) => {
	// No skipWaiting here: a new version waits until the learner accepts it.
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'SKIP_WAITING') void sw.skipWaiting();
	// Lets the page (and the update test) tell which build is running.
	if (type === 'GET_VERSION') event.ports[0]?.postMessage(version);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	// Anything but a GET goes to the network: the page's HEAD check of it (network.svelte.ts) relies on this.
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			if (request.mode === 'navigate') {
				// Prerendered pages by path; any other path (a deep link) gets the SPA shell.
				const page = (await cache.match(url.pathname)) ?? (await cache.match(FALLBACK));
				if (page) return page;
				return fetch(request);
			}
			const hit = await cache.match(request, { ignoreSearch: true });
			if (hit) return hit;
			return fetch(request);
		})()
	);
});

// Periodic Background Sync (an installed app in Chromium): the browser wakes the
// worker now and then; it shows "12 cards due" at most once a learner day.
sw.addEventListener('periodicsync', (event) => {
	if (event.tag !== REMINDER_TAG) return;
	event.waitUntil(remindIfDue({ registration: sw.registration, icon: `${base}/icons/icon-192.png`, badge: `${base}/icons/monochrome-512.png` }));
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data = event.notification.data as { url?: string } | null;
	// The notification names a path within the app; the app may be hosted under a path of its own (BASE_PATH).
	const url = new URL(`${base}${data?.url ?? '/review'}`, sw.location.origin).href;
	event.waitUntil(
		(async () => {
			// An open window is brought forward as it is, not navigated: it may be in the middle of a session.
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
			if (open) await open.focus();
			else await sw.clients.openWindow(url);
		})()
	);
});
