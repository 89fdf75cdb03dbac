import { deviceId } from '$lib/db/device';
import { newId } from '$lib/db/ids';
import type { RecallDatabase } from '$lib/db/open';
import type { CardReport, ReportReason } from '$lib/db/schema';
import { docId, queueForSync } from './outbox';
import { commit } from '$lib/db/commit';

export const REASON_LABELS: Record<ReportReason, string> = {
	wrong: 'Wrong',
	unclear: 'Unclear',
	outdated: 'Outdated',
	typo: 'Typo',
	other: 'Something else'
};

/** At most this many characters of the learner's own words. */
export const REPORT_TEXT_MAX = 2000;

/** Saves a learner's note on a card. */
export async function saveReport(
	db: RecallDatabase,
	input: { card_id: string; deck: string; deckVersion: string; appVersion: string; reason: ReportReason; text: string },
	now = Date.now()
): Promise<CardReport> {
	const report: CardReport = {
		id: newId(),
		...input,
		text: input.text.trim().slice(0, REPORT_TEXT_MAX),
		created: now,
		deleted: false,
		updated: now,
		device: await deviceId(db)
	};
	const tx = db.transaction(['reports', 'meta', 'outbox'], 'readwrite');
	const queued = await queueForSync(tx, [{ key: docId.report(report.id), op: 'put' }], now);
	await commit(tx, [...queued, () => tx.objectStore('reports').add(report)]);
	return report;
}

/** Deletes a note: it stays as a stamped tombstone, so a backup or another device cannot bring it back. */
export async function deleteReport(db: RecallDatabase, id: string, now = Date.now()): Promise<void> {
	const device = await deviceId(db);
	const tx = db.transaction(['reports', 'meta', 'outbox'], 'readwrite');
	const reports = tx.objectStore('reports');
	const report = await reports.get(id);
	if (!report || report.deleted) return void (await tx.done);
	const queued = await queueForSync(tx, [{ key: docId.report(id), op: 'put' }], now);
	await commit(tx, [...queued, () => reports.put({ ...report, deleted: true, updated: now, device })]);
}

/** Every note not deleted, newest first. */
export async function listReports(db: RecallDatabase): Promise<CardReport[]> {
	return (await db.getAll('reports')).filter((r) => !r.deleted).sort((a, b) => b.created - a.created);
}

/** The notes as Markdown, ready to paste into a bug report: one item per note, with the card's prompt when known. */
export function reportsMarkdown(reports: readonly CardReport[], promptOf: (card_id: string) => string | undefined): string {
	const lines = [`## Card reports (${reports.length})`, ''];
	for (const r of reports) {
		const prompt = promptOf(r.card_id);
		lines.push(
			`- **${REASON_LABELS[r.reason]}**: \`${r.card_id}\` in deck \`${r.deck}\` (version ${r.deckVersion}, app ${r.appVersion}), ${new Date(r.created).toISOString().slice(0, 10)}`
		);
		if (prompt) lines.push(`  - Card: ${prompt.replace(/\s+/g, ' ')}`);
		if (r.text) lines.push(`  - ${r.text.replace(/\s*\n\s*/g, ' ')}`);
	}
	return `${lines.join('\n')}\n`;
}

/** The notes as JSON, for tools. */
export function reportsJson(reports: readonly CardReport[]): string {
	return `${JSON.stringify(
		reports.map(({ id, card_id, deck, deckVersion, appVersion, reason, text, created }) => ({
			id,
			card_id,
			deck,
			deckVersion,
			appVersion,
			reason,
			text,
			created: new Date(created).toISOString()
		})),
		null,
		2
	)}\n`;
}
