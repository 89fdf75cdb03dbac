// What the card browser's buttons do, each with its undo. Marks stay
// last-writer-wins stamped records (setMarks, and restoreMarks to undo, as the
// review screen does); a forget is a record in the review log (recordForget).
import type { FSRS } from 'ts-fsrs';
import type { RecallDatabase } from '$lib/data/types';
import { recordForget, restoreMarks, setMarks, undoForget } from '$lib/data/answers';
import type { CardMarks } from '$lib/data/types';
import { nextDayStart } from '$lib/srs/day';

export type CardAction = 'suspend' | 'unsuspend' | 'flag' | 'unflag' | 'bury' | 'unbury' | 'forget';

/** A saved action: what to tell the learner, and how to take it back. */
export interface DoneAction {
	card_id: string;
	/** The button's name, for the undo's message ("Undid Suspend on “…”."). */
	name: string;
	message: string;
	undo: () => Promise<void>;
}

const MARKS: Record<Exclude<CardAction, 'forget' | 'bury'>, { patch: Partial<CardMarks>; name: string; message: string }> = {
	suspend: { patch: { suspended: true }, name: 'Suspend', message: 'Card suspended: it stays out of your reviews.' },
	// Resuming a leech ends its leech mark too, as before: the learner has reworked it.
	unsuspend: { patch: { suspended: false, leech: false }, name: 'Unsuspend', message: 'Card resumed: it is back in your reviews.' },
	flag: { patch: { flagged: true }, name: 'Flag', message: 'Card flagged.' },
	unflag: { patch: { flagged: false }, name: 'Unflag', message: 'Flag removed.' },
	unbury: { patch: { buried_until: null }, name: 'Unbury', message: 'Card unburied: it can come up today.' }
};

export async function perform(db: RecallDatabase, f: FSRS, card_id: string, action: CardAction, now: number, dayStartHour: number): Promise<DoneAction> {
	if (action === 'forget') {
		const saved = await recordForget(db, f, card_id, now);
		return { card_id, name: 'Forget', message: 'Card forgotten: it is new again.', undo: () => undoForget(db, saved) };
	}
	const { patch, name, message } =
		action === 'bury' ? { patch: { buried_until: nextDayStart(now, dayStartHour) }, name: 'Bury', message: 'Card buried until tomorrow.' } : MARKS[action];
	const { before } = await setMarks(db, card_id, patch, now);
	return { card_id, name, message, undo: () => restoreMarks(db, card_id, before) };
}
