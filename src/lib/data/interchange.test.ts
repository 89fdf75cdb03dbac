import { describe, expect, it } from 'vitest';
import { Rating, State, type ReviewRecord } from '$lib/srs';
import type { DeckData } from '$lib/decks/types';
import { ankiTsv, optimizerCsv } from './interchange';

const DANGEROUS = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\r=1'];

function review(card_id: string, review: number): ReviewRecord {
	return {
		id: `r${review}`,
		card_id,
		rating: Rating.Good,
		review,
		duration: 4200,
		state: State.Review,
		due: review,
		stability: 3,
		difficulty: 5,
		elapsed_days: 1,
		last_elapsed_days: 0,
		scheduled_days: 3,
		learning_steps: 0
	};
}

/** A minimal CSV reader (quoted cells, doubled quotes), as a spreadsheet reads the file. */
function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	return rows;
}

/** What a spreadsheet would take as a formula: a cell starting with = + - @, tab or CR. */
const formula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('the optimizer CSV', () => {
	it('escapes card ids a spreadsheet would run as formulas, and keeps them readable', () => {
		const csv = optimizerCsv(DANGEROUS.map((id, i) => review(id, 1000 + i)));
		const rows = readCsv(csv).slice(1);
		expect(rows.map((r) => r[0])).toEqual(DANGEROUS.map((id) => `'${id}`));
		for (const r of rows) for (const cell of r) expect(formula(cell), cell).toBe(false);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain("\n'+1,1001,3,2,4200\n");
	});

	it('leaves ordinary ids and the numbers as they are', () => {
		const csv = optimizerCsv([review('http-status-codes', 1_763_715_600_000), review('a,b', 1_763_715_700_000)]);
		expect(csv).toBe(
			'card_id,review_time,review_rating,review_state,review_duration\n' + 'http-status-codes,1763715600000,3,2,4200\n' + '"a,b",1763715700000,3,2,4200\n'
		);
	});
});

describe('the Anki TSV', () => {
	const deck = (cards: DeckData['cards']): DeckData => ({
		id: 'internet',
		title: 'Internet: how it works',
		group: 'foundations',
		prerequisites: [],
		cards,
		version: 'test'
	});
	const source = { file: '000_c49236ff270dceac.txt', heading: 'H' } as const;

	it('escapes every cell a spreadsheet would run as a formula', () => {
		const cards = DANGEROUS.map((prompt, i) => ({ id: `c${i}`, kind: 'flashcard' as const, prompt, answer: '-1', explanation: 'Because.', source }));
		const lines = ankiTsv([deck(cards)])
			.trimEnd()
			.split('\n')
			.slice(4);
		expect(lines.map((l) => l.split('\t')[0])).toEqual(['\'=HYPERLINK("x")', "'+1", "'-2", "'@SUM(A1)", 'x', "'=1"]);
		for (const line of lines) {
			expect(line.split('\t')).toHaveLength(4);
			for (const cell of line.split('\t')) expect(formula(cell), cell).toBe(false);
			expect(line.split('\t')[1]).toBe("'-1 — Because.");
		}
	});

	it('leaves ordinary text alone', () => {
		const cards = [
			{ id: 'c', kind: 'flashcard', prompt: 'What is DNS?', answer: 'Names to addresses', explanation: 'It resolves.', source }
		] as DeckData['cards'];
		expect(ankiTsv([deck(cards)]).split('\n')[4]).toBe(
			'What is DNS?\tNames to addresses — It resolves.\tRoadmap Recall::Internet\troadmap-recall internet flashcard'
		);
	});
});
