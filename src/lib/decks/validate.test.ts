import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDeckFiles } from './read.server';
import { checkCollection, checkDecks, type RawDeckFile } from './validate';
import { roadmapOrder } from './order';

const fixtures = (dir: string) => fileURLToPath(new URL(`./fixtures/${dir}`, import.meta.url));

const sut = (files: RawDeckFile[], seedTexts?: Map<string, string>) => checkDecks(files, { seedTexts });

const flashcard = (over: Record<string, unknown> = {}) => ({
	id: 'http-a',
	kind: 'flashcard',
	prompt: 'What is a method?',
	answer: 'The verb of a request.',
	explanation: 'It tells the server what to do.',
	source: { file: '000_c49236ff270dceac.txt', heading: '1) HTTP' },
	...over
});
const deck = (cards: unknown[], over: Record<string, unknown> = {}) => ({
	id: 'http',
	title: 'HTTP',
	group: 'internet',
	prerequisites: ['internet'],
	cards,
	...over
});

describe('deck files on disk', () => {
	it('accepts a valid deck', () => {
		const { decks, errors } = sut(readDeckFiles(fixtures('valid'), 'fixtures/valid'));
		expect(errors).toEqual([]);
		expect(decks.map((d) => d.cards.map((c) => c.id))).toEqual([['http-one', 'http-two']]);
	});

	it('names file, card and field for every problem, and keeps going past the first', () => {
		const files = [...readDeckFiles(fixtures('valid'), 'fixtures/valid'), ...readDeckFiles(fixtures('malformed'), 'fixtures/malformed')];
		const { decks, errors } = sut(files);
		expect(errors).toEqual([
			'fixtures/malformed/caching.yaml: YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:',
			'fixtures/malformed/caching.yaml: YAML: Flow map in block collection must be sufficiently indented and end with a } at line 4, column 1:',
			'fixtures/malformed/rest.yaml: card rest-no-explanation: field "explanation": is missing',
			'fixtures/malformed/rest.yaml: card rest-two-right: field "distractors": options must be distinct ("put" appears twice)',
			'fixtures/malformed/rest.yaml: card rest-bad-source: field "source.file": must be one of the seed files: 000_c49236ff270dceac.txt, 001_e89a26e68fa57a28.txt, 002_deb248acc59a5c3f.txt, 003_a13ee0c7749d4853.txt, 004_ec88cd825ee97bfa.txt',
			'fixtures/malformed/rest.yaml: card http-one: field "id": must start with "rest-"',
			'fixtures/malformed/rest.yaml: card http-one: field "id": duplicate id, also used in fixtures/valid/http.yaml',
			'fixtures/malformed/rest.yaml: card #5: field "kind": must be one of: flashcard, choice, multi, typed, order'
		]);
		expect(decks.map((d) => d.id)).toEqual(['http']);
	});
});

