import type { AppSettings, CardMarks, SavedReview, SessionJournal } from '$lib/data/types';
import type { Mix } from '$lib/srs/pick';
import type { CardState } from '$lib/srs/types';
import type { Today } from '$lib/study/today';
import { Round } from './round';
import { countKinds, kindOf, setOrDelete, type CardKind, type CardSource, type Counts, type EndInput, type Next } from './source';

/**
 * A fixed list of cards reviewed early (readiness for a date, or review
 * ahead): ordinary reviews, in the list's order, whether due or not. Given
 * `choose`, the list is chosen from what the session read as it opened.
 */
export class TargetSource implements CardSource {
	readonly practice = false;
	readonly live = false;
	readonly extraNew = 0;
	/** The cards to review, and what names the session (the readiness date, or "ahead"). */
	ids: readonly string[];
	readonly key: string;
	#choose: ((today: Today) => string[]) | undefined;
	#states = new Map<string, CardState>();
	#marks = new Map<string, CardMarks>();
	#settings: AppSettings | undefined;
	#round = new Round();

	constructor(ids: readonly string[], key: string, choose?: (today: Today) => string[]) {
		this.ids = ids;
		this.key = key;
		this.#choose = choose;
	}

	get scope(): string {
		return `target:${this.key}`;
	}
	get settings(): AppSettings | undefined {
		return this.#settings;
	}
	get states(): ReadonlyMap<string, CardState> {
		return this.#states;
	}
	get marks(): ReadonlyMap<string, CardMarks> {
		return this.#marks;
	}

	start(today: Today): void {
		this.#settings = today.settings;
		this.#states = today.states;
		this.#marks = today.marks;
		if (this.#choose) this.ids = this.#choose(today);
	}

	/**
	 * Carries on the journal's list if it has cards left; else starts on the
	 * whole list. Only cards of this list carry on: a journal kept for the same
	 * date when other sections were the weakest must not bring theirs back.
	 */
	resume(journal: SessionJournal | undefined): boolean {
		const listed = new Set(this.ids);
		const kept = journal && { ...journal, practiceQueue: journal.practiceQueue?.filter((id) => listed.has(id)) };
		if (this.#round.carryOn(kept)) return true;
		this.restart();
		return false;
	}

	restart(): void {
		this.#round.ids = [...this.ids];
	}

	next(_now: number, mix: Mix | undefined): Promise<{ next: Next; mix: Mix | undefined }> {
		return Promise.resolve({ next: this.#round.next((id) => kindOf(this.#states.get(id))), mix });
	}

	/** The cards left by their state, as a review counts them. */
	counts(): Counts {
		return countKinds(this.#round.ids.map((id) => kindOf(this.#states.get(id))));
	}

	answered(card_id: string, saved?: SavedReview): void {
		if (saved) {
			this.#states.set(card_id, saved.state);
			if (saved.marksAfter) this.#marks.set(card_id, saved.marksAfter);
		}
		this.#round.take(card_id);
	}

	drop(card_id: string): void {
		this.#round.take(card_id);
	}

	/** Undo: the card's state and marks before the answer return with it. */
	putBack(card_id: string, _kind: CardKind, saved?: SavedReview): void {
		if (saved) {
			setOrDelete(this.#states, card_id, saved.before);
			setOrDelete(this.#marks, card_id, saved.marksBefore);
		}
		this.#round.putBack(card_id);
	}

	marked(card_id: string, marks: CardMarks | undefined): void {
		setOrDelete(this.#marks, card_id, marks);
	}

	changed(): void {}

	round(without?: string): string[] {
		return this.#round.list(without);
	}

	/** What comes next for the cards it reviewed. */
	endInput(answered: readonly string[]): EndInput {
		return { catalog: answered, queue: undefined, review: false };
	}
}
