import { dropConnection } from '$lib/data/client';
import type { UndoStep } from '$lib/data/types';
import { connection } from '$lib/data/status.svelte';
import { GRADE_NAMES } from '$lib/srs/grade-names';

import { shortPrompt } from '$lib/decks/title';

/**
 * Says what an undo took back, and on which card: "Undid Good on “What does
 * HTTP 404 mean?”." A mark or a skip is named by the first sentence of what
 * its snackbar said ("Undone: buried “…” until tomorrow.").
 */
export function undoneText(step: UndoStep, prompt: string | undefined): string {
	if (step.type === 'review' || step.type === 'practice') {
		const rating = step.type === 'review' ? step.saved.log.rating : step.record.rating;
		const name = GRADE_NAMES[rating] ?? 'the answer';
		return prompt === undefined ? `Undid ${name}.` : `Undid ${name} on “${shortPrompt(prompt)}”.`;
	}
	const end = step.label.indexOf('.', step.label.lastIndexOf('”'));
	const first = end < 0 ? step.label : step.label.slice(0, end + 1);
	return `Undone: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** Says that an answer made the card a leech, and what became of it. */
export function leechNotice(prompt: string, lapses: number): string {
	return `“${shortPrompt(prompt)}” has lapsed ${lapses} times: it is a leech, and now suspended. Find it under Cards to rework and resume it.`;
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
