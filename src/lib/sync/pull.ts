import { BulkMerge, LOCK } from '$lib/data/bulk';
import { docId, GROW_ONLY, isGrowOnly, KINDS, kindOf, storeKeyOf } from '$lib/data/kinds';
import { withLock } from '$lib/data/lock';
import { putMeta, readMeta } from '$lib/db/meta';
import type { RecallDatabase } from '$lib/db/open';
import { withDefaults } from '$lib/db/settings';
import { SyncCancelled, type ChangesPage, type CouchClient, type CouchDoc, type DbInfo } from './couch';
import { addToBatch, checkDoc, newBatch } from './docs';
import type { SyncOptions, Tally } from './options';

/**
 * The pull: the server's changes since the sequence this device reached,
 * CHANGES_PAGE at a time, each page merged in one transaction with the
 * sequence it reached (so a pull cut short, or cancelled, resumes there).
 * One BulkMerge for the whole pull: a page only adds the answers whose ids
 * are new (and takes the newer marks, notes and settings); the running
 * totals and each touched card's state are brought up to date once, at the
 * end, whether the pull ended, failed or was cancelled.
 *
 * A page comes with its documents (_changes?include_docs=true: one request
 * instead of a list and a fetch), while the next page is read during the
 * merge. Into empty answer stores (a new device's first download), no id is
 * looked up: each is new. When most answers in a page turn out to be here
 * already (this device's own, coming back after its first upload), the
 * following pages come as ids only and just the missing documents are
 * fetched, the ids of the answers here read once to tell which (such pages
 * are IDS_PAGE_FACTOR times longer: an id is small); when most are missing
 * again, documents come with the list again.
 */

/** Changes per request (and per transaction). */
export const CHANGES_PAGE = 2000;
/** A page of ids only (no documents: a few dozen bytes a change) holds this many times more. */
const IDS_PAGE_FACTOR = 5;
/** Answers in a page enough to judge whether most are here already. */
const JUDGE = 100;
/** Past this many answers, their ids are looked up a page at a time instead of held in memory (about 80 bytes each). */
const HOLD = 300_000;

const ANSWER_STORES = GROW_ONLY.map((k) => KINDS[k].store);

/** How a page's answers are told from those here: they come with it, or as ids (then held here, or looked up). */
type Mode = 'docs' | { held: Set<string> } | 'look up';

export async function pull(db: RecallDatabase, client: CouchClient, options: SyncOptions, tally: Tally, server: DbInfo): Promise<void> {
	const now = (options.now ?? Date.now)();
	const schedulerNow = async () => options.schedulerFor(withDefaults(await db.get('settings', 'user')));
	// One bulk merge at a time on this device: an import in another tab finishes first, and a merge cut short is repaired.
	await withLock(LOCK, async () => {
		const bulkOptions = { now, known: options.known };
		await BulkMerge.repair(db, await schedulerNow(), bulkOptions, true);
		const since = (await readMeta(db, 'sync-since')) ?? 0;
		const left = estimateLeft(server, since);
		const empty = left !== undefined && left <= HOLD && (await countAnswers(db)) === 0;
		const bulk = new BulkMerge(db, { ...bulkOptions, empty });
		try {
			await new Pull(db, client, options, tally, bulk, empty).run(since, left);
		} finally {
			// What committed is brought up to date, with the settings now in force (a page may have brought new ones).
			if (bulk.started) {
				const startedAt = (options.now ?? Date.now)();
				await bulk.finish(await schedulerNow(), undefined, (done, total) => options.onProgress?.({ phase: 'schedule', done, total, startedAt }));
			}
			tally.cards = bulk.touchedCards();
			tally.findings = { oddTimes: bulk.counts.oddTimes, odd: bulk.odd, unknown: bulk.unknown };
		}
	});
}

class Pull {
	/** Given up when the pull stops (a failure, or Cancel): the page read ahead. */
	private readonly stop = new AbortController();
	private readonly limit: number;
	/** Into empty stores: the answers taken so far (a feed may list a document twice: CouchDB's clusters can go back a little). */
	private readonly taken: Set<string> | undefined;
	/** The ids of the answers here, once pages come as ids only (undefined: not read yet, or too many to hold). */
	private held: Set<string> | undefined;

