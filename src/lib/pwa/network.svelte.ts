import { base } from '$app/paths';

/** Looks again this often while offline, so the notice goes soon after the network returns. */
const RETRY_MS = 5_000;
/** A network that takes longer than this to answer a HEAD is as good as gone. */
const TIMEOUT_MS = 10_000;

/**
 * Whether the site answers at all. A HEAD passes the service worker (it only
 * answers GETs) and no-store passes the HTTP cache; any status will do, only a
 * network error or a timeout means offline.
 */
async function reachable(): Promise<boolean> {
	try {
		await fetch(`${base}/favicon.svg`, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
		return true;
	} catch {
		return false;
	}
}

/**
 * Whether the network is there; the layout shows a notice while it is not.
 * navigator.onLine false is trusted, but true is not: Wi-Fi without internet
 * and a dead server say true, and so does Chromium's offline emulation in a
 * page the service worker served. So true is checked with one HEAD on load,
 * on online/offline and when the page is shown again, and while offline the
 * check repeats; nothing more goes out while online.
 */
class Network {
	online = $state(true);

	watch(): () => void {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let run = 0;
		const check = async () => {
			clearTimeout(timer);
			const id = ++run;
			// A hidden page is checked when it is shown again.
			if (navigator.onLine && document.hidden) return;
			const online = navigator.onLine && (await reachable());
			// A later check started meanwhile and has the newer answer.
			if (id !== run) return;
			this.online = online;
			if (!online) timer = setTimeout(() => void check(), RETRY_MS);
		};
		const onVisibility = () => void (document.hidden || check());
		const recheck = () => void check();
		void check();
		window.addEventListener('online', recheck);
		window.addEventListener('offline', recheck);
		document.addEventListener('visibilitychange', onVisibility);
		return () => {
			run++;
			clearTimeout(timer);
			window.removeEventListener('online', recheck);
			window.removeEventListener('offline', recheck);
			document.removeEventListener('visibilitychange', onVisibility);
		};
	}
}

export const network = new Network();
