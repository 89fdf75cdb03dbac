import { appDb } from '$lib/data/client';
import { addExtraNew } from '$lib/data/journal';
import { startOfDay } from '$lib/srs/day';
import { loadToday } from './today';

/**
 * "Learn N new from <section>", however it is asked for (the end of the
 * daily session, home at zero, readiness's sections still to learn: each a
 * link to the section's quiz with `?learn=N`). What the day's new-card limit
 * still leaves is used first; only the rest is allowed beyond it, for this
 * section, as the section page's own "Learn N more" does once the limit is
 * used.
 */
export async function learnMore(section: string, n: number, now: number): Promise<void> {
	const today = await loadToday(now, section);
	const extra = Math.min(n, today.queue.unstudied) - today.queue.fresh.length;
	if (extra > 0) await addExtraNew(await appDb(), section, startOfDay(now, today.settings.dayStartHour), extra);
}

/** The `learn` count a link asks for: a whole number from 1 to 200, else none. */
export function learnParam(url: URL): number | undefined {
	const n = Number(url.searchParams.get('learn'));
	return Number.isInteger(n) && n > 0 ? Math.min(n, 200) : undefined;
}
