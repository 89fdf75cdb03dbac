import { describe, expect, it } from 'vitest';
import type { CardMarks } from '$lib/data/types';
import type { Card } from '$lib/decks/types';
import { State } from '$lib/srs/constants';
import { cardState } from '$lib/srs/test-helpers';
import { browse, DEFAULT_QUERY, makeRow, parseQuery, queryParams, type BrowseQuery, type BrowseRow } from './browse';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
const source = { file: 'x.md', heading: 'X' } as unknown as Card['source'];
const flash = (id: string, prompt: string, answer: string): Card => ({ id, kind: 'flashcard', prompt, answer, explanation: 'Why.', source });
const marks = (card_id: string, over: Partial<CardMarks>): CardMarks => ({
	card_id,
	suspended: false,
	buried_until: null,
	flagged: false,
	leech: false,
	updated: NOW,
	device: 'd',
	...over
});

const rows: BrowseRow[] = [
	makeRow(flash('http-verbs', 'Which `HTTP` verb is idempotent?', 'PUT'), { order: 0, section: 'http' }),
	makeRow(flash('http-status', 'What does 404 mean?', 'Not found'), {
		order: 1,
		section: 'http',
		state: cardState({ card_id: 'http-status', state: State.Review, due: NOW - 2 * DAY, stability: 10, difficulty: 4, lapses: 2 }),
		retrievability: 0.8,
		lastAnswered: NOW - 12 * DAY
	}),
	makeRow(flash('rest-idempotent', 'Is DELETE idempotent in REST?', 'Yes'), {
		order: 2,
		section: 'rest',
		state: cardState({ card_id: 'rest-idempotent', state: State.Learning, due: NOW + 600_000, stability: 0.5, difficulty: 7, lapses: 0 }),
		marks: marks('rest-idempotent', { flagged: true }),
		retrievability: 0.95,
		lastAnswered: NOW - 60_000
	}),
	makeRow(flash('rest-hateoas', 'What is HATEOAS?', 'Hypermedia as the engine of application state'), {
		order: 3,
		section: 'rest',
		state: cardState({ card_id: 'rest-hateoas', state: State.Review, due: NOW + 30 * DAY, stability: 40, difficulty: 2, lapses: 5 }),
		marks: marks('rest-hateoas', { suspended: true, leech: true }),
		retrievability: 0.97,
		lastAnswered: NOW - 3 * DAY
	}),
	makeRow(flash('rest-forgotten', 'What is a resource?', 'A thing with a URI'), {
		order: 4,
		section: 'rest',
		// Forgotten: new again, though answered before.
		state: cardState({ card_id: 'rest-forgotten', state: State.New, due: NOW, stability: 0, difficulty: 0, lapses: 1 }),
		marks: marks('rest-forgotten', { buried_until: NOW + DAY }),
		lastAnswered: NOW - 5 * DAY
	})
];

const ids = (q: Partial<BrowseQuery>) => browse(rows, { ...DEFAULT_QUERY, ...q }, NOW, 4).map((r) => r.id);

describe('card browser search', () => {
	it('finds every word in prompt, answer or id, whatever the case and backticks', () => {
		expect(ids({ q: 'idempotent' })).toEqual(['http-verbs', 'rest-idempotent']);
		expect(ids({ q: 'http verb' })).toEqual(['http-verbs']);
		expect(ids({ q: 'NOT FOUND' })).toEqual(['http-status']);
		expect(ids({ q: 'rest-hateoas' })).toEqual(['rest-hateoas']);
		expect(ids({ q: '`http`' })).toEqual(['http-verbs', 'http-status']);
		expect(ids({ q: 'nothing like it' })).toEqual([]);
	});
});

describe('card browser filters', () => {
	it('by section and by state (never answered and forgotten cards are new)', () => {
		expect(ids({ section: 'http' })).toEqual(['http-verbs', 'http-status']);
		expect(ids({ state: 'new' })).toEqual(['http-verbs', 'rest-forgotten']);
		expect(ids({ state: 'learning' })).toEqual(['rest-idempotent']);
		expect(ids({ state: 'review', section: 'rest' })).toEqual(['rest-hateoas']);
		expect(ids({ state: 'relearning' })).toEqual([]);
	});

	it('due today takes in overdue and learning cards; overdue only what was due before today', () => {
		expect(ids({ due: 'today' })).toEqual(['http-status', 'rest-idempotent']);
		expect(ids({ due: 'overdue' })).toEqual(['http-status']);
	});

	it('by mark: suspended, buried (until later), flagged, leech', () => {
		expect(ids({ mark: 'suspended' })).toEqual(['rest-hateoas']);
		expect(ids({ mark: 'leech' })).toEqual(['rest-hateoas']);
		expect(ids({ mark: 'flagged' })).toEqual(['rest-idempotent']);
		expect(ids({ mark: 'buried' })).toEqual(['rest-forgotten']);
		expect(browse(rows, { ...DEFAULT_QUERY, mark: 'buried' }, NOW + 2 * DAY, 4)).toEqual([]);
	});
});

