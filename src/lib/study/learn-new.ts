import { appDb, whyNotSaved } from '$lib/data/client';
import { addExtraNew } from '$lib/data/journal';
import { startOfDay } from '$lib/srs/day';
import { loadToday } from './today';

/**
 * Makes room for `n` new cards of one section in its quiz today: what the
 * day's new-card limit still leaves is used first, and only the rest is
 * allowed beyond it, for this section (the extra the section page's "Learn
 * N more" adds once the limit is used). The caller then opens the quiz.
 */
export async function makeRoomForNew(section: string, n: number, now: number): Promise<void> {
	const today = await loadToday(now, section);
	const extra = Math.min(n, today.queue.unstudied) - today.queue.fresh.length;
	if (extra > 0) await addExtraNew(await appDb(), section, startOfDay(now, today.settings.dayStartHour), extra);
}

/** makeRoomForNew, with why it failed in words to follow "Not saved: " (undefined once saved). */
export async function learnNew(section: string, n: number, now: number): Promise<string | undefined> {
	try {
		await makeRoomForNew(section, n, now);
		return undefined;
	} catch (e) {
		return whyNotSaved(e);
	}
}
