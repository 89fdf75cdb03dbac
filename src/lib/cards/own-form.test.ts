import { describe, expect, it } from 'vitest';
import { SEED_FILES } from '$lib/decks/sections';
import type { Card, CardKind } from '$lib/decks/schema';
import { answerChanged, checkCard, emptyForm, fromCard, sourceFor, toCard, type CardCheck, type OwnCardForm } from './own-form';

const ID = 'mine-3f2c1a9e-0b1d-4c6e-8f00-1234567890ab';
const SOURCE = { file: SEED_FILES[0], heading: '1) HTTP' } as Card['source'];

const common = {
	prompt: 'Which status code fits a `POST` that created a resource?',
	explanation: 'It says a resource was created. Its Location header points at it.'
};
const VALID: Record<CardKind, OwnCardForm> = {
	flashcard: { ...emptyForm('flashcard'), ...common, answer: '201 Created', topic: 'status-codes' },
	choice: { ...emptyForm('choice'), ...common, answer: '201 Created', distractors: ['200 OK', '202 Accepted', '204 No Content'] },
	multi: { ...emptyForm('multi'), ...common, correct: ['GET', 'HEAD', 'OPTIONS'], incorrect: ['POST', 'DELETE'] },
	typed: { ...emptyForm('typed'), ...common, answer: '201', accept: ['201 Created', 'Created'] },
	order: { ...emptyForm('order'), ...common, steps: ['Connect', 'Send the request', 'Read the response'] }
};

function errorsOf(result: CardCheck): { errors: Record<string, string>; items: Record<string, number> } {
	if ('card' in result) throw new Error(`expected errors, got a card: ${JSON.stringify(result.card)}`);
	return result;
}
const check = (form: OwnCardForm) => checkCard(toCard(form, ID, SOURCE), form);

describe('checkCard', () => {
	it.each(Object.keys(VALID) as CardKind[])('accepts a valid %s card', (kind) => {
		const result = check(VALID[kind]);
		expect(result).toHaveProperty('card');
		if ('card' in result) {
			expect(result.card.kind).toBe(kind);
			expect(result.card.id).toBe(ID);
			expect(result.card.source).toEqual(SOURCE);
		}
	});

	it('accepts a typed card that is exact with a reason', () => {
		expect(check({ ...VALID.typed, accept: [''], exact: true, exactReason: 'a status code has one form' })).toHaveProperty('card');
	});

	it('refuses an empty prompt, at the prompt', () => {
		const { errors } = errorsOf(check({ ...VALID.flashcard, prompt: '   ' }));
		expect(errors.prompt).toBe('Question: must not be empty');
		expect(Object.keys(errors)).toEqual(['prompt']);
	});

	it('points at an empty second wrong option', () => {
		const { errors, items } = errorsOf(check({ ...VALID.choice, distractors: ['200 OK', ''] }));
		expect(errors.distractors).toMatch(/^Wrong option 2: must not be empty/);
		expect(items.distractors).toBe(1);
	});

	it('numbers an item by its box, empty boxes skipped', () => {
		const { errors, items } = errorsOf(check({ ...VALID.choice, distractors: ['', '200 OK', 'x'.repeat(121)] }));
		expect(errors.distractors).toBe('Wrong option 3: must be at most 120 characters (has 121)');
		expect(items.distractors).toBe(2);
	});

	it('refuses too few steps, at the steps', () => {
		const { errors } = errorsOf(check({ ...VALID.order, steps: ['Connect', 'Send'] }));
		expect(errors.steps).toBe('This card must have 3 to 6 steps');
		const boxed = errorsOf(check({ ...VALID.order, steps: ['Connect', '', 'Send'] }));
		expect(boxed.errors.steps).toMatch(/^Step 2: must not be empty/);
		expect(boxed.items.steps).toBe(1);
	});

	it('refuses a typed card with neither accepted forms nor exact, at accept', () => {
		const { errors } = errorsOf(check({ ...VALID.typed, accept: ['', ' '] }));
		expect(Object.keys(errors)).toEqual(['accept']);
		expect(errors.accept).toMatch(/^Other answers: .*Only this exact form/);
		expect(errorsOf(check({ ...VALID.typed, accept: ['Created', '201'] })).errors.accept).toBe('Other answer 2: the grader reads it as the answer');
	});

	it('refuses an exact typed card without its reason', () => {
		const { errors } = errorsOf(check({ ...VALID.typed, exact: true, exactReason: '' }));
		expect(errors.exactReason).toMatch(/^Why there is no other form: must not be empty/);
	});

	it('refuses options and steps that are not distinct, as the deck checker does', () => {
		expect(errorsOf(check({ ...VALID.choice, distractors: ['200 OK', '201  created'] })).errors.distractors).toBe(
			'Wrong option 2: the same as the right answer'
		);
		expect(errorsOf(check({ ...VALID.multi, incorrect: ['POST', 'get'] })).errors.incorrect).toBe('Wrong option 2: the same as right option 1');
		expect(errorsOf(check({ ...VALID.order, steps: ['Connect', 'Send', 'connect'] })).errors.steps).toBe('Step 3: the same as step 1');
		expect(errorsOf(check({ ...VALID.typed, accept: ['Created', 'created'] })).errors.accept).toBe('Other answer 2: the grader reads it as other answer 1');
	});

	it('refuses more than six options in a choose-all card', () => {
		const form = { ...VALID.multi, correct: ['a', 'b', 'c', 'd', 'e'], incorrect: ['f', 'g'] };
		expect(errorsOf(check(form)).errors.incorrect).toBe('This card must have at most 6 options in all (has 7)');
	});

	it('reports every field at once, and long or too many sentences in the explanation', () => {
		const { errors } = errorsOf(check({ ...VALID.flashcard, prompt: '', answer: '', explanation: 'One. Two. Three. Four.' }));
		expect(Object.keys(errors).sort()).toEqual(['answer', 'explanation', 'prompt']);
		expect(errors.explanation).toBe('Explanation: must be one to 3 sentences');
	});

	it('keys what the learner cannot fix as form', () => {
		const { errors } = errorsOf(checkCard(toCard(VALID.flashcard, 'Not Kebab', SOURCE)));
		expect(errors.form).toMatch(/id/);
	});
});