describe('deck rules', () => {
	it('requires the file name to match the deck id', () => {
		const { errors } = sut([{ file: 'decks/rest.yaml', data: deck([flashcard()]) }]);
		expect(errors).toEqual(['decks/rest.yaml: field "id": must match the file name (found "http")']);
	});

	it('rejects an unknown deck id, group and prerequisite', () => {
		const { errors } = sut([{ file: 'decks/nope.yaml', data: deck([flashcard()], { id: 'nope', group: 'misc', prerequisites: ['elsewhere'] }) }]);
		expect(errors).toEqual([
			'decks/nope.yaml: field "id": must be one of the roadmap section ids',
			'decks/nope.yaml: field "group": must be one of: internet, foundations, languages, databases, apis, security, caching, testing, devops, architecture, operations',
			'decks/nope.yaml: field "prerequisites.0": must name roadmap section ids'
		]);
	});

	it('limits prompt length and explanation sentences', () => {
		const { errors } = sut([
			{
				file: 'decks/http.yaml',
				data: deck([flashcard({ prompt: 'x'.repeat(301), explanation: 'One. Two. Three. Four.' })])
			}
		]);
		expect(errors).toEqual([
			'decks/http.yaml: card http-a: field "prompt": must be at most 300 characters (has 301)',
			'decks/http.yaml: card http-a: field "explanation": must be one to 3 sentences'
		]);
	});

	it('needs 2 to 4 distractors for multiple choice, and no unknown fields', () => {
		const { errors } = sut([
			{
				file: 'decks/http.yaml',
				data: deck([{ ...flashcard({ kind: 'choice', answer: '200' }), distractors: ['201'] }, flashcard({ id: 'http-b', hint: 'extra' })])
			}
		]);
		expect(errors).toEqual([
			'decks/http.yaml: card http-a: field "distractors": must have 2 to 4 wrong options',
			'decks/http.yaml: card http-b: field "hint": is not a known field'
		]);
	});

	it('rejects ids that are not kebab-case and empty text', () => {
		const { errors } = sut([{ file: 'decks/http.yaml', data: deck([flashcard({ id: 'http_A', answer: '   ' })]) }]);
		expect(errors).toEqual([
			'decks/http.yaml: card http_A: field "id": must be kebab-case (a-z, 0-9 and single dashes)',
			'decks/http.yaml: card http_A: field "answer": must not be empty'
		]);
	});

	it('checks that the cited heading occurs in the seed article', () => {
		const seeds = new Map([['000_c49236ff270dceac.txt', 'intro\n1) HTTP\nbody']]);
		const ok = sut([{ file: 'decks/http.yaml', data: deck([flashcard()]) }], seeds);
		expect(ok.errors).toEqual([]);
		const bad = sut([{ file: 'decks/http.yaml', data: deck([flashcard({ source: { file: '000_c49236ff270dceac.txt', heading: '2) REST' } })]) }], seeds);
		expect(bad.errors).toEqual(['decks/http.yaml: card http-a: field "source.heading": "2) REST" does not occur in 000_c49236ff270dceac.txt']);
	});
});

