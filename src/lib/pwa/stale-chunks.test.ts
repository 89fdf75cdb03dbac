import { afterEach, describe, expect, it, vi } from 'vitest';
import { appStarted, reloadOnStaleChunks } from './stale-chunks';

function page() {
	const target = new EventTarget();
	const store = new Map<string, string>();
	const storage = {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => void store.set(k, v),
		removeItem: (k: string) => void store.delete(k)
	};
	const reload = vi.fn();
	const stop = reloadOnStaleChunks(target, storage, reload);
	const chunkFails = () => {
		const e = new Event('vite:preloadError', { cancelable: true });
		target.dispatchEvent(e);
		return e.defaultPrevented;
	};
	return { target, storage, reload, stop, chunkFails };
}

describe('a chunk that fails to load', () => {
	afterEach(() => vi.useRealTimers());

	it('reloads an old build once, and again only after the app has come up', () => {
		const p = page();
		expect(p.chunkFails()).toBe(true);
		expect(p.chunkFails()).toBe(false);
		expect(p.reload).toHaveBeenCalledTimes(1);
		appStarted(p.storage);
		p.chunkFails();
		expect(p.reload).toHaveBeenCalledTimes(2);
		p.stop();
	});

	it('does not reload a page the learner is leaving (Firefox cuts its loads off), nor one just left for the back-forward cache', () => {
		for (const leave of ['beforeunload', 'pagehide']) {
			const p = page();
			p.target.dispatchEvent(new Event(leave));
			expect(p.chunkFails()).toBe(false);
			expect(p.reload).not.toHaveBeenCalled();
			p.stop();
		}
	});

	it('reloads again once a navigation that did not happen is long past, or the page is shown again', () => {
		vi.useFakeTimers();
		const p = page();
		p.target.dispatchEvent(new Event('beforeunload'));
		vi.advanceTimersByTime(5_000);
		p.chunkFails();
		expect(p.reload).toHaveBeenCalledTimes(1);

		const q = page();
		q.target.dispatchEvent(new Event('pagehide'));
		q.target.dispatchEvent(new Event('pageshow'));
		q.chunkFails();
		expect(q.reload).toHaveBeenCalledTimes(1);
		p.stop();
		q.stop();
	});
});