describe('toCard and fromCard', () => {
	it('keeps only the chosen kind, trimmed, without empty entries', () => {
		const form = { ...VALID.choice, prompt: '  Q?  ', distractors: [' a ', '', 'b'], steps: ['x', 'y', 'z'], correct: ['p', 'q'] };
		expect(toCard(form, ID, SOURCE)).toEqual({
			id: ID,
			kind: 'choice',
			prompt: 'Q?',
			answer: '201 Created',
			distractors: ['a', 'b'],
			explanation: common.explanation,
			source: SOURCE
		});
	});

	it.each(Object.keys(VALID) as CardKind[])('round-trips a %s card', (kind) => {
		expect(fromCard(toCard(VALID[kind], ID, SOURCE) as Card)).toEqual(VALID[kind]);
	});

	it('round-trips an exact typed card', () => {
		const form = { ...VALID.typed, accept: [''], exact: true, exactReason: 'one form' };
		expect(fromCard(toCard(form, ID, SOURCE) as Card)).toEqual(form);
	});
});

describe('sourceFor', () => {
	const cards = [
		{ source: { ...SOURCE, heading: 'first' }, topic: 'a' },
		{ source: { ...SOURCE, heading: 'second' }, topic: 'b' }
	];
	it("takes the topic's first card, else the deck's first, and keeps an edited card's own while its topic stays", () => {
		expect(sourceFor(cards, 'b')?.heading).toBe('second');
		expect(sourceFor(cards, '')?.heading).toBe('first');
		expect(sourceFor(cards, 'zzz')?.heading).toBe('first');
		const keep = { source: { ...SOURCE, heading: 'mine' }, topic: 'b' };
		expect(sourceFor(cards, 'b', keep)?.heading).toBe('mine');
		expect(sourceFor(cards, 'a', keep)?.heading).toBe('first');
	});
});

describe('answerChanged', () => {
	const card = (form: OwnCardForm) => toCard(form, ID, SOURCE) as Card;
	it('sees a new answer, right options, order or kind, not a reworded prompt or wrong option', () => {
		expect(answerChanged(card(VALID.flashcard), { ...VALID.flashcard, prompt: 'Reworded?' })).toBe(false);
		expect(answerChanged(card(VALID.flashcard), { ...VALID.flashcard, answer: '202 Accepted' })).toBe(true);
		expect(answerChanged(card(VALID.choice), { ...VALID.choice, distractors: ['500', '502'] })).toBe(false);
		expect(answerChanged(card(VALID.multi), { ...VALID.multi, correct: ['OPTIONS', 'GET', 'HEAD', ''] })).toBe(false);
		expect(answerChanged(card(VALID.multi), { ...VALID.multi, correct: ['GET', 'HEAD'] })).toBe(true);
		expect(answerChanged(card(VALID.order), { ...VALID.order, steps: ['Send the request', 'Connect', 'Read the response'] })).toBe(true);
		expect(answerChanged(card(VALID.flashcard), { ...VALID.flashcard, kind: 'typed' })).toBe(true);
	});
});
