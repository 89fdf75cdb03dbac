import { error } from '@sveltejs/kit';
import { fetchTitles } from '$lib/decks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const index = await fetchTitles(fetch);
	const deck = index.decks.find((d) => d.id === params.id);
	if (!deck) error(404, `There is no section "${params.id}".`);
	return { deck: { id: deck.id, title: deck.title } };
};
