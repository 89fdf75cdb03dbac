import { changes, type Change } from '$lib/data/changes.svelte';
import type { DeckCard } from '$lib/decks';
import type { CardSource } from './sources';

/** What following other tabs' changes needs of the session (session.svelte.ts). */
export interface Session {
	readonly source: CardSource;
	readonly phase: string;
	readonly card: DeckCard | undefined;
	saving: boolean;
	advance(): Promise<void>;
}

/**
 * Follows what another tab answered or changed, or a sync brought from
 * another device (this session's own writes aside). What the session holds
 * is out of date then; if the change is about the card on screen, still
 * unanswered here, or if the session is waiting, the queue is rebuilt. An
 * answer the learner is giving here is never swept away. Returns the way to
 * stop following.
 */
export function followChanges(s: Session): () => void {
	return changes.subscribe((c) => {
		if (c.from !== 'here') void changedElsewhere(s, c);
	});
}

async function changedElsewhere(s: Session, c: Change): Promise<void> {
	// Its next card comes from a fresh read.
	s.source.changed();
	if (!s.source.live || s.saving) return;
	const onScreen = s.phase === 'question' && s.card !== undefined && (c.cards?.includes(s.card.id) ?? false);
	if (!onScreen && s.phase !== 'waiting') return;
	s.saving = true;
	try {
		await s.advance();
	} finally {
		s.saving = false;
	}
}
