import { createHash } from 'node:crypto';
import { error, json } from '@sveltejs/kit';
import { shippedCards, validDecks } from '$lib/decks/build.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => validDecks().map((d) => ({ id: d.id }));

export const GET: RequestHandler = ({ params }) => {
	const deck = validDecks().find((d) => d.id === params.id);
	if (!deck) error(404, `No deck "${params.id}"`);
	// The deck's version: a hash of its content, so a learner's report names the wording they saw.
	const version = createHash('sha256').update(JSON.stringify(deck)).digest('hex').slice(0, 12);
	return json({ ...deck, cards: shippedCards(deck), version });
};