describe('the other card kinds', () => {
	const card = (kind: string, over: Record<string, unknown>) => ({ ...flashcard({ kind }), answer: undefined, ...over });
	const check = (...cards: unknown[]) => sut([{ file: 'decks/http.yaml', data: deck(cards.map((c) => JSON.parse(JSON.stringify(c)) as unknown)) }]).errors;

	it('accepts well-formed multi-select, typed and ordering cards', () => {
		expect(
			check(
				card('multi', { id: 'http-m', correct: ['GET', 'HEAD'], incorrect: ['POST'] }),
				card('typed', { id: 'http-t', answer: '443', accept: ['tcp/443'] }),
				card('order', { id: 'http-o', steps: ['SYN', 'SYN-ACK', 'ACK'] })
			)
		).toEqual([]);
	});

	it('multi-select needs at least 2 correct options, one wrong one, distinct, at most 6 in all', () => {
		expect(
			check(
				card('multi', { id: 'http-m1', correct: ['GET'], incorrect: ['POST'] }),
				card('multi', { id: 'http-m2', correct: ['GET', 'HEAD'], incorrect: [] }),
				card('multi', { id: 'http-m3', correct: ['GET', 'HEAD'], incorrect: ['get'] }),
				card('multi', { id: 'http-m4', correct: ['A', 'B', 'C', 'D'], incorrect: ['E', 'F', 'G'] })
			)
		).toEqual([
			'decks/http.yaml: card http-m1: field "correct": must have 2 to 5 correct options',
			'decks/http.yaml: card http-m2: field "incorrect": must have 1 to 4 wrong options',
			'decks/http.yaml: card http-m3: field "incorrect": options must be distinct ("get" appears twice)',
			'decks/http.yaml: card http-m4: field "incorrect": must have at most 6 options in all (has 7)'
		]);
	});

	it('typed answers are short and non-empty', () => {
		expect(check(card('typed', { id: 'http-t1', answer: ' ' }), card('typed', { id: 'http-t2', answer: 'x'.repeat(61) }))).toEqual([
			'decks/http.yaml: card http-t1: field "answer": must not be empty',
			'decks/http.yaml: card http-t2: field "answer": must be at most 60 characters (has 61)'
		]);
	});

	it('a typed card lists its other accepted forms, or says why it has none', () => {
		const strict = (...cards: unknown[]) => checkDecks([{ file: 'decks/http.yaml', data: deck(cards) }], { requireTypedForms: true }).errors;
		expect(
			strict(
				card('typed', { id: 'http-t1', answer: '443', accept: ['tcp/443'] }),
				card('typed', { id: 'http-t2', prompt: 'Which port does HTTP use?', answer: '80', exact: true, exactReason: 'a port number has one form' })
			)
		).toEqual([]);
		expect(
			strict(
				card('typed', { id: 'http-t3', prompt: 'Which port for SSH?', answer: '22' }),
				card('typed', { id: 'http-t4', prompt: 'Which port for DNS?', answer: '53', exact: true }),
				card('typed', { id: 'http-t5', prompt: 'Which port for SMTP?', answer: '25', accept: ['smtp'], exact: true, exactReason: 'one form' }),
				card('typed', { id: 'http-t6', prompt: 'Which port for IMAP?', answer: '143', accept: ['imap'], exactReason: 'one form' })
			)
		).toEqual([
			'decks/http.yaml: card http-t3: field "accept": is missing (list the other forms a knowledgeable person would type, or set "exact: true" with an "exactReason")',
			'decks/http.yaml: card http-t4: field "exactReason": is missing (say why the answer has no other form)',
			'decks/http.yaml: card http-t5: field "exact": a card with accepted forms is not exact (drop one of "exact" and "accept")',
			'decks/http.yaml: card http-t6: field "exactReason": only goes with "exact: true"'
		]);
	});

	it('a retired id is never used again', () => {
		const { errors } = sut([
			{
				file: 'decks/http.yaml',
				data: deck([flashcard({ id: 'http-old' })], {
					retired: [
						{ id: 'http-old', reason: 'now asks about PATCH' },
						{ id: 'rest-x', reason: 'wrong deck' }
					]
				})
			}
		]);
		expect(errors).toEqual([
			'decks/http.yaml: field "retired.1.id": must start with "http-"',
			'decks/http.yaml: card http-old: field "id": retired (now asks about PATCH); a card with a new meaning needs a new id'
		]);
	});

	it('flags cards in two decks that give the same answer to a similar question', () => {
		const rest = { id: 'rest', group: 'apis', prerequisites: ['http'] };
		const { errors } = sut([
			{ file: 'decks/http.yaml', data: deck([card('choice', { id: 'http-bucket', prompt: 'Which rate-limiting algorithm allows short bursts up to a cap?', answer: 'Token bucket', distractors: ['Fixed window', 'Leaky bucket'] })]) },
			{
				file: 'decks/rest.yaml',
				data: deck(
					[
						card('typed', { id: 'rest-bucket', prompt: 'Which rate-limiting algorithm lets a client burst, then refills at a fixed rate?', answer: 'token bucket', accept: ['token bucket algorithm'] }),
						card('typed', { id: 'rest-other', prompt: 'Which structure orders tasks by priority?', answer: 'heap', accept: ['binary heap'] })
					],
					rest
				)
			}
		]);
		expect(errors).toEqual([
			'decks/rest.yaml: card rest-bucket: field "prompt": asks the same fact as card http-bucket in decks/http.yaml (the same answer to a similar question): merge the two, or make one ask something else'
		]);
	});

	it('ordering has 3 to 6 distinct steps', () => {
		expect(
			check(
				card('order', { id: 'http-o1', steps: ['a', 'b'] }),
				card('order', { id: 'http-o2', steps: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }),
				card('order', { id: 'http-o3', steps: ['a', 'b', 'A'] })
			)
		).toEqual([
			'decks/http.yaml: card http-o1: field "steps": must have 3 to 6 steps',
			'decks/http.yaml: card http-o2: field "steps": must have 3 to 6 steps',
			'decks/http.yaml: card http-o3: field "steps": steps must be distinct ("a" appears twice)'
		]);
	});

	it('flags near-duplicate prompts across decks', () => {
		const { errors } = sut([
			{ file: 'decks/http.yaml', data: deck([flashcard({ id: 'http-put', prompt: 'What is the difference between `PUT` and `PATCH`?' })]) },
			{
				file: 'decks/rest.yaml',
				data: deck([flashcard({ id: 'rest-put', prompt: 'What is the difference between PUT and PATCH in REST?' })], { id: 'rest', group: 'apis', prerequisites: ['http'] })
			}
		]);
		expect(errors).toEqual(['decks/rest.yaml: card rest-put: field "prompt": nearly the same as card http-put in decks/http.yaml (80% of words shared)']);
	});

	it('does not flag prompts that merely share a topic', () => {
		const { errors } = sut([
			{
				file: 'decks/http.yaml',
				data: deck([
					flashcard({ id: 'http-a', prompt: 'What does REST\'s stateless constraint require of each request?' }),
					flashcard({ id: 'http-b', prompt: 'What does REST\'s cacheable constraint require of responses?' })
				])
			}
		]);
		expect(errors).toEqual([]);
	});
});