describe('card browser: recall now below a chosen value', () => {
	it('keeps studied cards under it, never new ones (they have no recall)', () => {
		expect(ids({ below: 95 })).toEqual(['http-status']);
		expect(ids({ below: 80 })).toEqual([]);
		expect(ids({ below: 90, section: 'rest' })).toEqual([]);
		expect(ids({ below: 50 })).toEqual([]);
		expect(ids({}).length).toBe(5);
	});

	it('is kept in the URL, and an unknown value means any', () => {
		expect(queryParams({ ...DEFAULT_QUERY, below: 90 }).toString()).toBe('below=90');
		expect(parseQuery(new URLSearchParams('below=90')).below).toBe(90);
		expect(parseQuery(new URLSearchParams('below=33')).below).toBe('');
	});
});

describe('card browser sort', () => {
	it('each key in its natural order, cards without the value last, ties in roadmap order', () => {
		expect(ids({})).toEqual(['http-verbs', 'http-status', 'rest-idempotent', 'rest-hateoas', 'rest-forgotten']);
		expect(ids({ sort: 'due' })).toEqual(['http-status', 'rest-idempotent', 'rest-hateoas', 'http-verbs', 'rest-forgotten']);
		expect(ids({ sort: 'stability' })).toEqual(['rest-idempotent', 'http-status', 'rest-hateoas', 'http-verbs', 'rest-forgotten']);
		expect(ids({ sort: 'difficulty' })).toEqual(['rest-idempotent', 'http-status', 'rest-hateoas', 'http-verbs', 'rest-forgotten']);
		expect(ids({ sort: 'lapses' })).toEqual(['rest-hateoas', 'http-status', 'rest-forgotten', 'http-verbs', 'rest-idempotent']);
		expect(ids({ sort: 'retrievability' })).toEqual(['http-status', 'rest-idempotent', 'rest-hateoas', 'http-verbs', 'rest-forgotten']);
		expect(ids({ sort: 'answered' })).toEqual(['rest-idempotent', 'rest-hateoas', 'rest-forgotten', 'http-status', 'http-verbs']);
	});

	it('reversed, cards without the value stay last', () => {
		expect(ids({ sort: 'due', reverse: true })).toEqual(['rest-hateoas', 'rest-idempotent', 'http-status', 'http-verbs', 'rest-forgotten']);
		expect(ids({ reverse: true })).toEqual(['rest-forgotten', 'rest-hateoas', 'rest-idempotent', 'http-status', 'http-verbs']);
	});

	it('combines with search and filters', () => {
		expect(ids({ section: 'rest', sort: 'answered', q: 'what' })).toEqual(['rest-hateoas', 'rest-forgotten']);
	});
});

describe("the learner's own cards and notes", () => {
	const own = makeRow(flash('mine-1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'What does `EXPLAIN ANALYZE` add?', 'Real timings'), {
		order: 9,
		section: 'rest'
	});
	const noted = makeRow(flash('http-etag', 'What is an ETag?', 'A version tag for a representation'), {
		order: 10,
		section: 'http',
		note: 'We use weak ETags at work behind the CDN'
	});
	const all = [...rows, own, noted];

	it('"Yours" keeps only the cards the learner wrote, with any other filter', () => {
		expect(browse(all, { ...DEFAULT_QUERY, mine: true }, NOW, 4).map((r) => r.id)).toEqual([own.id]);
		expect(browse(all, { ...DEFAULT_QUERY, mine: true, section: 'http' }, NOW, 4)).toEqual([]);
	});

	it('search finds a card by the words of its note', () => {
		expect(browse(all, { ...DEFAULT_QUERY, q: 'cdn weak' }, NOW, 4).map((r) => r.id)).toEqual(['http-etag']);
		expect(noted.note).toBe('We use weak ETags at work behind the CDN');
	});
});

describe('the query in the URL', () => {
	it('round-trips, leaves defaults out, keeps the open card and ignores unknown values', () => {
		const q: BrowseQuery = {
			q: 'http verb',
			section: 'http',
			state: 'review',
			due: 'overdue',
			mark: 'flagged',
			below: 80,
			mine: true,
			sort: 'lapses',
			reverse: true
		};
		const params = queryParams(q, new URLSearchParams('card=http-verbs&q=old'));
		expect(params.get('card')).toBe('http-verbs');
		expect(parseQuery(params)).toEqual(q);
		expect(queryParams(DEFAULT_QUERY).toString()).toBe('');
		expect(parseQuery(new URLSearchParams('state=zombie&sort=random&mark=x&reverse=yes'))).toEqual(DEFAULT_QUERY);
	});
});
