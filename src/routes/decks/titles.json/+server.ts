import { json } from '@sveltejs/kit';
import { validDecks } from '$lib/decks/build.server';
import type { DeckTitles } from '$lib/decks/types';

export const prerender = true;

/** Small on purpose: pages inline what their `load` fetches, and most need only titles. */
export function GET() {
	const body: DeckTitles = { decks: validDecks().map(({ id, title, group, cards }) => ({ id, title, group, count: cards.length })) };
	return json(body);
}