describe('topics: what a section must teach', () => {
	const topics = [
		{ id: 'methods', title: 'Methods' },
		{ id: 'status', title: 'Status codes' }
	];
	const file = 'decks/http.yaml';
	it("every card names one of its deck's topics, and every topic has a card", () => {
		const ok = checkDecks([{ file, data: deck([flashcard({ topic: 'methods' }), flashcard({ id: 'http-b', prompt: 'What does 404 mean?', topic: 'status' })], { topics }) }], { requireTopics: true });
		expect(ok.errors).toEqual([]);
		expect(ok.decks[0]?.cards.map((c) => c.topic)).toEqual(['methods', 'status']);
	});

	it('names the card without a topic, the card with an unknown one, and the topic with no card', () => {
		const { errors } = checkDecks([{ file, data: deck([flashcard(), flashcard({ id: 'http-b', prompt: 'What does 404 mean?', topic: 'headers' })], { topics }) }]);
		expect(errors).toEqual([
			'decks/http.yaml: card http-a: field "topic": is missing (every card names one of the deck\'s topics)',
			'decks/http.yaml: card http-b: field "topic": "headers" is not one of the deck\'s topics',
			'decks/http.yaml: field "topics": topic "methods" has no card',
			'decks/http.yaml: field "topics": topic "status" has no card'
		]);
	});

	it('when required, a deck without topics fails', () => {
		const { errors } = checkDecks([{ file, data: deck([flashcard()]) }], { requireTopics: true });
		expect(errors).toContain('decks/http.yaml: field "topics": is missing (list what the section must teach)');
	});

	it('refuses a topic listed twice', () => {
		const { errors } = checkDecks([{ file, data: deck([flashcard({ topic: 'methods' })], { topics: [topics[0], topics[0]] }) }]);
		expect(errors).toContain('decks/http.yaml: field "topics.1.id": duplicate topic "methods"');
	});
});

