import { fetchTitles } from '$lib/decks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ index: await fetchTitles(fetch) });
