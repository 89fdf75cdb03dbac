import { error } from '@sveltejs/kit';
import { fetchOutline } from '$lib/decks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const deck = await fetchOutline(fetch, params.id);
	if (!deck) error(404, `There is no section "${params.id}".`);
	return { deck };
};
