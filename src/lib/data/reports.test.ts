import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { scheduler } from '$lib/srs';
import { exportBackup, importBackupFile } from './backup';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { deleteReport, listReports, reportsJson, reportsMarkdown, saveReport } from './reports';

const NOW = Date.UTC(2026, 10, 21, 12);
const input = {
	card_id: 'http-status-201',
	deck: 'http',
	deckVersion: 'abc123def456',
	appVersion: '0.2.0',
	reason: 'outdated' as const,
	text: '  HTTP/2 has no reason phrase.  '
};
let db: RecallDatabase;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});

async function freshDb(name: string): Promise<RecallDatabase> {
	return openRecallDB({ name });
}

describe('reports on cards', () => {
	it('are saved with the card, the deck version and the app version, and listed newest first', async () => {
		const a = await saveReport(db, input, NOW);
		const b = await saveReport(db, { ...input, card_id: 'http-status-204', reason: 'typo', text: '' }, NOW + 1000);
		expect(a).toMatchObject({
			card_id: 'http-status-201',
			deck: 'http',
			deckVersion: 'abc123def456',
			appVersion: '0.2.0',
			reason: 'outdated',
			text: 'HTTP/2 has no reason phrase.',
			created: NOW,
			deleted: false
		});
		expect(a.device).toEqual(expect.any(String));
		expect((await listReports(db)).map((r) => r.id)).toEqual([b.id, a.id]);
	});

	it('deleted, leave a tombstone that a merge of an older copy cannot bring back', async () => {
		const a = await saveReport(db, input, NOW);
		const { blob } = await exportBackup(db, 'test', NOW + 1);
		await deleteReport(db, a.id, NOW + 2000);
		expect(await listReports(db)).toEqual([]);
		const outcome = await importBackupFile(db, blob, { mode: 'merge', now: NOW + 3000, schedulerFor: scheduler });
		expect(outcome.ok && outcome.summary).toMatchObject({ reportsTaken: 0, reportsKept: 1 });
		expect(await listReports(db)).toEqual([]);
	});

	it('go into backups and come back on another device', async () => {
		const a = await saveReport(db, input, NOW);
		const { blob } = await exportBackup(db, 'test', NOW + 1);
		const other = await freshDb('other');
		const outcome = await importBackupFile(other, blob, { mode: 'merge', now: NOW + 2, schedulerFor: scheduler });
		expect(outcome.ok && outcome.summary.reportsTaken).toBe(1);
		expect(await listReports(other)).toEqual([a]);
	});

	it('copy as Markdown for a bug report, and as JSON', async () => {
		const a = await saveReport(db, input, NOW);
		const md = reportsMarkdown([a], (id) => (id === 'http-status-201' ? 'A `POST` created a resource. Which code?' : undefined));
		expect(md).toBe(
			[
				'## Card reports (1)',
				'',
				'- **Outdated**: `http-status-201` in deck `http` (version abc123def456, app 0.2.0), 2026-11-21',
				'  - Card: A `POST` created a resource. Which code?',
				'  - HTTP/2 has no reason phrase.',
				''
			].join('\n')
		);
		expect(JSON.parse(reportsJson([a]))).toEqual([
			{
				id: a.id,
				card_id: 'http-status-201',
				deck: 'http',
				deckVersion: 'abc123def456',
				appVersion: '0.2.0',
				reason: 'outdated',
				text: 'HTTP/2 has no reason phrase.',
				created: '2026-11-21T12:00:00.000Z'
			}
		]);
	});
});
