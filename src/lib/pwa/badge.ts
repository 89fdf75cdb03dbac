import type { Today } from '$lib/study/today';

/**
 * The badge's number: everything left to study today (home's headline), the
 * cards due today as the reminder counts them and today's new cards. A
 * learning card due later today stays on it: the badge is set when the app
 * runs, not when that card comes due.
 */
export function badgeCount(today: Pick<Today, 'facts'>): number {
	return today.facts.studyToday;
}

/**
 * Shows the number of cards due on the installed app's icon, where the
 * Badging API exists (installed Chromium apps); elsewhere does nothing.
 */
export async function updateBadge(due: number): Promise<void> {
	const nav = navigator as Navigator & { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
	try {
		if (due > 0) await nav.setAppBadge?.(due);
		else await nav.clearAppBadge?.();
	} catch {
		// Not installed, or badges turned off: the badge is a nicety.
	}
}

/** Counts what is due now and puts it on the badge. */
export async function refreshBadge(): Promise<void> {
	if (!('setAppBadge' in navigator)) return;
	try {
		const { loadToday } = await import('$lib/study/today');
		const today = await loadToday(Date.now());
		await updateBadge(badgeCount(today));
	} catch {
		// The badge is a nicety: if the data cannot be read now (another tab upgrading, say), the page says so itself.
	}
}

/**
 * The same, once the page has nothing else to do: opening a page other than
 * home, the learner waits for that page, not for a count only the app
 * icon shows (in a tab, Chromium shows no badge at all).
 */
export function refreshBadgeWhenIdle(): void {
	if (!('setAppBadge' in navigator)) return;
	const run = () => void refreshBadge();
	if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 10_000 });
	else setTimeout(run, 3_000);
}
