import type { ClientInit } from '@sveltejs/kit';

/**
 * Hydration starts after the prerendered page's first paint. Every page is
 * prerendered, so what the learner first sees is already in the HTML; but
 * on a slow phone the app's scripts could arrive before Chromium produced
 * its first frame, and hydrating then held that frame back by a second or
 * more (Lighthouse on /cards at 4× CPU slowdown: first paint at 0.26 s in
 * one run, 1.3 and 2.3 s in two others of the same build).
 * A frame's animation callback runs just before it paints, and a task
 * queued from there runs after. The browser's paint timing says so too,
 * for the tests whose fake clock stops animation frames and timers. A page
 * in the background has no frames until it is shown: it hydrates at once.
 */
export const init: ClientInit = () =>
	new Promise((painted) => {
		if (document.visibilityState === 'hidden') return painted();
		requestAnimationFrame(() => setTimeout(painted, 0));
		if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return;
		const paints = new PerformanceObserver(() => {
			paints.disconnect();
			painted();
		});
		paints.observe({ type: 'paint', buffered: true });
	});
