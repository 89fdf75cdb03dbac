import { Rating } from '$lib/srs/constants';
import type { ReviewRecord } from '$lib/srs';
import type { DeckData } from '$lib/decks/types';

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or a leading tab
 * or carriage return) gets a leading single quote, so opening an export runs
 * nothing. Only for text: numbers are written as they are.
 */
export function defuse(s: string): string {
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A text cell of a CSV file: defused, then quoted when it holds a quote, comma or line break. */
export function csvCell(s: string): string {
	const t = defuse(s);
	return /[",\n\r]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

/**
 * The review log as the FSRS optimizer reads it: one row per answer, times
 * and durations in ms. Forgets (rating 0, Manual) are left out: the
 * optimizer's CSV takes ratings 1 to 4 only (it drops other rows), and a
 * forget is no answer to learn from. The answers after a forget still say
 * review_state 0 (New), as the card was when answered.
 */
export function optimizerCsv(reviews: readonly ReviewRecord[]): string {
	const rows = reviews
		.filter((r) => r.rating !== Rating.Manual)
		.sort((a, b) => a.review - b.review)
		.map((r) => [csvCell(r.card_id), r.review, r.rating, r.state, r.duration].join(','));
	return ['card_id,review_time,review_rating,review_state,review_duration', ...rows].join('\n') + '\n';
}

function cell(s: string): string {
	// Tabs and newlines would break Anki's columns; a spreadsheet opening the file must not run a formula.
	return defuse(s.replace(/[\t\r\n]+/g, ' ').trim());
}

function sides(card: DeckData['cards'][number]): [string, string] {
	switch (card.kind) {
		case 'flashcard':
			return [card.prompt, card.answer];
		case 'choice':
			return [`${card.prompt} Options: ${[card.answer, ...card.distractors].sort().join(' | ')}`, card.answer];
		case 'multi':
			return [`${card.prompt} Options: ${[...card.correct, ...card.incorrect].sort().join(' | ')}`, card.correct.join(' | ')];
		case 'typed':
			return [card.prompt, card.answer];
		case 'order':
			return [`${card.prompt} Steps: ${[...card.steps].sort().join(' | ')}`, card.steps.map((s, i) => `${i + 1}. ${s}`).join(' ')];
	}
}

/** Every card as a tab-separated file that Anki's importer reads: front, back (with the why), deck, tags. */
export function ankiTsv(decks: readonly DeckData[]): string {
	const header = ['#separator:tab', '#html:false', '#deck column:3', '#tags column:4'];
	const rows = decks.flatMap((d) =>
		d.cards.map((c) => {
			const [front, back] = sides(c);
			const deck = `Roadmap Recall::${d.title.split(':')[0]}`;
			const tags = ['roadmap-recall', d.id, c.kind, ...(c.tags ?? [])].join(' ');
			return [cell(front), cell(`${back} — ${c.explanation}`), cell(deck), cell(tags)].join('\t');
		})
	);
	return [...header, ...rows].join('\n') + '\n';
}
