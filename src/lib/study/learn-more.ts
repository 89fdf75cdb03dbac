import { appDb } from '$lib/data/client';
import { addExtraNew } from '$lib/data/journal';
import { settings } from '$lib/data/settings.svelte';
import { startOfDay } from '$lib/srs/day';

/**
 * "Learn N more from <section>" from a link (the end of the daily session,
 * home at zero): today's new-card limit rises by `n` for that section only,
 * as the section quiz's own "Learn N more" does.
 */
export async function learnMore(deck: string, n: number, now: number): Promise<void> {
	const [db, s] = await Promise.all([appDb(), settings.load()]);
	await addExtraNew(db, deck, startOfDay(now, s.dayStartHour), n);
}

/** The `learn` count a link asks for: a whole number from 1 to 200, else none. */
export function learnParam(url: URL): number | undefined {
	const n = Number(url.searchParams.get('learn'));
	return Number.isInteger(n) && n > 0 ? Math.min(n, 200) : undefined;
}
