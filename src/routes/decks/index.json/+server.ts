import { json } from '@sveltejs/kit';
import { deckIndex } from '$lib/decks/build.server';

export const prerender = true;

export function GET() {
	return json(deckIndex());
}
