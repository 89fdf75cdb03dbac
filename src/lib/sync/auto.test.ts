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

function outcome(received: number): SyncOutcome {
	return { ok: true, sent: 0, received, cards: [], settingsTaken: false, skipped: [] } as unknown as SyncOutcome;
}

/** A sync that ends when the test says so. */
function held(): { done: (o: SyncOutcome) => void; promise: Promise<SyncOutcome> } {
	let done!: (o: SyncOutcome) => void;
	const promise = new Promise<SyncOutcome>((r) => (done = r));
	return { done, promise };
}

describe('syncIfSetUp', () => {
	beforeEach(() => engine.syncNow.mockReset());

	it('runs the button’s sync after one already running, and gives its outcome', async () => {
		const first = held();
		engine.syncNow.mockReturnValueOnce(first.promise).mockResolvedValueOnce(outcome(1));
		const opening = syncIfSetUp('open');
		await vi.waitFor(() => expect(engine.syncNow).toHaveBeenCalledTimes(1));
		const pressed = syncIfSetUp('button');
		const pressedAgain = syncIfSetUp('button');
		first.done(outcome(0));
		expect(await opening).toMatchObject({ received: 0 });
		expect(await pressed).toMatchObject({ received: 1 });
		expect(await pressedAgain).toMatchObject({ received: 1 });
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
});
