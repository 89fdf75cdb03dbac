import type { SessionJournal } from '$lib/data/types';
import type { CardKind, Next } from './source';

/** A fixed list of cards shown in order, as practice and targeted review go through theirs. */
export class Round {
	/** The cards not answered yet, the one on screen first. */
	ids: string[] = [];

	next(kind: (id: string) => CardKind): Next {
		const id = this.ids[0];
		return id === undefined ? { type: 'end', nextLearning: undefined } : { type: 'card', id, kind: kind(id) };
	}

	/** The card leaves the round: answered, skipped or hidden. */
	take(id: string): void {
		this.ids = this.ids.filter((x) => x !== id);
	}

	/** The card comes back to the front, to be shown next. */
	putBack(id: string): void {
		if (this.ids[0] !== id) this.ids.unshift(id);
	}

	/** Takes up the round a journal kept, if it has cards left to show (true); the session carries on there. */
	carryOn(journal: SessionJournal | undefined): boolean {
		if (!journal || journal.ended || !journal.practiceQueue?.length) return false;
		this.ids = [...journal.practiceQueue];
		return true;
	}

	/** The list for the journal, as it will be once `without` is answered. */
	list(without?: string): string[] {
		return without === undefined ? [...this.ids] : this.ids.filter((x) => x !== without);
	}
}
