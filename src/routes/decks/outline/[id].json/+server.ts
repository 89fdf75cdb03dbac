import { error, json } from '@sveltejs/kit';
import { validDecks } from '$lib/decks/build.server';
import type { DeckOutline } from '$lib/decks/types';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => validDecks().map((d) => ({ id: d.id }));

/** A section page lists prompts only; answers stay in the full deck file the quiz loads. */
export const GET: RequestHandler = ({ params }) => {
	const deck = validDecks().find((d) => d.id === params.id);
	if (!deck) error(404, `No deck "${params.id}"`);
	const body: DeckOutline = { id: deck.id, title: deck.title, cards: deck.cards.map(({ id, prompt }) => ({ id, prompt })) };
	return json(body);
};
