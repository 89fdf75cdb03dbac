import { changes, type Change } from '$lib/data/changes.svelte';
import { appDb } from '$lib/data/client';
import { restoreMarks, setMarks, undoPractice, undoReview } from '$lib/data/answers';
import { addExtraNew, loadJournal } from '$lib/data/journal';
import type { CardMarks } from '$lib/data/types';
import { loadCards } from '$lib/decks/client';
import { loadToday } from '$lib/study/today';
import { nextDayStart, startOfDay } from '$lib/srs/day';
import type { Grade } from '$lib/srs/types';
import { SessionFlow } from './session-flow.svelte';
import type { CardKind } from './session-log.svelte';
import { shortPrompt } from './session-text';

export type { Phase } from './answer.svelte';
export type { Mode } from './session-flow.svelte';
export type { SessionSummary } from './summary';
export { UNDO_LIMIT } from './session-log.svelte';
export { shortPrompt } from './session-text';

/**
 * One study session: today's due cards (review), N random cards that
 * leave the schedule alone (practice), or a fixed list reviewed early
 * (target). SessionFlow orders the cards and
 * saves answers, SessionLog keeps the counts, the undo history and the
 * journal; this adds what the learner does besides answering: undo, bury,
 * suspend, flag, another round, and following other tabs.
 */
export class ReviewSession extends SessionFlow {
	#stopListening: (() => void) | undefined;

