// A page still running an old build whose chunks are gone from the server
// reloads once, rather than show a broken screen. But a chunk cut off
// because the learner is leaving the page is no sign of an old build:
// Firefox stops a page's loads as the next page starts, and reloading then
// took the learner back to the page they had just left (seen in Firefox ESR
// 153 by the phone journey, tests/engines.spec.ts).

const FLAG = 'recall:reloaded-for-chunks';
/** Long enough for any page to unload; a navigation that never happened (a download, a 204) lets go by then. */
const LEAVING_MS = 5_000;

export interface PageEvents {
	addEventListener(type: string, listener: (e: Event) => void): void;
	removeEventListener(type: string, listener: (e: Event) => void): void;
}

/**
 * Reloads the page once when Vite's preload of a chunk fails, unless the page
 * is being left. Returns a function that stops listening.
 */
export function reloadOnStaleChunks(
	win: PageEvents = window,
	storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage,
	reload: () => void = () => location.reload()
): () => void {
	let leaving: ReturnType<typeof setTimeout> | undefined;
	const onLeave = () => {
		clearTimeout(leaving);
		leaving = setTimeout(() => (leaving = undefined), LEAVING_MS);
	};
	const onBack = () => {
		clearTimeout(leaving);
		leaving = undefined;
	};
	const onPreloadError = (e: Event) => {
		if (leaving !== undefined || storage.getItem(FLAG)) return;
		storage.setItem(FLAG, '1');
		e.preventDefault();
		reload();
	};
	win.addEventListener('beforeunload', onLeave);
	win.addEventListener('pagehide', onLeave);
	win.addEventListener('pageshow', onBack);
	win.addEventListener('vite:preloadError', onPreloadError);
	return () => {
		clearTimeout(leaving);
		win.removeEventListener('beforeunload', onLeave);
		win.removeEventListener('pagehide', onLeave);
		win.removeEventListener('pageshow', onBack);
		win.removeEventListener('vite:preloadError', onPreloadError);
	};
}

/** The app came up: a later chunk failure may reload again. */
export function appStarted(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
	storage.removeItem(FLAG);
}