	constructor(
		private readonly db: RecallDatabase,
		private readonly client: CouchClient,
		private readonly options: SyncOptions,
		private readonly tally: Tally,
		private readonly bulk: BulkMerge,
		empty: boolean
	) {
		this.limit = options.changesPage ?? CHANGES_PAGE;
		this.taken = empty ? new Set() : undefined;
	}

	async run(since: string | number, left: number | undefined): Promise<void> {
		const { options, limit } = this;
		const startedAt = (options.now ?? Date.now)();
		let total = left;
		let done = 0;
		// Right after this sync uploaded most of what the feed holds (a device's first upload), its pages are mostly
		// this device's own answers coming back: ids only from the start.
		let withDocs = left === undefined || this.tally.sent * 2 < left;
		const cancel = () => this.stop.abort();
		options.signal?.addEventListener('abort', cancel);
		try {
			if (options.signal?.aborted) throw new SyncCancelled();
			let next = this.read(since, withDocs);
			for (;;) {
				const { page, docs } = await next;
				const more = page.results.length > 0 && (page.pending !== undefined ? page.pending > 0 : page.results.length >= this.size(docs));
				if (more) next = this.read(page.last_seq, withDocs);
				if (!docs) this.held ??= await answerIds(this.db);
				const found = await this.merge(page, docs ? 'docs' : this.held ? { held: this.held } : 'look up');
				done += page.results.length;
				total = page.pending !== undefined ? done + page.pending : total === undefined ? undefined : Math.max(total, done + (more ? 1 : 0));
				options.onProgress?.({ phase: 'pull', done, total: more ? total : done, startedAt });
				if (found.answers >= Math.min(JUDGE, limit / 2)) withDocs = found.present * 2 < found.answers;
				if (!more) return;
				if (options.signal?.aborted) throw new SyncCancelled();
			}
		} finally {
			this.stop.abort();
			options.signal?.removeEventListener('abort', cancel);
		}
	}

	/** How many changes a page asks for. */
	private size(docs: boolean): number {
		return docs ? this.limit : this.limit * IDS_PAGE_FACTOR;
	}

	/** A page of changes, read ahead: awaited when its turn comes, or given up. */
	private read(from: string | number, docs: boolean): Promise<{ page: ChangesPage; docs: boolean }> {
		const page = this.client.changes(from, this.size(docs), { docs, signal: this.stop.signal }).then((p) => ({ page: p, docs }));
		page.catch(() => undefined);
		return page;
	}

	/**
	 * Merges one page of changes, with the sequence it reached, in one
	 * transaction; for a page of ids only, the answers not here are fetched
	 * first. Returns how many answers it listed and how many of those were
	 * here already.
	 */
	private async merge(page: ChangesPage, mode: Mode): Promise<{ answers: number; present: number }> {
		const { tally } = this;
		const batch = newBatch();
		const answers: string[] = [];
		const others: string[] = [];
		const given = new Map<string, CouchDoc | undefined>();
		for (const change of page.results) {
			const kind = kindOf(change.id);
			if (!kind) {
				if (!change.id.startsWith('_design/') && !change.deleted) tally.skipped.push({ id: change.id, why: 'not a kind of document this app writes' });
				continue;
			}
			if (change.deleted) {
				// An answer undone on the device that gave it. Marks, notes and settings are never deleted: they are stamped.
				if (isGrowOnly(kind)) batch.removed[KINDS[kind].store].push(storeKeyOf(kind, change.id));
				continue;
			}
			if (!isGrowOnly(kind)) others.push(change.id);
			else if (!this.taken?.has(change.id)) answers.push(change.id);
			if (mode === 'docs') given.set(change.id, change.doc);
		}
		const here = await answersHere(this.db, answers, mode);
		const wanted = [...others, ...answers.filter((id) => !here.undone.has(id) && !here.present.has(id))];
		// A page of ids only (or a change that came without its document) has the documents it needs fetched.
		const fetch = mode === 'docs' ? wanted.filter((id) => !given.get(id)) : wanted;
		const fetched: (CouchDoc | null | undefined)[] = [
			...(mode === 'docs' ? wanted.map((id) => given.get(id)) : []),
			// Deleted since the change was listed: no doc (a later change says so).
			...(await this.client.allDocs(fetch, true, this.stop.signal)).map((row) => row.doc)
		];
		for (const doc of fetched) {
			if (!doc) continue;
			const checked = checkDoc(doc);
			if (checked.ok) addToBatch(batch, checked);
			else tally.skipped.push({ id: checked.id, why: checked.why });
		}
		const outcome = await this.bulk.add(batch, (tx) => [() => putMeta(tx.objectStore('meta'), 'sync-since', page.last_seq)]);
		if (this.taken) for (const id of answers) this.taken.add(id);
		const taken = outcome.taken;
		tally.received +=
			outcome.fresh.reviews.length +
			outcome.removed +
			outcome.fresh.practice.length +
			(taken ? taken.counts.marks.taken + taken.counts.reports.taken + (taken.settings.taken ? 1 : 0) : 0);
		if (taken?.settings.taken) tally.settingsTaken = true;
		return { answers: answers.length, present: here.present.size + outcome.present };
	}
}

