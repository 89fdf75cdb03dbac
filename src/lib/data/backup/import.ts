import type { FSRS } from 'ts-fsrs';
import type { CardState } from '$lib/srs';
import { num } from '$lib/number';
import type { RecallDatabase } from '$lib/db/open';
import { commit } from '$lib/db/commit';
import { BulkMerge, LOCK } from '../bulk';
import { withLock } from '../lock';
import { takeNewer } from '../merge';
import { rescanForSync } from '../outbox';
import { GROW_ONLY, KINDS, NEWEST } from '../kinds';
import { withDefaults, type AppSettings } from '$lib/db/settings';
import { resetAll } from './reset';
import { BadBackup, scanFile, type CardLog, type ImportProgress, type Scan } from './import-scan';

/** Merge adds to what is here (answers by id, the newer of each mark and setting); replace deletes it first. */
export type ImportMode = 'merge' | 'replace';
export type { ImportProgress } from './import-scan';

export interface ImportOptions {
	mode: ImportMode;
	now: number;
	schedulerFor: (s: AppSettings) => FSRS;
	onProgress?: (p: ImportProgress) => void;
	/** Whether a card is in this version's decks: answers to others are kept, and make no card state. */
	known?: (card_id: string) => boolean;
	/** Stops the import between batches: what was added stays (and is said), nothing more is. */
	signal?: AbortSignal;
}

/** What an import did, for the learner to read. */
export interface ImportSummary {
	mode: ImportMode;
	reviewsAdded: number;
	reviewsPresent: number;
	practiceAdded: number;
	/** Card states restored exactly as exported. */
	cardsExact: number;
	/** Cards whose history was merged with this device's: their states were recomputed from both. */
	cardsMerged: number;
	/** Cards whose exported state was missing or did not match their answers: rebuilt from the answers. */
	cardsRebuilt: { card_id: string; why: string }[];
	/** Answers with a time before 2020 or after the day of the import: a wrong clock, kept as they are. */
	oddTimes: number;
	settings: 'backup' | 'kept';
	marksTaken: number;
	marksKept: number;
	/** Notes on cards: taken from the backup (new, or newer than this device's), or kept (this device's were newer). */
	reportsTaken: number;
	reportsKept: number;
	/** Cards in no deck of this version, and their answers: kept, with no card state. */
	unknownCards: number;
	unknownAnswers: number;
	/** Set when the import was cancelled: how many of the file's answers had been read and merged. */
	cancelled?: { done: number; total: number };
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string };

/** Whether an exported state is the one its answers lead to: as many answers, the same last one, a real date. */
function consistent(state: CardState | undefined, log: CardLog | undefined): boolean {
	return !!state && !!log && state.reps === log.count && state.last_review === log.last && Number.isFinite(state.due);
}

/**
 * Imports a backup. The whole file is checked first; a file with any problem
 * changes nothing. Then, a batch per transaction: answers are merged by id
 * (a grow-only set: a second import adds nothing), marks and settings keep
 * the newer by their stamps (or, to replace everything, the backup's), and
 * card states are restored exactly as exported where they match their
 * answers, and rebuilt from the answers where they don't or where two
 * devices' histories met.
 */
export async function importBackupFile(db: RecallDatabase, file: Blob, options: ImportOptions): Promise<ImportOutcome> {
	let scan: Scan;
	try {
		scan = await scanFile(file, options.now, options.onProgress, options.signal);
	} catch (e) {
		if (e instanceof BadBackup) return { ok: false, error: e.message };
		throw e;
	}
	// One bulk merge at a time on this device (another tab's import or sync waits); one cut short first finishes.
	const summary = (await withLock(LOCK, async () => {
		const f = options.schedulerFor(withDefaults(await db.get('settings', 'user')));
		await BulkMerge.repair(db, f, { now: options.now, known: options.known }, true);
		return applyScan(db, scan, options);
	})) as ImportSummary;
	await rescanForSync(db);
	return { ok: true, summary };
}

