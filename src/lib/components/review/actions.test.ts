// Flag, then undo at once: the undo is not ignored while the session's
// journal (its undo history, kept for a reload) is still being written.
import { describe, expect, it, vi } from 'vitest';
import type { CardMarks } from '$lib/data/types';
import type { DeckCard } from '$lib/decks';
import { emptyLedger } from './ledger';
import type { CardSource } from './sources/source';

const db = vi.hoisted(() => ({ marks: new Map<string, unknown>() }));
vi.mock('$lib/data/client', () => ({ appDb: () => Promise.resolve({}) }));
vi.mock('$lib/data/changes.svelte', () => ({ changes: { publish: () => undefined } }));
vi.mock('$lib/data/answers', () => ({
	setMarks: (_db: unknown, card_id: string, patch: Partial<CardMarks>) => {
		const before = db.marks.get(card_id) as CardMarks | undefined;
		const after = { card_id, flagged: false, suspended: false, ...before, ...patch } as CardMarks;
		db.marks.set(card_id, after);
		return Promise.resolve({ before, after });
	},
	restoreMarks: (_db: unknown, card_id: string, before: CardMarks | undefined) => {
		db.marks.set(card_id, before);
		return Promise.resolve();
	}
}));

const { toggleFlag, undo } = await import('./actions');
type Session = Parameters<typeof undo>[0];

function session(): Session & { journals: number } {
	const card = { id: 'http-1', prompt: 'What is HTTP?' } as DeckCard;
	const s = {
		card,
		phase: 'question',
		source: { marked: () => undefined } as unknown as CardSource,
		ledger: emptyLedger(),
		saving: false,
		notice: undefined as string | undefined,
		snack: undefined as string | undefined,
		flagged: false,
		summary: undefined,
		journals: 0,
		advance: () => Promise.resolve(),
		// A journal write that never finishes: a slow or stuck disk.
		journal: () => {
			s.journals++;
			return new Promise<void>(() => undefined);
		}
	};
	return s;
}

describe('card actions', () => {
	it('undoes a flag pressed right after it, while the journal is still being written', async () => {
		const s = session();
		await toggleFlag(s);
		expect(s.flagged).toBe(true);
		expect(db.marks.get('http-1')).toMatchObject({ flagged: true });
		await undo(s);
		expect(s.flagged).toBe(false);
		expect(db.marks.get('http-1')).toBeUndefined();
		expect(s.notice).toBe('Undone: flagged “What is HTTP?”.');
		expect(s.ledger.undo).toHaveLength(0);
		// Each change still writes the journal, in order.
		expect(s.journals).toBe(2);
	});
});
