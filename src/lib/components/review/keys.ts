import { Rating } from '$lib/srs/constants';
import type { ReviewSession } from './session.svelte';

/**
 * The session's keyboard: Space or Enter reveals (or accepts the suggested
 * grade), digits pick, tick or place options and rate 1–4, U or Ctrl+Z
 * undoes, B, S and F bury, suspend and flag, ? lists the shortcuts. Typing
 * in the answer field keeps every key but Ctrl+Z and Esc.
 */
export function onSessionKey(session: ReviewSession, e: KeyboardEvent, openShortcuts: () => void): void {
	if (e.defaultPrevented || e.altKey) return;
	const target = e.target instanceof HTMLElement ? e.target : undefined;
	const typing = !!target?.closest('input[type="text"], input:not([type]), input[type="number"], textarea');
	// Undo works everywhere, the answer field included.
	if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !e.shiftKey && !target?.closest('dialog')) {
		e.preventDefault();
		void session.undo();
		return;
	}
	if (e.ctrlKey || e.metaKey) return;
	// Esc leaves the answer field, so the review shortcuts work again.
	if (typing && e.key === 'Escape' && target) {
		e.preventDefault();
		target.blur();
		document.getElementById('prompt')?.focus({ preventScroll: true });
		return;
	}
	// Typing an answer: every key is text.
	if (typing || target?.closest('dialog, [popover]')) return;
	const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
	if (e.key === '?') return void (e.preventDefault(), openShortcuts());
	if (letter === 'u') return void (e.preventDefault(), session.undo());
	if (session.card && (session.phase === 'question' || session.phase === 'answer')) {
		if (letter === 'b') return void (e.preventDefault(), session.bury());
		if (letter === 's') return void (e.preventDefault(), session.suspend());
		if (letter === 'f') return void (e.preventDefault(), session.toggleFlag());
	}
	const activate = e.key === ' ' || e.key === 'Enter';
	const answer = session.answer;
	// Enter on a ticked box checks the answer, as in a form.
	if (e.key === 'Enter' && target?.matches('input[type="checkbox"]') && answer?.canCheck) {
		e.preventDefault();
		answer.check();
		return;
	}
	// A focused control answers Space and Enter itself.
	if (activate && target?.closest('button, a, input, select, textarea, label')) return;
	const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : undefined;
	if (session.phase === 'question' && answer) {
		const kind = answer.card.kind;
		const option = digit === undefined ? undefined : answer.options[digit - 1];
		const step = digit === undefined ? undefined : answer.pool[digit - 1];
		if (activate && kind === 'flashcard') answer.reveal();
		else if (e.key === 'Enter' && answer.canCheck) answer.check();
		else if (option !== undefined && kind === 'choice') answer.pick(option);
		else if (option !== undefined && kind === 'multi') answer.toggle(option);
		else if (step !== undefined && kind === 'order') answer.place(step);
		else if (e.key === 'Backspace' && kind === 'order' && answer.placed.length > 0) answer.unplace(answer.placed.at(-1) as string);
		else return;
		e.preventDefault();
	} else if (session.phase === 'answer') {
		if (digit !== undefined && digit <= 4) void session.rate(digit);
		else if (activate) void session.rate(answer?.suggested ?? Rating.Good);
		else return;
		e.preventDefault();
	}
}
