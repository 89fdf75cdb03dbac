/**
 * Tells the app's other tabs that the learner's data changed, so they
 * refresh their queue instead of showing a card answered elsewhere.
 */
export interface ChangeMessage {
	type: 'reviewed' | 'marked' | 'undone' | 'settings';
	card_id?: string;
}

const NAME = 'roadmap-recall';
let channel: BroadcastChannel | undefined;

function get(): BroadcastChannel | undefined {
	if (typeof BroadcastChannel === 'undefined') return undefined;
	channel ??= new BroadcastChannel(NAME);
	return channel;
}

export function announce(message: ChangeMessage): void {
	get()?.postMessage(message);
}

/** Calls `listener` for every change another tab announces; returns the way to stop. */
export function onChange(listener: (message: ChangeMessage) => void): () => void {
	const ch = get();
	if (!ch) return () => undefined;
	const handler = (e: MessageEvent<ChangeMessage>) => listener(e.data);
	ch.addEventListener('message', handler);
	return () => ch.removeEventListener('message', handler);
}
