import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDeckFiles } from './read.server';
import { checkDecks, type RawDeckFile } from './validate';
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
			'fixtures/malformed/rest.yaml: card #5: field "kind": must be "flashcard" or "choice"'
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
