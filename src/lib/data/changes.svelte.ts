// The one signal that the learner's data changed, wherever the change came
// from: a write in this tab, another tab (over a BroadcastChannel), or a sync
// that merged records from another device. Views and the review session
// subscribe here, or read `changes.version` in an effect; nothing else
// announces changes.

/** What changed. */
export type ChangeKind =
	/** A card was answered (here, in another tab, or on another device). */
	| 'reviewed'
	/** An answer was taken back. */
	| 'undone'
	/** A card was buried, suspended, flagged or restored. */
	| 'marked'
	/** The settings were saved. */
	| 'settings'
	/** Much at once: an import, a reset, a large sync. Anything may have changed, settings included. */
	| 'data';

export interface Change {
	kind: ChangeKind;
	/** The cards it touched; none named: any card may have changed. */
	cards?: readonly string[];
	/** Where it came from: this tab, another of the app's tabs, or a sync pull. */
	from: 'here' | 'tab' | 'sync';
}

type Listener = (change: Change) => void;

/** What a tab of the version before this one sends: one card, or none. */
interface OldMessage {
	type?: 'reviewed' | 'marked' | 'undone' | 'settings';
	card_id?: string;
}

function fromTab(m: Partial<Change> & OldMessage): Change {
	if (m.kind) return { kind: m.kind, from: 'tab', ...(m.cards ? { cards: m.cards } : {}) };
	return { kind: m.type ?? 'data', from: 'tab', ...(m.card_id ? { cards: [m.card_id] } : {}) };
}
const NAME = 'roadmap-recall';

export class ChangeHub {
	/** Goes up with every change from anywhere: read it in an effect to run again after one. */
	version = $state(0);
	#listeners = new Set<Listener>();
	#channel: BroadcastChannel | undefined;

	/** Tells this tab's views and the other tabs: this tab wrote, or a sync in this tab merged, something. */
	publish(kind: ChangeKind, cards?: readonly string[], from: 'here' | 'sync' = 'here'): void {
		const change: Change = { kind, from, ...(cards ? { cards: [...cards] } : {}) };
		this.#deliver(change);
		// `type` and `card_id` are what tabs of the version before this one read.
		this.#open()?.postMessage({ ...change, type: kind === 'data' ? 'settings' : kind, card_id: cards?.length === 1 ? cards[0] : undefined });
	}

	/** Calls `listener` for every change from now on; returns the way to stop. */
	subscribe(listener: Listener): () => void {
		this.#open();
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#deliver(change: Change): void {
		this.version++;
		for (const listener of [...this.#listeners]) listener(change);
	}

	/** The channel to the other tabs, opened on first use (none where BroadcastChannel is missing, or off the browser). */
	#open(): BroadcastChannel | undefined {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return this.#channel;
		this.#channel = new BroadcastChannel(NAME);
		this.#channel.addEventListener('message', (e: MessageEvent<Partial<Change> & OldMessage>) => this.#deliver(fromTab(e.data)));
		return this.#channel;
	}
}

/** The app's one change hub. */
export const changes = new ChangeHub();
