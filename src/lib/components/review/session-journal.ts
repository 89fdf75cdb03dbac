import { appDb } from '$lib/data/client';
import { saveJournal, type SessionJournal } from '$lib/data/journal';
import { afterPaint } from './after-paint';

/**
 * Keeps a session's journal (its undo history and counts, for a reload) in
 * IndexedDB. The journal only serves undo and the counts: the answers are
 * saved on their own, so a failed write does not interrupt the learner, and
 * after an answer it is written once the next card is on screen.
 */
export class JournalKeeper {
	#due = false;

	/** `current` gives the journal as it stands, read when a write starts. */
	constructor(private readonly current: () => SessionJournal) {}

	/** Writes the journal now. */
	async write(): Promise<void> {
		try {
			// The journal is taken as the transaction starts: writes keep their order, and the last one is the latest.
			await saveJournal(await appDb(), this.current());
		} catch {
			// The answers themselves are saved; only a later reload would lose the undo history.
		}
	}

	/** Writes it after the next paint; asked again before then, it still writes once, the latest journal. */
	afterPaint(): void {
		if (this.#due) return;
		this.#due = true;
		afterPaint(() => {
			this.#due = false;
			void this.write();
		});
	}
}
