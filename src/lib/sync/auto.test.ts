// When "Sync now" is pressed while an automatic sync runs, the learner gets a
// sync that starts after the press, not the outcome of one that began before
// it (and may have missed what another device just sent).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncOutcome } from './engine';

const engine = vi.hoisted(() => ({ syncNow: vi.fn() }));
vi.mock('./engine', () => engine);
vi.mock('$lib/data/client', () => ({ appDb: () => Promise.resolve({ getKey: () => Promise.resolve('sync') }) }));
vi.mock('$lib/decks/client', () => ({ loadIndex: () => Promise.resolve({ decks: [] }) }));
vi.mock('$lib/srs/scheduler', () => ({ scheduler: () => undefined }));

const { syncIfSetUp } = await import('./auto.svelte');

function outcome(received: number, sent = 0, cards: string[] = []): SyncOutcome {
	return { ok: true, sent, received, cards, settingsTaken: false, skipped: [] };
}

/** A sync that ends when the test says so. */
function held(): { done: (o: SyncOutcome) => void; promise: Promise<SyncOutcome> } {
	let done!: (o: SyncOutcome) => void;
	const promise = new Promise<SyncOutcome>((r) => (done = r));
	return { done, promise };
}

describe('syncIfSetUp', () => {
	beforeEach(() => engine.syncNow.mockReset());

	it('runs the button’s sync after one already running, and counts what both moved', async () => {
		const first = held();
		engine.syncNow.mockReturnValueOnce(first.promise).mockResolvedValueOnce(outcome(1, 0, ['b']));
		const opening = syncIfSetUp('open');
		await vi.waitFor(() => expect(engine.syncNow).toHaveBeenCalledTimes(1));
		const pressed = syncIfSetUp('button');
		const pressedAgain = syncIfSetUp('button');
		first.done(outcome(0, 1, ['a']));
		expect(await opening).toMatchObject({ received: 0, sent: 1 });
		expect(await pressed).toMatchObject({ received: 1, sent: 1, cards: ['a', 'b'] });
		expect(await pressedAgain).toBe(await pressed);
		// Two presses during one sync make one more sync, not two.
		expect(engine.syncNow).toHaveBeenCalledTimes(2);
	});

	it('shares one running sync among automatic triggers', async () => {
		const first = held();
		engine.syncNow.mockReturnValueOnce(first.promise);
		const opening = syncIfSetUp('open');
		const online = syncIfSetUp('online');
		first.done(outcome(2));
		expect(await online).toBe(await opening);
		expect(engine.syncNow).toHaveBeenCalledTimes(1);
	});

	it('gives the button’s own failure, not the earlier success', async () => {
		const first = held();
		engine.syncNow
			.mockReturnValueOnce(first.promise)
			.mockResolvedValueOnce({ ok: false, error: 'Not synced: the server is down.', received: 0, cards: [], settingsTaken: false });
		void syncIfSetUp('open');
		await vi.waitFor(() => expect(engine.syncNow).toHaveBeenCalledTimes(1));
		const pressed = syncIfSetUp('button');
		first.done(outcome(3));
		expect(await pressed).toMatchObject({ ok: false, error: 'Not synced: the server is down.' });
	});
});