async function applyScan(db: RecallDatabase, scan: Scan, options: ImportOptions): Promise<ImportSummary> {
	const { mode, onProgress, signal } = options;
	const summary: ImportSummary = {
		mode,
		reviewsAdded: 0,
		reviewsPresent: 0,
		practiceAdded: 0,
		cardsExact: 0,
		cardsMerged: 0,
		cardsRebuilt: [],
		oddTimes: scan.oddTimes,
		settings: 'kept',
		marksTaken: 0,
		marksKept: 0,
		reportsTaken: 0,
		reportsKept: 0,
		unknownCards: 0,
		unknownAnswers: 0
	};

	// Replace everything: this device's own data goes first (its id and nothing else stays).
	if (mode === 'replace') await resetAll(db, { durability: 'strict' });

	// How many answers each card has here already, to know whose history a state describes.
	const cardIds = [...new Set([...scan.perCard.keys(), ...scan.states.keys(), ...scan.badStates.keys()])];
	const localCount = new Map<string, number>();
	{
		const index = db.transaction('reviews').store.index('by-card');
		const counts = await Promise.all(cardIds.map((id) => index.count(id)));
		cardIds.forEach((id, i) => localCount.set(id, counts[i] ?? 0));
	}

	// Answers, a batch per transaction: added where their id is new (into empty stores, a restore, every id is
	// new: the file has no duplicates, so none is looked up). While one batch commits, the next is read.
	const answerStores = GROW_ONLY.map((k) => KINDS[k].store);
	const total = answerStores.reduce((n, s) => n + scan.counts[s], 0);
	const empty = (await Promise.all(answerStores.map((s) => db.count(s)))).every((n) => n === 0);
	const bulk = new BulkMerge(db, { empty, now: options.now, known: options.known });
	let done = 0;
	onProgress?.({ phase: 'writing', done, total });
	let committing: Promise<unknown> | undefined;
	for await (const batch of scan.answers()) {
		await committing;
		if (signal?.aborted) break;
		committing = bulk.add(batch);
		done += answerStores.reduce((n, s) => n + batch[s].length, 0);
		committing.then(() => onProgress?.({ phase: 'writing', done: Math.min(done, total), total })).catch(() => undefined);
	}
	await committing;
	Object.assign(summary, {
		reviewsAdded: bulk.counts.reviewsAdded,
		reviewsPresent: bulk.counts.reviewsPresent,
		practiceAdded: bulk.counts.practiceAdded,
		unknownCards: bulk.unknown.size,
		unknownAnswers: bulk.counts.unknownCards
	});
	const cancelled = signal?.aborted === true;
	if (cancelled) summary.cancelled = { done: bulk.counts.reviewsAdded + bulk.counts.reviewsPresent + bulk.counts.practiceAdded, total };

	// Marks, notes and settings: the newer wins (the same rule sync uses), or the backup's settings when
	// replacing. A cancelled import takes none of them: it stops with the answers it added.
	if (!cancelled) {
		const tx = db.transaction(
			NEWEST.map((k) => KINDS[k].store),
			'readwrite',
			{ durability: 'strict' }
		);
		const taken = await takeNewer(tx, scan, mode === 'replace');
		await commit(tx, taken.writes);
		summary.marksTaken = taken.counts.marks.taken;
		summary.marksKept = taken.counts.marks.kept;
		summary.reportsTaken = taken.counts.reports.taken;
		summary.reportsKept = taken.counts.reports.kept;
		if (taken.settings.taken) summary.settings = 'backup';
	}

	// Card states: exact where the backup's history is the card's whole history; the others are brought up
	// to date from their answers, once each, when the bulk merge finishes. A cancelled import restores none
	// exactly (a card may have only some of its answers): every card it touched is replayed.
	const known = options.known ?? (() => true);
	const exact: CardState[] = [];
	for (const id of cardIds) {
		const log = scan.perCard.get(id);
		const state = scan.states.get(id);
		if (!log) {
			// A state with no answers in the backup: nothing it could be the cache of.
			if ((localCount.get(id) ?? 0) === 0) summary.cardsRebuilt.push({ card_id: id, why: 'it has no answers, so it stays new' });
			continue;
		}
		if (!known(id)) continue;
		if ((localCount.get(id) ?? 0) > 0) {
			if (bulk.touches(id)) summary.cardsMerged++;
		} else if (!cancelled && consistent(state, log)) exact.push(state as CardState);
		else if (!cancelled)
			summary.cardsRebuilt.push({ card_id: id, why: scan.badStates.get(id) ?? (state ? 'its state did not match its answers' : 'its state was missing') });
	}
	for (let i = 0; i < exact.length; i += 500) {
		const tx = db.transaction('cards', 'readwrite');
		await commit(
			tx,
			exact.slice(i, i + 500).map((c) => () => tx.store.put(c))
		);
	}
	summary.cardsExact = exact.length;
	const restored = new Set(exact.map((c) => c.card_id));
	const f = options.schedulerFor(withDefaults(await db.get('settings', 'user')));
	await bulk.finish(
		f,
		(id) => !restored.has(id),
		(n, of) => onProgress?.({ phase: 'scheduling', done: n, total: of })
	);
	return summary;
}

