import type { ReviewRecord } from '$lib/srs';
import type { DeckData } from '$lib/decks/types';

/** The review log as the FSRS optimizer reads it: one row per answer, times and durations in ms. */
export function optimizerCsv(reviews: readonly ReviewRecord[]): string {
	const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
	const rows = [...reviews]
		.sort((a, b) => a.review - b.review)
		.map((r) => [quote(r.card_id), r.review, r.rating, r.state, r.duration].join(','));
	return ['card_id,review_time,review_rating,review_state,review_duration', ...rows].join('\n') + '\n';
}

function cell(s: string): string {
	// Tabs and newlines would break Anki's columns.
	return s.replace(/[\t\r\n]+/g, ' ').trim();
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
