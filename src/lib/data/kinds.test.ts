import { describe, expect, it } from 'vitest';
import { docId, docIdOf, kindOf, KINDS, MERGE_STORES, SCAN_ORDER, storeKeyOf } from './kinds';

// The table's names and numbers are on the wire, in backup files and in meta on devices part-way through a first upload.
describe('the table of synced kinds', () => {
	it('keeps the document ids servers already hold', () => {
		expect([docId.review('r1'), docId.practice('p1'), docId.marks('c1'), docId.report('n1'), docId.settings()]).toEqual([
			'review:r1',
			'practice:p1',
			'marks:c1',
			'report:n1',
			'settings'
		]);
		expect(docIdOf('marks', { card_id: 'c1' })).toBe('marks:c1');
		expect(docIdOf('settings', {})).toBe('settings');
	});

	it('reads a document id back to its kind and store key, and nothing else', () => {
		expect(kindOf('review:a:b')).toBe('review');
		expect(storeKeyOf('review', 'review:a:b')).toBe('a:b');
		expect(kindOf('settings')).toBe('settings');
		expect(storeKeyOf('settings', 'settings')).toBe('user');
		for (const id of ['settings:x', 'review', 'constructor:x', 'toString', '_design/x', 'card:c1', '']) expect(kindOf(id)).toBeUndefined();
	});

	it('keeps the first upload in its order of steps', () => {
		expect(SCAN_ORDER).toEqual(['settings', 'marks', 'report', 'practice', 'review', 'ownCard', 'note']);
		expect(SCAN_ORDER.map((k) => KINDS[k].scan.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('merges into the stores it always did', () => {
		expect([...MERGE_STORES].sort()).toEqual([
			'buckets',
			'cardTotals',
			'cards',
			'marks',
			'meta',
			'notes',
			'ownCards',
			'practice',
			'reports',
			'reviews',
			'settings'
		]);
	});
});
