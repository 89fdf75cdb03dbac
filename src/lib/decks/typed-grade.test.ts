import { describe, expect, it } from 'vitest';
import { charDiff, editDistance, gradeTyped, looseKey } from './typed-grade';

const card = (prompt: string, answer: string, accept?: string[]) => ({ prompt, answer, accept });
const result = (c: ReturnType<typeof card>, typed: string) => gradeTyped(c, typed).result;

describe('typed answers: what is forgiven', () => {
	it('case, surrounding and inner spaces, and code backticks', () => {
		const c = card('Which HTTP method is idempotent and replaces a resource?', '`PUT`');
		expect(result(c, '  put ')).toBe('right');
		expect(result(c, '`Put`')).toBe('right');
	});

	it('hyphens, spaces and punctuation between words: fan-out is fanout', () => {
		const c = card('What is it called when one message goes to many queues?', 'fanout');
		expect(result(c, 'fan-out')).toBe('right');
		expect(result(c, 'Fan out')).toBe('right');
		expect(result(c, 'fanout.')).toBe('right');
		expect(result(card('Which pattern?', 'publish-subscribe'), 'publish/subscribe')).not.toBe('wrong');
	});

	it('a trailing generic word the prompt implies: Sunset header, 5432/tcp', () => {
		expect(result(card('Which response header announces when an endpoint goes away?', 'Sunset'), 'Sunset header')).toBe('right');
		expect(result(card('Which port does PostgreSQL listen on by default?', '5432'), '5432/tcp')).toBe('right');
		expect(result(card('Which port does PostgreSQL listen on by default?', '5432'), '5432 port')).toBe('right');
		expect(result(card('Which status code means Not Found?', '404'), '404 status code')).toBe('right');
		// A leading article too.
		expect(result(card('Which response header announces when an endpoint goes away?', 'Sunset'), 'the Sunset header')).toBe('right');
	});

	it('an accepted form as well as the answer', () => {
		const c = card('Which command shows the commit history?', '`git log`', ['git log --oneline']);
		expect(gradeTyped(c, 'git log --oneline')).toEqual({ result: 'right', expected: 'git log --oneline' });
	});
});

describe('typed answers: what must still match exactly', () => {
	it('flags keep their case: -d is not -D', () => {
		const c = card('Which `git branch` flag deletes a merged branch?', '-d');
		expect(result(c, '-d')).toBe('right');
		expect(result(c, '-D')).toBe('wrong');
		expect(result(c, 'd')).toBe('wrong');
	});

	it('numbers: no typo forgiven, and no generic word the prompt does not imply', () => {
		const c = card('Which port does HTTPS use by default?', '443');
		expect(result(c, '4433')).toBe('wrong');
		expect(result(c, '433')).toBe('wrong');
		expect(result(card('How many bits has an IPv6 address?', '128'), '128 port')).toBe('wrong');
		expect(result(card('What is the default max_connections in PostgreSQL?', '100'), '1000')).toBe('wrong');
	});

	it('command names: no typo forgiven', () => {
		const c = card('Which command lists the files a process has open?', '`lsof`');
		expect(result(c, 'lsoff')).toBe('wrong');
		expect(result(card('Which command replays commits onto another base?', 'rebase'), 'rebsae')).toBe('wrong');
	});

	it('a short answer: no typo forgiven under six letters', () => {
		expect(result(card('Which record maps a name to an IPv6 address?', 'AAAA'), 'AAA')).toBe('wrong');
		expect(result(card('Which HTTP method is safe?', 'GET'), 'GOT')).toBe('wrong');
	});

	it('an empty or blank answer, or a wrong one', () => {
		const c = card('Which data structure gives O(1) average lookups by key?', 'hash table', ['hash map']);
		expect(result(c, '')).toBe('wrong');
		expect(result(c, '   ')).toBe('wrong');
		expect(result(c, 'binary tree')).toBe('wrong');
		// Two typos are not one.
		expect(result(c, 'hsah tabel')).toBe('wrong');
	});
});

describe('typed answers: one typo in a longer answer is "almost"', () => {
	const c = card('Which isolation level prevents phantom reads in the SQL standard?', 'serializable');
	it('one letter wrong, missing, extra or two letters swapped', () => {
		for (const typo of ['serializible', 'serialzable', 'serializabble', 'serailizable']) expect(result(c, typo)).toBe('almost');
	});

	it('says what was expected and where the typed answer differs', () => {
		const v = gradeTyped(c, 'serialzable');
		expect(v.expected).toBe('serializable');
		expect(v.diff).toEqual([
			{ text: 'serial', kind: 'same' },
			{ text: 'i', kind: 'missing' },
			{ text: 'zable', kind: 'same' }
		]);
	});
});

describe('the pieces', () => {
	it('looseKey keeps flags, dots in versions and colons in code', () => {
		expect(looseKey('HTTP/1.1')).toBe('http/1.1');
		expect(looseKey('-D')).toBe('-D');
		expect(looseKey('localhost:5432')).toBe('localhost:5432');
		expect(looseKey('Fan-Out, please!')).toBe('fanoutplease');
	});

	it('editDistance counts an adjacent swap as one edit', () => {
		expect(editDistance('abcdef', 'abdcef')).toBe(1);
		expect(editDistance('abcdef', 'abcdef')).toBe(0);
		expect(editDistance('abcdef', 'fedcba')).toBeGreaterThan(2);
	});

	it('charDiff marks extra and missing characters', () => {
		expect(charDiff('abxd', 'abcd')).toEqual([
			{ text: 'ab', kind: 'same' },
			{ text: 'c', kind: 'missing' },
			{ text: 'x', kind: 'extra' },
			{ text: 'd', kind: 'same' }
		]);
	});
});
