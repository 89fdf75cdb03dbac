import type { AppSettings, CardMarks, SessionJournal } from '$lib/data/types';
import type { DeckIndex } from '$lib/decks/types';
import type { Mix } from '$lib/srs/pick';
import type { CardState } from '$lib/srs/types';
import type { Today } from '$lib/study/today';
import { shuffled } from '../shuffle';
import { Round } from './round';
import { setOrDelete, type CardSource, type Counts, type EndInput, type Next } from './source';

/**
 * N random cards of one section, practised without touching the schedule:
 * answers become practice records, bury and suspend only skip a card in
 * this round, and "Practice another N" draws a new round. Given `pool`, the
 * round is those cards instead, in their order (today's misses).
 */
export class PracticeSource implements CardSource {
	readonly practice = true;
	readonly live = false;
	readonly extraNew = 0;
	readonly deck: string | undefined;
	readonly size: number;
	readonly scope: string;
	readonly states = new Map<string, CardState>();
	#marks = new Map<string, CardMarks>();
	#settings: AppSettings | undefined;
	#index: DeckIndex | undefined;
	#round = new Round();
	#pool: ((today: Today) => string[]) | undefined;
	#ids: string[] = [];

	constructor(deck: string | undefined, size: number, pool?: { name: string; ids: (today: Today) => string[] }) {
		this.deck = deck;
		this.size = Math.max(1, size);
		this.#pool = pool?.ids;
		this.scope = `practice:${pool?.name ?? deck ?? 'all'}`;
	}

	get settings(): AppSettings | undefined {
		return this.#settings;
	}
	get marks(): ReadonlyMap<string, CardMarks> {
		return this.#marks;
	}

	start(today: Today): void {
		this.#settings = today.settings;
		this.#index = today.index;
		this.#ids = this.#pool?.(today) ?? [];
		// Only to show whether a card is flagged: practice never hides or reschedules one.
		this.#marks = today.marks;
	}

	/** Carries on the journal's round if it has cards left; else draws a new one. */
	resume(journal: SessionJournal | undefined): boolean {
		if (this.#round.carryOn(journal)) return true;
		this.restart();
		return false;
	}

	restart(): void {
		if (this.#pool) this.#round.ids = this.#ids.slice(0, this.size);
		else this.#round.ids = shuffled(this.#index?.decks.find((d) => d.id === this.deck)?.cardIds ?? []).slice(0, this.size);
	}

	next(_now: number, mix: Mix | undefined): Promise<{ next: Next; mix: Mix | undefined }> {
		return Promise.resolve({ next: this.#round.next(() => 'new'), mix });
	}

	/** Every card as one count: practice has no new, learning or review. */
	counts(): Counts {
		return { fresh: 0, learning: 0, review: this.#round.ids.length };
	}

	answered(card_id: string): void {
		this.#round.take(card_id);
	}

	drop(card_id: string): void {
		this.#round.take(card_id);
	}

	putBack(card_id: string): void {
		this.#round.putBack(card_id);
	}

	marked(card_id: string, marks: CardMarks | undefined): void {
		setOrDelete(this.#marks, card_id, marks);
	}

	changed(): void {}

	round(without?: string): string[] {
		return this.#round.list(without);
	}

	endInput(): EndInput {
		return { catalog: undefined, queue: undefined, review: false };
	}
}
