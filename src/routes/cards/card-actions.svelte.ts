// What the card browser does to the open card, and its undo (Ctrl+Z or the
// Undo button), with what to say of each: apart from the page, which shows
// the list and the card. Each action is saved (actions.ts), the card's row
// read again, and the step kept to undo, the last fifty.
import type { FSRS } from 'ts-fsrs';
import { appDb, whyNotSaved } from '$lib/data/client';
import type { RecallDatabase } from '$lib/data/types';
import { shortPrompt } from '$lib/decks/title';
import { isStudied } from '$lib/srs/facts';
import type { CardState } from '$lib/srs/types';
import { perform, type CardAction, type DoneAction } from './actions';

export class CardActions {
	busy = $state(false);
	/** What the last action or undo did, for the status line. */
	status = $state('');
	/** Why the last action on a card was not saved. */
	failed = $state.raw<{ card_id: string; message: string } | undefined>();
	undoFailed = $state<string | undefined>();
	undoStack = $state.raw<DoneAction[]>([]);

	/** `refresh` reads a card's row again after a change; `promptOf` names a card in a message. */
	constructor(
		private readonly refresh: (db: RecallDatabase, id: string) => Promise<void>,
		private readonly promptOf: (id: string) => string | undefined
	) {}

	async act(id: string, action: CardAction, f: FSRS, state: CardState | undefined, dayStartHour: number): Promise<void> {
		if (this.busy) return;
		// A new card has nothing to forget; its button says so.
		if (action === 'forget' && !isStudied(state)) return;
		this.busy = true;
		this.failed = undefined;
		this.undoFailed = undefined;
		try {
			const db = await appDb();
			try {
				const done = await perform(db, f, id, action, Date.now(), dayStartHour);
				this.undoStack = [...this.undoStack, done].slice(-50);
				this.status = done.message;
			} catch (e) {
				this.status = '';
				this.failed = { card_id: id, message: `Not saved: ${whyNotSaved(e)}.` };
			}
			await this.refresh(db, id).catch(() => undefined);
		} catch (e) {
			this.failed = { card_id: id, message: `Not saved: ${whyNotSaved(e)}.` };
		} finally {
			this.busy = false;
		}
	}

	async undo(): Promise<void> {
		const last = this.undoStack.at(-1);
		if (!last || this.busy) return;
		this.busy = true;
		this.failed = undefined;
		this.undoFailed = undefined;
		try {
			await last.undo();
			this.undoStack = this.undoStack.slice(0, -1);
			const prompt = this.promptOf(last.card_id);
			// Which action on which card, as the review says it: "Undid Suspend on “What does HTTP 404 mean?”."
			this.status = prompt === undefined ? `Undid ${last.name}.` : `Undid ${last.name} on “${shortPrompt(prompt)}”.`;
		} catch (e) {
			this.status = '';
			this.undoFailed = `Not undone: ${whyNotSaved(e)}.`;
		}
		await appDb()
			.then((db) => this.refresh(db, last.card_id))
			.catch(() => undefined);
		this.busy = false;
	}

	/** Ctrl+Z (or ⌘Z) undoes the last action, unless focus is in a text field (which has its own undo). */
	onkeydown = (e: KeyboardEvent): void => {
		if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z' || this.undoStack.length === 0) return;
		const t = e.target;
		const textField =
			t instanceof HTMLTextAreaElement ||
			(t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(t.type)) ||
			(t instanceof HTMLElement && t.isContentEditable);
		if (textField) return;
		e.preventDefault();
		void this.undo();
	};
}
