import { error, json } from '@sveltejs/kit';
import { validDecks } from '$lib/decks/build.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => validDecks().map((d) => ({ id: d.id }));

export const GET: RequestHandler = ({ params }) => {
	const deck = validDecks().find((d) => d.id === params.id);
	if (!deck) error(404, `No deck "${params.id}"`);
	return json(deck);
};
