import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating, scheduler } from '$lib/srs';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import type { Card } from '$lib/decks/schema';
import { recordReview } from './answers';
import { exportBackup, importBackupFile } from './backup';
import { kindProblem } from './backup/kind-schemas';
import { deleteOwnCard, getOwnCard, listOwnCards, loadNotes, OwnCardGoneError, saveNote, saveOwnCard } from './own-cards';
import { newOwnCardId } from './own-ids';

const NOW = Date.UTC(2026, 11, 7, 12);
const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
const source = { file: '000_c49236ff270dceac.txt', heading: '1) HTTP' } as const;
let db: RecallDatabase;

const card = (id: string, prompt = 'Which header sends cookies back?'): Card => ({
	id,
	kind: 'flashcard',
	prompt,
	answer: '`Cookie`',
	explanation: 'The browser sends stored cookies in the Cookie header.',
	source
});

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => db.close());

describe("the learner's own cards", () => {
	it('are saved, edited (keeping when they were first written) and listed by section', async () => {
		const id = newOwnCardId();
		expect(id).toMatch(/^mine-[0-9a-f-]{36}$/);
		await saveOwnCard(db, 'http', card(id), NOW);
		await saveOwnCard(db, 'http', card(id, 'Which request header carries cookies?'), NOW + 60_000);
		await saveOwnCard(db, 'caching', card(newOwnCardId()), NOW + 120_000);
		const http = await listOwnCards(db, 'http');
		expect(http).toHaveLength(1);
		expect(http[0]).toMatchObject({ id, section: 'http', created: NOW, updated: NOW + 60_000 });
		expect(http[0]!.card.prompt).toBe('Which request header carries cookies?');
		expect(await listOwnCards(db)).toHaveLength(2);
	});

	it('when deleted, stay as a tombstone that cannot be edited back, and keep their answers', async () => {
		const id = newOwnCardId();
		await saveOwnCard(db, 'http', card(id), NOW);
		await recordReview(db, f, { card_id: id, rating: Rating.Good, now: NOW + 1000, duration: 3000 });
		await deleteOwnCard(db, id, NOW + 2000);
		expect(await listOwnCards(db)).toEqual([]);
		expect(await getOwnCard(db, id)).toMatchObject({ id, card: null, updated: NOW + 2000 });
		await expect(saveOwnCard(db, 'http', card(id), NOW + 3000)).rejects.toBeInstanceOf(OwnCardGoneError);
		expect(await db.countFromIndex('reviews', 'by-card', id)).toBe(1);
	});

	it('notes are kept per card, and an empty one is no note', async () => {
		await saveNote(db, 'http-etag', '  Weak ETags behind our CDN  ', NOW);
		await saveNote(db, 'rest-b', 'gone soon', NOW);
		await saveNote(db, 'rest-b', '', NOW + 1);
		expect(await loadNotes(db)).toEqual(new Map([['http-etag', 'Weak ETags behind our CDN']]));
	});

	it('are checked like deck cards when they come from a file or a server', () => {
		const id = newOwnCardId();
		const ok = { id, section: 'http', card: card(id), created: NOW, updated: NOW, device: 'd' };
		expect(kindProblem('ownCard', ok)).toBeUndefined();
		expect(kindProblem('ownCard', { ...ok, card: null })).toBeUndefined();
		expect(kindProblem('ownCard', { ...ok, card: { ...card(id), prompt: '' } })).toBe('ownCard.card.prompt: must not be empty');
		expect(kindProblem('ownCard', { ...ok, card: card(newOwnCardId()) })).toBe("ownCard.card: must have its record's id");
		expect(kindProblem('ownCard', { ...ok, id: 'http-put', card: { ...card('http-put') } })).toMatch(/^ownCard\.id: must be "mine-"/);
		expect(kindProblem('ownCard', { ...ok, section: 'cooking' })).toBe('ownCard.section: must be one of the roadmap section ids');
		expect(kindProblem('note', { card_id: 'http-etag', text: 'x'.repeat(2001), updated: NOW })).toBe('note.text: must be at most 2000 characters');
	});
});

describe('own cards and notes in a backup', () => {
	it('come back whole on another device, tombstones included, and their answers schedule them there', async () => {
		const kept = newOwnCardId();
		const dropped = newOwnCardId();
		await saveOwnCard(db, 'http', card(kept), NOW);
		await saveOwnCard(db, 'caching', card(dropped), NOW);
		await deleteOwnCard(db, dropped, NOW + 1);
		await recordReview(db, f, { card_id: kept, rating: Rating.Good, now: NOW + 2, duration: 3000 });
		await saveNote(db, 'http-etag', 'a note', NOW + 3);
		const { blob } = await exportBackup(db, 'test', NOW + 4);
		const state = await db.get('cards', kept);

		db.close();
		globalThis.indexedDB = new IDBFactory();
		db = await openRecallDB();
		// This version's decks know neither card: own cards are known wherever their record is.
		const outcome = await importBackupFile(db, blob, { mode: 'merge', now: NOW + 5, schedulerFor: scheduler, known: () => false });
		expect(outcome.ok).toBe(true);
		expect((await listOwnCards(db)).map((r) => r.id)).toEqual([kept]);
		expect(await getOwnCard(db, dropped)).toMatchObject({ card: null });
		expect(await loadNotes(db)).toEqual(new Map([['http-etag', 'a note']]));
		expect(await db.get('cards', kept)).toEqual(state);
	});

	it('merge by their stamps: a newer copy here is kept, a newer tombstone in the file wins', async () => {
		const a = newOwnCardId();
		const b = newOwnCardId();
		await saveOwnCard(db, 'http', card(a, 'old A'), NOW);
		await saveOwnCard(db, 'http', card(b, 'B'), NOW);
		await deleteOwnCard(db, b, NOW + 10);
		const { blob } = await exportBackup(db, 'test', NOW + 20);

		db.close();
		globalThis.indexedDB = new IDBFactory();
		db = await openRecallDB();
		await saveOwnCard(db, 'http', card(a, 'new A'), NOW + 30);
		await db.put('ownCards', { id: b, section: 'http', card: card(b, 'B here'), created: NOW, updated: NOW + 5, device: 'other' });
		await importBackupFile(db, blob, { mode: 'merge', now: NOW + 40, schedulerFor: scheduler });
		expect((await listOwnCards(db)).map((r) => r.card.prompt)).toEqual(['new A']);
		expect(await getOwnCard(db, b)).toMatchObject({ card: null, updated: NOW + 10 });
	});
});
