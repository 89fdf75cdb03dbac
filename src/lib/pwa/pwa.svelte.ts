import { base } from '$app/paths';
import { dev } from '$app/environment';
import type { Workbox } from 'workbox-window';

/** How often an open app asks the server for a new build. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * The service worker as the page sees it. A new build is downloaded in the
 * background and only applied when the learner asks: never in the middle of
 * a review.
 */
class Pwa {
	/** A new version is installed and waiting. */
	updateReady = $state(false);
	#wb: Workbox | undefined;

	async register(): Promise<void> {
		if (dev || this.#wb || !('serviceWorker' in navigator)) return;
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
		this.#wb = wb;
		wb.addEventListener('waiting', () => {
			this.updateReady = true;
		});
		try {
			await wb.register();
		} catch {
			// No service worker here (a private window, a policy, a blocked worker): the app works, only not offline.
			this.#wb = undefined;
			return;
		}
		setInterval(() => void wb.update(), UPDATE_CHECK_MS);
	}

	/** Switches to the waiting version, then reloads this tab once it controls the page. */
	applyUpdate(): void {
		const wb = this.#wb;
		if (!wb) return;
		wb.addEventListener('controlling', () => location.reload());
		wb.messageSkipWaiting();
	}
}

export const pwa = new Pwa();
