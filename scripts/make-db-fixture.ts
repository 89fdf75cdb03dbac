/// <reference types="node" />
// `npx tsx scripts/make-db-fixture.ts`: writes the fixture database of the
// current schema version (src/lib/db/fixtures/v<N>.json): its stores, keys,
// indexes and records, made with the app's own code. Run it once when a
// schema version ships; never edit a fixture of a version that has shipped.
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { openRecallDB } from '../src/lib/db/open';
import { recordPractice, recordReview, setMarks } from '../src/lib/data/answers';
import { deleteReport, saveReport } from '../src/lib/data/reports';
import { deleteOwnCard, saveNote, saveOwnCard } from '../src/lib/data/own-cards';
import { saveSettings } from '../src/lib/data/queries';
import { DB_VERSION } from '../src/lib/db/schema';
import { DEFAULT_SETTINGS } from '../src/lib/db/settings';
import { scheduler } from '../src/lib/srs';
import { startSync } from '../src/lib/sync/state';

const db = await openRecallDB({ name: 'fixture' });
const settings = { ...DEFAULT_SETTINGS, newPerDay: 15, retention: 0.88, theme: 'dark' as const };
await saveSettings(db, settings);
const f = scheduler(settings);
let now = Date.UTC(2026, 10, 1, 9);
const cards = ['http-response-status-line', 'rest-stateless-constraint', 'caching-hit-ratio', 'a-card-since-removed'];
for (let day = 0; day < 12; day++) {
	for (const [i, card] of cards.entries()) {
		const rating = (((day + i) % 4) + 1) as 1 | 2 | 3 | 4;
		await recordReview(db, f, { card_id: card, rating: rating, now: now + i * 60_000, duration: 3000 + i * 500 }, settings);
	}
	now += 86_400_000 * (1 + (day % 3));
}
await recordPractice(db, { card_id: 'caching-hit-ratio', rating: 3, correct: true, review: now, duration: 2500 });
await setMarks(db, 'rest-stateless-constraint', { flagged: true });
await setMarks(db, 'caching-hit-ratio', { buried_until: now + 86_400_000 });
// Since version 4: sync set up (a made-up server), so the changes below wait in the outbox.
await startSync(db, { server: 'https://couch.example.com', db: 'roadmap-recall', user: 'learner', password: 'not-a-real-password' }, now);
await recordReview(db, f, { card_id: 'caching-hit-ratio', rating: 3, now: now + 500, duration: 2000 }, settings);
// Since version 3: notes on cards, one of them deleted (a tombstone).
await saveReport(
	db,
	{
		card_id: 'http-response-status-line',
		deck: 'http',
		deckVersion: '0123456789ab',
		appVersion: '0.1.0',
		reason: 'unclear',
		text: 'Does HTTP/2 have a status line?'
	},
	now
);
const gone = await saveReport(
	db,
	{ card_id: 'caching-hit-ratio', deck: 'caching', deckVersion: 'ba9876543210', appVersion: '0.1.0', reason: 'typo', text: '' },
	now + 1000
);
await deleteReport(db, gone.id, now + 2000);
// Since version 5: a card of the learner's own (answered once), one deleted (a tombstone), and a note on a built-in card.
const source = { file: '000_c49236ff270dceac.txt', heading: '1) HTTP' } as const;
const mine = 'mine-0b6a6f3e-4d1c-4a57-9a53-2f0d1c7e5b11';
await saveOwnCard(
	db,
	'http',
	{
		id: mine,
		kind: 'flashcard',
		prompt: 'Which header carries a cookie back to the server?',
		answer: '`Cookie`',
		explanation: 'The browser sends stored cookies in it.',
		source
	},
	now + 3000
);
await recordReview(db, f, { card_id: mine, rating: 3, now: now + 4000, duration: 4000 }, settings);
const dropped = 'mine-5f1d2c3b-0000-4000-8000-00000000beef';
await saveOwnCard(db, 'caching', { id: dropped, kind: 'flashcard', prompt: 'A card soon deleted', answer: 'Yes', explanation: 'It goes.', source }, now + 5000);
await deleteOwnCard(db, dropped, now + 6000);
await saveNote(db, 'http-response-status-line', 'HTTP/2 has no status line: :status is a pseudo-header.', now + 7000);

const tx = db.transaction([...db.objectStoreNames]);
const stores: Record<string, unknown> = {};
for (const name of db.objectStoreNames) {
	const store = tx.objectStore(name);
	const indexes = [...store.indexNames].map((n) => ({ name: n, keyPath: store.index(n).keyPath }));
	const keys = store.keyPath === null ? await store.getAllKeys() : undefined;
	stores[name] = { keyPath: store.keyPath, indexes, records: await store.getAll(), ...(keys ? { keys } : {}) };
}
const file = `src/lib/db/fixtures/v${DB_VERSION}.json`;
writeFileSync(file, JSON.stringify({ version: DB_VERSION, stores }, null, '\t') + '\n');
console.log(`wrote ${file}`);
