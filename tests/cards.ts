import { expect, type Page } from '@playwright/test';
import { answerCard, type Kind } from './helpers';

export interface CardData {
	id: string;
	kind: Kind;
	prompt: string;
	answer?: string;
	accept?: string[];
	correct?: string[];
	incorrect?: string[];
	steps?: string[];
}

/** Deck text as shown: backticks mark code and are not displayed. */
export const shown = (s: string) => s.replaceAll('`', '');

/**
 * Opens the section quiz where the fewest cards come before the first card of
 * `kind` (new cards come in deck order), answers those, and returns that
 * card's data once it is on screen.
 */
export async function openCardOfKind(page: Page, kind: CardData['kind'], fits: (card: CardData) => boolean = () => true): Promise<CardData> {
	const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string }[] };
	const decks = await Promise.all(
		index.decks.map(async ({ id }) => {
			const { cards } = (await (await page.request.get(`/decks/${id}.json`)).json()) as { cards: CardData[] };
			return { id, cards, at: cards.slice(0, 20).findIndex((c) => c.kind === kind && fits(c)) };
		})
	);
	const best = decks.filter((d) => d.at !== -1).sort((a, b) => a.at - b.at)[0];
	if (!best) throw new Error(`no deck has a ${kind} card among its first 20`);
	await page.goto(`/sections/${best.id}/quiz`);
	for (let i = 0; i < best.at; i++) await answerCard(page, 'Good');
	const card = best.cards[best.at]!;
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', card.id);
	return card;
}