describe('the collection', () => {
	it('needs every roadmap section, 45 cards, 3 ordering and 3 multi-select cards and two kinds per deck, 1,600 cards and 35% auto-graded', () => {
		const only = { ...deck([flashcard()]), cards: [flashcard() as never] } as never;
		const errors = checkCollection([only]);
		expect(errors).toContain('decks/internet.yaml: missing: every roadmap section needs a deck');
		expect(errors).not.toContain('decks/http.yaml: missing: every roadmap section needs a deck');
		expect(errors).toContain('decks/http.yaml: field "cards": must have at least 45 cards (has 1)');
		expect(errors).toContain('decks/http.yaml: field "cards": must have at least 3 order cards (has 0)');
		expect(errors).toContain('decks/http.yaml: field "cards": must have at least 3 multi cards (has 0)');
		expect(errors).toContain('decks/http.yaml: field "cards": must use at least 2 card kinds (uses flashcard)');
		expect(errors).toContain('decks: must have at least 1600 cards in all (has 1)');
		expect(errors).toContain('decks: at least 35% of cards must be auto-graded kinds (choice, multi, typed, order); 0% are');
		expect(errors).toHaveLength(30 + 6);
	});

	it('refuses decks where picking the longest option pays: the right option strictly the longest in over 40% of a deck, 30% overall', () => {
		const choice = (i: number, answer: string, distractors: string[]) => ({ ...flashcard({ id: `http-c${i}`, kind: 'choice', prompt: `Question ${i}?` }), answer, distractors }) as never;
		const gameable = { ...deck([]), cards: [choice(1, 'a long right answer', ['short', 'brief']), choice(2, 'a long right answer', ['short', 'brief']), choice(3, 'ok', ['longer wrong', 'wrong too'])] } as never;
		const errors = checkCollection([gameable]);
		expect(errors).toContain(
			'decks/http.yaml: field "cards": the right option is strictly the longest in 2 of 3 choice cards (67%; at most 40%): make the distractors as long and detailed as the answer'
		);
		expect(errors).toContain('decks: the right option is strictly the longest in 2 of 3 choice cards (67%; at most 30%)');
		const fair = { ...deck([]), cards: [choice(1, 'a long right answer', ['a wrong answer', 'brief', 'wrong two']),
				choice(2, 'mid', ['short', 'longest wrong', 'wrong x']),
				choice(3, 'right one', ['longer wrong', 'wrong', 'wrong 12']),
				choice(4, 'right two', ['longer wrong 2', 'wrong', 'wrong 1'])] } as never;
		expect(checkCollection([fair]).filter((e) => e.includes('longest'))).toEqual([]);
	});

	it('refuses decks where avoiding the longest and the shortest option pays', () => {
		const choice = (i: number, answer: string, distractors: string[]) => ({ ...flashcard({ id: `http-c${i}`, kind: 'choice', prompt: `Question ${i}?` }), answer, distractors }) as never;
		const middle = { ...deck([]), cards: [1, 2, 3, 4].map((i) => choice(i, 'medium one', ['short', 'the longest one of all', 'medium two'])) } as never;
		expect(checkCollection([middle])).toContain(
			'decks/http.yaml: field "cards": picking the middle option scores 50% on its choice cards, chance 25% (at most 20 points above): vary which option is longest'
		);
		expect(checkCollection([middle])).toContain('decks: picking the middle option scores 50% on choice cards, chance 25% (at most 10 points above)');
		const varied = {
			...deck([]),
			cards: [
				choice(1, 'the longest one of all', ['short', 'medium one', 'medium two']),
				choice(2, 'short', ['the longest one of all', 'medium one', 'medium two']),
				choice(3, 'medium one', ['short', 'the longest one of all', 'medium two 2']),
				choice(4, 'medium two', ['short', 'the longest one of all', 'medium one 1'])
			]
		} as never;
		expect(checkCollection([varied]).filter((e) => e.includes('picking'))).toEqual([]);
	});
});

describe('roadmap order', () => {
	it('puts prerequisites first, then follows the roadmap', () => {
		const order = roadmapOrder([
			{ id: 'http' as const, prerequisites: ['rest' as const] },
			{ id: 'rest' as const, prerequisites: [] },
			{ id: 'internet' as const, prerequisites: [] }
		]);
		expect(order.map((d) => d.id)).toEqual(['internet', 'rest', 'http']);
	});

	it('falls back to roadmap order for a cycle instead of dropping decks', () => {
		const order = roadmapOrder([
			{ id: 'rest' as const, prerequisites: ['http' as const] },
			{ id: 'http' as const, prerequisites: ['rest' as const] }
		]);
		expect(order.map((d) => d.id)).toEqual(['http', 'rest']);
	});
});