/**
 * How many changes a pull from `since` has ahead, from what GET /{db} said:
 * from the start, one per document; later, at most the updates since (a
 * sequence's leading number counts them). CouchDB's `pending` replaces it
 * after the first page.
 */
function estimateLeft(server: DbInfo, since: string | number): number | undefined {
	const docs = server.doc_count + server.doc_del_count;
	if (String(since) === '0') return docs;
	const behind = parseInt(String(server.update_seq), 10) - parseInt(String(since), 10);
	return Number.isFinite(behind) ? Math.max(0, Math.min(docs, behind)) : undefined;
}

async function countAnswers(db: RecallDatabase): Promise<number> {
	const tx = db.transaction(ANSWER_STORES);
	return (await Promise.all(ANSWER_STORES.map((s) => tx.objectStore(s).count()))).reduce((a, b) => a + b, 0);
}

/** The document ids of every answer here, read in one request per store; undefined if there are more than HOLD. */
async function answerIds(db: RecallDatabase): Promise<Set<string> | undefined> {
	if ((await countAnswers(db)) > HOLD) return undefined;
	const tx = db.transaction(ANSWER_STORES);
	const keys = await Promise.all(GROW_ONLY.map(async (kind) => ({ kind, keys: await tx.objectStore(KINDS[kind].store).getAllKeys() })));
	return new Set(keys.flatMap(({ kind, keys }) => keys.map((key) => docId[kind](key))));
}

/**
 * Of these answers' document ids: those undone here whose deletion is still
 * to be sent (they must not come back), and, for a page of ids only, those
 * here already (not to be fetched). One read-only transaction; the outbox
 * is usually empty, or small.
 */
async function answersHere(db: RecallDatabase, ids: readonly string[], mode: Mode): Promise<{ undone: Set<string>; present: Set<string> }> {
	if (ids.length === 0) return { undone: new Set(), present: new Set() };
	const lookUp = mode === 'look up';
	const tx = db.transaction(lookUp ? [...ANSWER_STORES, 'outbox'] : ['outbox']);
	const outbox = tx.objectStore('outbox');
	const keys = lookUp
		? Promise.all(
				ids.map((id) => {
					const kind = kindOf(id);
					return kind && isGrowOnly(kind) ? tx.objectStore(KINDS[kind].store).getKey(storeKeyOf(kind, id)) : Promise.resolve(undefined);
				})
			)
		: Promise.resolve([]);
	const queued = await outbox.count();
	let undone = new Set<string>();
	if (queued > 0 && queued <= ids.length) undone = new Set((await outbox.getAll()).filter((e) => e.op === 'delete').map((e) => e.key));
	else if (queued > 0) {
		const entries = await Promise.all(ids.map((id) => outbox.get(id)));
		undone = new Set(ids.filter((_id, i) => entries[i]?.op === 'delete'));
	}
	if (typeof mode === 'object') return { undone, present: new Set(ids.filter((id) => mode.held.has(id))) };
	const found = await keys;
	return { undone, present: new Set(ids.filter((_id, i) => found[i] !== undefined)) };
}