const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

/** The summary in words. */
export function describeImport(s: ImportSummary): string {
	const parts = [
		s.cancelled
			? `Import cancelled after ${num(s.cancelled.done)} of ${num(s.cancelled.total)} answers in the file. What was added stays, with its cards rescheduled; marks, notes and settings were not imported. Import the same file again to add the rest: answers already here are skipped.`
			: '',
		`${s.mode === 'replace' ? 'Replaced everything' : 'Merged'}: ${plural(s.reviewsAdded, 'answer', 'answers')} added${s.reviewsPresent > 0 ? ` (${plural(s.reviewsPresent, 'was', 'were')} here already)` : ''}, ${plural(s.practiceAdded, 'practice answer', 'practice answers')} added.`,
		`${plural(s.cardsExact, 'card', 'cards')} restored exactly as exported${s.cardsMerged > 0 ? `, ${plural(s.cardsMerged, 'card', 'cards')} rescheduled from both histories` : ''}.`
	];
	if (s.cardsRebuilt.length > 0) {
		const shown = s.cardsRebuilt.slice(0, 5).map((c) => `${c.card_id} (${c.why})`);
		parts.push(`Rebuilt from their answers: ${shown.join('; ')}${s.cardsRebuilt.length > 5 ? ` and ${s.cardsRebuilt.length - 5} more` : ''}.`);
	}
	if (s.unknownAnswers > 0)
		parts.push(
			`${plural(s.unknownAnswers, 'answer is', 'answers are')} for ${plural(s.unknownCards, 'card', 'cards')} this version does not have (a newer version's decks, or cards since removed): kept, not scheduled.`
		);
	if (s.oddTimes > 0)
		parts.push(
			`${plural(s.oddTimes, 'answer has', 'answers have')} a time before 2020 or in the future: the device clock was probably wrong. ${s.oddTimes === 1 ? 'It was' : 'They were'} kept as ${s.oddTimes === 1 ? 'it is' : 'they are'}, and ${s.oddTimes === 1 ? 'is' : 'are'} passed over when a card's schedule is worked out again from its answers.`
		);
	parts.push(
		s.settings === 'backup' ? "Settings: the backup's." : 'Settings: yours were newer and stay.',
		s.marksTaken + s.marksKept > 0
			? `Marks: ${plural(s.marksTaken, 'card', 'cards')} from the backup${s.marksKept > 0 ? `, ${s.marksKept} of yours newer and kept` : ''}.`
			: '',
		s.reportsTaken + s.reportsKept > 0
			? `Card reports: ${plural(s.reportsTaken, 'note', 'notes')} from the backup${s.reportsKept > 0 ? `, ${s.reportsKept} of yours newer and kept` : ''}.`
			: ''
	);
	return parts.filter(Boolean).join(' ');
}
