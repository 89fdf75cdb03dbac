import type { FSRS } from 'ts-fsrs';
import { replay, type CardState, type ReviewRecord } from '$lib/srs';
import { num } from '$lib/number';
import type { RecallDatabase } from '$lib/db/open';
import { commit } from '$lib/db/commit';
import { addAnswers, ANSWER_STORES, takeNewer, type Answers } from '../merge';
import { rescanForSync } from '../outbox';
import { GROW_ONLY, KINDS, NEWEST } from '../kinds';
import { withDefaults, type AppSettings } from '$lib/db/settings';
import { resetAll } from './reset';
import { BadBackup, breathe, scanFile, type CardLog, type ImportProgress, type Scan } from './import-scan';

/** Merge adds to what is here (answers by id, the newer of each mark and setting); replace deletes it first. */
export type ImportMode = 'merge' | 'replace';
export type { ImportProgress } from './import-scan';

export interface ImportOptions {
	mode: ImportMode;
	now: number;
	schedulerFor: (s: AppSettings) => FSRS;
	onProgress?: (p: ImportProgress) => void;
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
		scan = await scanFile(file, options.now, options.onProgress);
	} catch (e) {
		if (e instanceof BadBackup) return { ok: false, error: e.message };
		throw e;
	}
	const summary = await applyScan(db, scan, options);
	await rescanForSync(db);
	return { ok: true, summary };
}

async function applyScan(db: RecallDatabase, scan: Scan, options: ImportOptions): Promise<ImportSummary> {
	const { mode, onProgress } = options;
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
		reportsKept: 0
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

	// Answers, a batch per transaction: added where their id is new. Into an empty store (a restore),
	// every id is new: the file has no duplicates, so the look-ups are skipped.
	const added = new Map<string, number>();
	const answerStores = GROW_ONLY.map((k) => KINDS[k].store);
	const total = answerStores.reduce((n, s) => n + scan.counts[s], 0);
	const empty = Object.fromEntries(await Promise.all(answerStores.map(async (s) => [s, (await db.count(s)) === 0]))) as Record<keyof Answers, boolean>;
	let done = 0;
	for await (const batch of scan.answers()) {
		// Relaxed: a batch lost to a crash is still in the file; the last transaction below is strict.
		// The running totals take the batch's new answers in the same transaction, so a lost batch loses both.
		const tx = db.transaction(ANSWER_STORES, 'readwrite', { durability: 'relaxed' });
		const { writes, fresh } = await addAnswers(tx, batch, empty);
		summary.reviewsPresent += batch.reviews.length - fresh.reviews.length;
		// All of the batch or none of it: commit() aborts the transaction if a write throws at once.
		await commit(tx, writes);
		for (const r of fresh.reviews) added.set(r.card_id, (added.get(r.card_id) ?? 0) + 1);
		summary.reviewsAdded += fresh.reviews.length;
		summary.practiceAdded += fresh.practice.length;
		done += answerStores.reduce((n, s) => n + batch[s].length, 0);
		onProgress?.({ phase: 'writing', done, total });
		await breathe();
	}

	// Marks, notes and settings: the newer wins (the same rule sync uses), or the backup's settings when replacing.
	{
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

	// Card states: exact where the backup's history is the card's whole history, else rebuilt from the answers.
	const settings = withDefaults(await db.get('settings', 'user'));
	const f = options.schedulerFor(settings);
	const work = cardIds.filter((id) => (added.get(id) ?? 0) > 0 || ((localCount.get(id) ?? 0) === 0 && !scan.perCard.has(id)));
	for (let i = 0; i < work.length; i += 200) {
		const slice = work.slice(i, i + 200);
		const tx = db.transaction(['cards', 'reviews'], 'readwrite', { durability: 'strict' });
		const cards = tx.objectStore('cards');
		const byCard = tx.objectStore('reviews').index('by-card');
		const writes: Promise<unknown>[] = [];
		const replays: { id: string; logs: Promise<ReviewRecord[]> }[] = [];
		for (const id of slice) {
			const log = scan.perCard.get(id);
			const state = scan.states.get(id);
			if (!log) {
				// A state with no answers in the backup or here: nothing it could be the cache of.
				summary.cardsRebuilt.push({ card_id: id, why: 'it has no answers, so it stays new' });
				continue;
			}
			if ((localCount.get(id) ?? 0) === 0) {
				if (consistent(state, log)) {
					writes.push(cards.put(state as CardState));
					summary.cardsExact++;
					continue;
				}
				summary.cardsRebuilt.push({
					card_id: id,
					why: scan.badStates.get(id) ?? (state ? 'its state did not match its answers' : 'its state was missing')
				});
			} else summary.cardsMerged++;
			replays.push({ id, logs: byCard.getAll(id) });
		}
		for (const r of replays) {
			const state = replay(f, r.id, await r.logs);
			if (state) writes.push(cards.put(state));
		}
		await Promise.all([...writes, tx.done]);
		onProgress?.({ phase: 'scheduling', done: Math.min(i + 200, work.length), total: work.length });
		await breathe();
	}
	return summary;
}

const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

/** The summary in words. */
export function describeImport(s: ImportSummary): string {
	const parts = [
		`${s.mode === 'replace' ? 'Replaced everything' : 'Merged'}: ${plural(s.reviewsAdded, 'answer', 'answers')} added${s.reviewsPresent > 0 ? ` (${plural(s.reviewsPresent, 'was', 'were')} here already)` : ''}, ${plural(s.practiceAdded, 'practice answer', 'practice answers')} added.`,
		`${plural(s.cardsExact, 'card', 'cards')} restored exactly as exported${s.cardsMerged > 0 ? `, ${plural(s.cardsMerged, 'card', 'cards')} rescheduled from both histories` : ''}.`
	];
	if (s.cardsRebuilt.length > 0) {
		const shown = s.cardsRebuilt.slice(0, 5).map((c) => `${c.card_id} (${c.why})`);
		parts.push(`Rebuilt from their answers: ${shown.join('; ')}${s.cardsRebuilt.length > 5 ? ` and ${s.cardsRebuilt.length - 5} more` : ''}.`);
	}
	if (s.oddTimes > 0)
		parts.push(
			`${plural(s.oddTimes, 'answer has', 'answers have')} a time before 2020 or in the future: the device clock was probably wrong. ${s.oddTimes === 1 ? 'It was' : 'They were'} kept as ${s.oddTimes === 1 ? 'it is' : 'they are'}.`
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
