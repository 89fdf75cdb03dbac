import { afterEach, describe, expect, it } from 'vitest';
import { ChangeHub, type Change } from './changes.svelte';

// Two hubs stand for two tabs of the app: they share the BroadcastChannel by name.
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function listen(hub: ChangeHub): Change[] {
	const seen: Change[] = [];
	stops.push(hub.subscribe((c) => seen.push(c)));
	return seen;
}

const arrive = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the change hub', () => {
	it("tells this tab's views at once, marked as from here, and moves the version on", () => {
		const hub = new ChangeHub();
		const seen = listen(hub);
		const before = hub.version;
		hub.publish('reviewed', ['go-1']);
		expect(seen).toEqual([{ kind: 'reviewed', cards: ['go-1'], from: 'here' }]);
		expect(hub.version).toBe(before + 1);
	});

	it('tells the other tabs, marked as from a tab; a sync here reaches them too', async () => {
		const here = new ChangeHub();
		const there = new ChangeHub();
		const seenThere = listen(there);
		listen(here);
		here.publish('marked', ['go-2']);
		here.publish('data', undefined, 'sync');
		await arrive();
		expect(seenThere).toEqual([
			{ kind: 'marked', cards: ['go-2'], from: 'tab' },
			{ kind: 'data', from: 'tab' }
		]);
		expect(there.version).toBe(2);
	});

	it('reads what a tab of the previous version sends', async () => {
		const hub = new ChangeHub();
		const seen = listen(hub);
		const old = new BroadcastChannel('roadmap-recall');
		old.postMessage({ type: 'undone', card_id: 'go-3' });
		old.postMessage({ type: 'settings' });
		await arrive();
		old.close();
		expect(seen).toEqual([
			{ kind: 'undone', cards: ['go-3'], from: 'tab' },
			{ kind: 'settings', from: 'tab' }
		]);
	});

	it('stops telling a view that unsubscribed', () => {
		const hub = new ChangeHub();
		const seen: Change[] = [];
		const stop = hub.subscribe((c) => seen.push(c));
		stop();
		hub.publish('settings');
		expect(seen).toEqual([]);
	});
});
