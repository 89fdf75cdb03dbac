import { describe, expect, it } from 'vitest';
import type { Card } from './schema';
import { buildVocabulary, nearTerms, parseKnownTerms, termsInText } from './vocabulary';

const source = { file: '000_c49236ff270dceac.txt' as const, heading: 'h' };

describe('the vocabulary of the decks', () => {
	it('finds code spans and their names, acronyms and proper names in running text', () => {
		const terms = termsInText('Unlike `ltrace`, it runs `strace -f ./app` and reports to Datadog over EFS.');
		expect(terms).toEqual(expect.arrayContaining(['ltrace', 'strace -f ./app', 'strace', 'EFS', 'Datadog']));
		expect(terms).not.toContain('Unlike');
	});

	it('takes short options and answers whole, long ones only for the names inside them', () => {
		const cards: Card[] = [
			{ id: 'os-a', kind: 'choice', prompt: 'Which tool?', answer: 'strace', distractors: ['ltrace', 'A tool that only reads `/proc` and reports nothing useful'], explanation: 'x', source },
			{ id: 'os-b', kind: 'typed', prompt: 'Which?', answer: 'perf', accept: ['perf record'], explanation: 'x', source }
		];
		const v = buildVocabulary(cards, ['dtrace']);
		for (const t of ['strace', 'ltrace', 'perf', 'perfrecord', '/proc', 'dtrace']) expect(v.has(t)).toBe(true);
		expect(v.has('atoolthatonlyreads/procandreportsnothinguseful')).toBe(false);
	});

	it("gives a typed card the known terms one typo from its answer or its answer's words, not the answer itself", () => {
		const v = new Set(['strace', 'ltrace', 'dtrace', 'efs', 'eks', 'ebs', 'kafka', 'stracer2']);
		expect(nearTerms({ prompt: 'Which tool traces system calls?', answer: 'strace' }, v)).toEqual(['dtrace', 'ltrace']);
		expect(nearTerms({ prompt: 'Which AWS service gives block volumes?', answer: 'Amazon EBS', accept: ['Elastic Block Store'] }, v)).toEqual(['efs', 'eks']);
	});

	it('ships nothing where no typo is forgiven: a number, a flag, a command', () => {
		const v = new Set(['strace', 'ltrace', '443', '4433', '-D']);
		expect(nearTerms({ prompt: 'Which command traces system calls?', answer: 'strace' }, v)).toEqual([]);
		expect(nearTerms({ prompt: 'Which port?', answer: '443' }, v)).toEqual([]);
		expect(nearTerms({ prompt: 'Which flag?', answer: '-d' }, v)).toEqual([]);
	});

	it('reads the known-terms list: terms separated by spaces, comments dropped', () => {
		expect(parseKnownTerms('# tools\nstrace ltrace\n\nEFS # storage\nSecrets-Manager\n')).toEqual(['strace', 'ltrace', 'EFS', 'Secrets-Manager']);
	});
});
