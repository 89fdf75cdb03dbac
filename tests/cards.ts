import { expect, type Page } from '@playwright/test';
import { answerCard } from './helpers';

export interface CardData {
	id: string;
	kind: 'flashcard' | 'choice' | 'multi' | 'typed' | 'order';
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
 * Opens a section quiz and answers cards until the first card of `kind` is on
 * screen (new cards come in deck order). Returns that card's data.
 */
export async function openCardOfKind(page: Page, kind: CardData['kind'], fits: (card: CardData) => boolean = () => true): Promise<CardData> {
	const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string }[] };
	for (const { id: deck } of index.decks) {
		const { cards } = (await (await page.request.get(`/decks/${deck}.json`)).json()) as { cards: CardData[] };
		const at = cards.slice(0, 20).findIndex((c) => c.kind === kind && fits(c));
		if (at === -1) continue;
		await page.goto(`/sections/${deck}/quiz`);
		for (let i = 0; i < at; i++) await answerCard(page, 'Good');
		const card = cards[at] as CardData;
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', card.id);
		return card;
	}
	throw new Error(`no deck has a ${kind} card among its first 20`);
}
