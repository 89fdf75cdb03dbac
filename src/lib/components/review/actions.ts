import { changes } from '$lib/data/changes.svelte';
import { appDb } from '$lib/data/client';
import { setMarks } from '$lib/data/answers';
import type { CardMarks, SavedReview, UndoStep } from '$lib/data/types';
import type { DeckCard } from '$lib/decks';
import { nextDayStart } from '$lib/srs/day';
import { apply, revert, type Ledger } from './ledger';
import { cardOf, takeBack } from './record';
import { shortPrompt } from '$lib/decks/title';
import { undoneText } from './session-text';
import { kindOf, type CardKind, type CardSource } from './sources/source';

/** What the card actions need of the session (session.svelte.ts). */
export interface Session {
	readonly card: DeckCard | undefined;
	readonly phase: string;
	readonly source: CardSource;
	ledger: Ledger;
	saving: boolean;
	notice: string | undefined;
	snack: string | undefined;
	flagged: boolean;
	summary: unknown;
	/** Shows what comes next, with `ledger` reaching the screen with it. */
	advance(ledger: Ledger, back?: boolean): Promise<void>;
	journal(): Promise<void>;
}

/** Takes back the last answer (or bury/suspend/flag/skip): the exact earlier state returns and the card is shown again. */
export async function undo(s: Session): Promise<void> {
	const step = s.ledger.undo.at(-1);
	if (s.saving || !step) return;
	s.saving = true;
	s.snack = undefined;
	try {
		await takeBack(await appDb(), step);
		const ledger = revert(s.ledger);
		const card_id = cardOf(step);
		if (step.type === 'marks') s.source.marked(card_id, step.before);
		if (step.type === 'marks' && s.card?.id === card_id) {
			s.ledger = ledger;
			s.flagged = step.before?.flagged ?? false;
		} else {
			const kind: CardKind = step.type === 'review' ? step.kind : kindOf(s.source.states.get(card_id));
			await back(s, ledger, card_id, kind, step.type === 'review' ? step.saved : undefined);
		}
		// The card is on screen again: its prompt names it.
		s.notice = undoneText(step, s.card?.id === card_id ? s.card.prompt : undefined);
	} catch (e) {
		s.notice = e instanceof Error ? e.message : String(e);
		return;
	} finally {
		s.saving = false;
	}
	// Written in order, each the ledger as it stands; the next press need not wait for it.
	void s.journal();
}

/** Undo: the card comes back and shows again, and the session is not over any more. */
async function back(s: Session, ledger: Ledger, card_id: string, kind: CardKind, saved: SavedReview | undefined): Promise<void> {
	s.summary = undefined;
	s.source.putBack(card_id, kind, saved);
	await s.advance({ ...ledger, ended: false }, true);
}

/** Does something to the card on screen that undo can take back; `leave` takes it out of the session. */
async function act(s: Session, change: (card: DeckCard) => Promise<{ step: UndoStep & { label: string }; leave: boolean }>): Promise<void> {
	const card = s.card;
	if (!card || s.saving || (s.phase !== 'question' && s.phase !== 'answer')) return;
	s.saving = true;
	s.notice = undefined;
	try {
		const { step, leave } = await change(card);
		const ledger = apply(s.ledger, step);
		if (leave) {
			s.source.drop(card.id);
			await s.advance(ledger);
		} else s.ledger = ledger;
		s.snack = step.label;
	} catch (e) {
		s.notice = e instanceof Error ? e.message : String(e);
		return;
	} finally {
		s.saving = false;
	}
	// As after an undo: an undo pressed at once is not ignored while the journal is written.
	void s.journal();
}

function mark(s: Session, patch: Partial<Omit<CardMarks, 'card_id'>>, label: string, leave: boolean): Promise<void> {
	return act(s, async (card) => {
		const { before, after } = await setMarks(await appDb(), card.id, patch);
		changes.publish('marked', [card.id]);
		s.source.marked(card.id, after);
		if (!leave) s.flagged = after.flagged;
		return { step: { type: 'marks', card_id: card.id, before, label }, leave };
	});
}

/** Practice: takes the card out of this round only; no schedule or mark changes. */
function skip(s: Session): Promise<void> {
	return act(s, (card) =>
		Promise.resolve({
			step: { type: 'skip', card_id: card.id, label: `Skipped “${shortPrompt(card.prompt)}” in this round. Its schedule is unchanged.` },
			leave: true
		})
	);
}

/** Hides the card until the learner's next day; in practice, only skips it in this round. */
export function bury(s: Session): Promise<void> {
	const settings = s.source.settings;
	const card = s.card;
	if (!settings || !card) return Promise.resolve();
	if (s.source.practice) return skip(s);
	return mark(s, { buried_until: nextDayStart(Date.now(), settings.dayStartHour) }, `Buried “${shortPrompt(card.prompt)}” until tomorrow.`, true);
}

/** Hides the card from reviews until the learner resumes it. Practice never suspends: it leaves the schedule alone. */
export function suspend(s: Session): Promise<void> {
	const card = s.card;
	if (!card) return Promise.resolve();
	if (s.source.practice) return skip(s);
	return mark(s, { suspended: true }, `Suspended “${shortPrompt(card.prompt)}”. Resume it under Cards.`, true);
}

/** Flags or unflags the card, to find it later. */
export function toggleFlag(s: Session): Promise<void> {
	const card = s.card;
	if (!card) return Promise.resolve();
	const p = shortPrompt(card.prompt);
	return mark(s, { flagged: !s.flagged }, s.flagged ? `Removed the flag from “${p}”.` : `Flagged “${p}”.`, false);
}
