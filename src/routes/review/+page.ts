import { fetchTitles, titlesOf } from '$lib/decks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ titles: titlesOf(await fetchTitles(fetch)) });
