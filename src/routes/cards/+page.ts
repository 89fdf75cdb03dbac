import { base } from '$app/paths';
import type { CardsPreview } from '$lib/cards/browse';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const res = await fetch(`${base}/decks/preview.json`);
	if (!res.ok) throw new Error(`Could not load the card list (${res.status})`);
	return (await res.json()) as CardsPreview;
};