	/** Starts the session, carrying on today's journal for this scope if there is one. */
	async load(): Promise<void> {
		// Another tab, or a sync that brought answers given on another device: this session's own writes aside.
		this.#stopListening = changes.subscribe((c) => {
			if (c.from !== 'here') void this.#changedElsewhere(c);
		});
		try {
			const now = Date.now();
			const today = await loadToday(now, this.deck);
			this.settings = today.settings;
			const journal = await loadJournal(await appDb(), this.scope, startOfDay(now, today.settings.dayStartHour));
			if (journal) this.resume(journal);
			if (this.mode === 'target') {
				this.states = today.states;
				this.marks = today.marks;
			}
			if (this.inRound) {
				if (!journal || journal.ended || !journal.practiceQueue?.length) {
					this.resetCounts();
					await this.newRound();
				} else this.queue = [...journal.practiceQueue];
				this.cards = await loadCards(this.queue);
				this.showNextInRound();
			} else {
				// A finished session reopened with cards due is a new session; with none, its summary again.
				if (journal?.ended && today.counts.total > 0) this.resetCounts();
				await this.advance(!journal || journal.ended);
			}
		} catch (e) {
			this.loadError = e instanceof Error ? e.message : String(e);
			this.phase = 'error';
		}
	}

	/** Stops timers and listening when the page goes away. */
	override destroy(): void {
		super.destroy();
		this.#stopListening?.();
	}

	/** Another round: a new practice draw, or a section quiz with `extraNew` more new cards allowed today. */
	async again(extraNew = 0): Promise<void> {
		if (this.saving) return;
		this.saving = true;
		try {
			const db = await appDb();
			if (extraNew > 0 && this.deck && this.settings) await addExtraNew(db, this.deck, startOfDay(Date.now(), this.settings.dayStartHour), extraNew);
			this.resetCounts();
			this.summary = undefined;
			this.phase = 'loading';
			if (this.inRound) {
				await this.newRound();
				this.cards = await loadCards(this.queue);
				this.showNextInRound();
			} else {
				await this.advance(true);
			}
			await this.journal();
		} finally {
			this.saving = false;
		}
	}

	/**
	 * Another tab answered or changed a card. If it is the card on screen,
	 * still unanswered here, or if this tab is waiting, the queue is rebuilt;
	 * an answer the learner is giving here is never swept away.
	 */
	async #changedElsewhere(c: Change): Promise<void> {
		// What this session holds is out of date now: its next card comes from a fresh read.
		this.stale = true;
		if (this.mode !== 'review' || this.saving) return;
		const onScreen = this.phase === 'question' && this.card !== undefined && (c.cards?.includes(this.card.id) ?? false);
		if (!onScreen && this.phase !== 'waiting') return;
		this.saving = true;
		try {
			await this.advance();
		} finally {
			this.saving = false;
		}
	}

	/** Takes back the last answer (or bury/suspend/flag/skip): the exact earlier state returns and the card is shown again. */
	async undo(): Promise<void> {
		if (this.saving) return;
		const step = this.undoSteps.at(-1);
		if (!step) return;
		this.saving = true;
		this.snack = undefined;
		try {
			const db = await appDb();
			if (step.type === 'review') {
				await undoReview(db, step.saved);
				changes.publish('undone', [step.saved.log.card_id]);
				this.counted(step.saved.log.card_id, step.saved.log.rating as Grade, step.duration, -1);
				if (this.mix && step.kind !== 'learning') {
					this.mix.shown--;
					if (step.kind === 'new') this.mix.newShown--;
				}
				if (this.mode === 'target') {
					const { log, before, marksBefore } = step.saved;
					if (before) this.states.set(log.card_id, before);
					else this.states.delete(log.card_id);
					if (marksBefore) this.marks.set(log.card_id, marksBefore);
					else this.marks.delete(log.card_id);
					await this.#backInRound(log.card_id);
				} else await this.#reshow(step.saved.log.card_id, step.kind);
			} else if (step.type === 'practice' || step.type === 'skip') {
				const card_id = step.type === 'practice' ? step.record.card_id : step.card_id;
				if (step.type === 'practice') {
					await undoPractice(db, step.record);
					this.counted(card_id, step.record.rating, step.record.duration, -1);
				}
				await this.#backInRound(card_id);
			} else {
				await restoreMarks(db, step.card_id, step.before);
				changes.publish('marked', [step.card_id]);
				if (step.before) this.marks.set(step.card_id, step.before);
				else this.marks.delete(step.card_id);
				if (this.card?.id === step.card_id) this.flagged = step.before?.flagged ?? false;
				else if (this.inRound) {
					if (this.queue[0] !== step.card_id) this.queue.unshift(step.card_id);
					this.showNextInRound();
				} else await this.#reshow(step.card_id, this.currentKind);
			}
			this.undoSteps.pop();
			this.undoCount = this.undoSteps.length;
			this.notice = 'Undone.';
			await this.journal();
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	/** A round: the card goes back to the front of the list and shows again. */
	async #backInRound(card_id: string): Promise<void> {
		if (this.queue[0] !== card_id) this.queue.unshift(card_id);
		this.cards = new Map([...this.cards, ...(await loadCards([card_id]))]);
		this.summary = undefined;
		this.ended = false;
		this.showNextInRound();
		this.moveProgress(true);
	}

	async #reshow(card_id: string, kind: CardKind): Promise<void> {
		clearTimeout(this.timer);
		this.summary = undefined;
		this.ended = false;
		await this.refresh(Date.now());
		this.moveProgress(true);
		this.cards = new Map([...this.cards, ...(await loadCards([card_id]))]);
		this.currentKind = kind;
		this.show(card_id);
	}

	async #mark(patch: Partial<Omit<CardMarks, 'card_id'>>, label: string, leave: boolean): Promise<void> {
		const card = this.card;
		if (!card || this.saving || (this.phase !== 'question' && this.phase !== 'answer')) return;
		this.saving = true;
		this.notice = undefined;
		try {
			const db = await appDb();
			const { before, after } = await setMarks(db, card.id, patch);
			changes.publish('marked', [card.id]);
			this.marks.set(card.id, after);
			this.push({ type: 'marks', card_id: card.id, before, label });
			if (!leave) {
				this.flagged = after.flagged;
			} else if (this.inRound) {
				this.queue.shift();
				this.showNextInRound();
			} else {
				await this.advance();
			}
			this.snack = label;
			await this.journal();
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	/** Practice: takes the card out of this round only; no schedule or mark changes. */
	async #skip(): Promise<void> {
		const card = this.card;
		if (!card || this.saving || (this.phase !== 'question' && this.phase !== 'answer')) return;
		this.saving = true;
		this.notice = undefined;
		try {
			const label = `Skipped “${shortPrompt(card.prompt)}” in this round. Its schedule is unchanged.`;
			this.push({ type: 'skip', card_id: card.id, label });
			this.queue.shift();
			this.showNextInRound();
			this.snack = label;
			await this.journal();
		} finally {
			this.saving = false;
		}
	}

	/** Hides the card until the learner's next day; in practice, only skips it in this round. */
	bury(): Promise<void> {
		const s = this.settings;
		const card = this.card;
		if (!s || !card) return Promise.resolve();
		if (this.mode === 'practice') return this.#skip();
		return this.#mark({ buried_until: nextDayStart(Date.now(), s.dayStartHour) }, `Buried “${shortPrompt(card.prompt)}” until tomorrow.`, true);
	}

	/** Hides the card from reviews until the learner resumes it. Practice never suspends: it leaves the schedule alone. */
	suspend(): Promise<void> {
		const card = this.card;
		if (!card) return Promise.resolve();
		if (this.mode === 'practice') return this.#skip();
		return this.#mark({ suspended: true }, `Suspended “${shortPrompt(card.prompt)}”. Resume it under Cards.`, true);
	}

	/** Flags or unflags the card, to find it later. */
	toggleFlag(): Promise<void> {
		const card = this.card;
		if (!card) return Promise.resolve();
		const p = shortPrompt(card.prompt);
		return this.#mark({ flagged: !this.flagged }, this.flagged ? `Removed the flag from “${p}”.` : `Flagged “${p}”.`, false);
	}

	/** Dismisses the snackbar. */
	dismissSnack(): void {
		this.snack = undefined;
	}
}
