import { dropConnection } from '$lib/data/client';
import { connection } from '$lib/data/status.svelte';

/** A prompt short enough to name a card in a message. */
export function shortPrompt(prompt: string): string {
	const p = prompt.replaceAll('`', '').replace(/\s+/g, ' ').trim();
	return p.length > 60 ? `${p.slice(0, 57).trimEnd()}…` : p;
}

/** Why a save failed, in words; the answer stays on screen to retry. */
export function describeFailure(e: unknown): string {
	const name = e instanceof DOMException || e instanceof Error ? e.name : '';
	if (connection.blocked) return 'Not saved: a newer version of the app is open in another tab. Reload this tab; your answer will need giving again.';
	if (name === 'InvalidStateError') dropConnection();
	const why =
		name === 'QuotaExceededError'
			? 'the device is out of storage space for this site'
			: name === 'AbortError'
				? 'the browser aborted the write'
				: name === 'InvalidStateError'
					? 'the connection to the database was closed'
					: e instanceof Error
						? e.message
						: String(e);
	return `Not saved: ${why}. Your answer is kept here; press Retry.`;
}
