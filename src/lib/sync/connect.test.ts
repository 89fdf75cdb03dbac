// A server is tried before it is saved: what the Sync section then says must match what happened (nothing saved).
import { describe, expect, it } from 'vitest';
import { notSaved, tryServer } from './connect';
import { useCouch } from './test-helpers';

const { config, serverDocs } = useCouch();

describe('trying a server before sync is switched on for it', () => {
	it('lets a right address and account through, and makes the database', async () => {
		expect(await tryServer(config(), { timeoutMs: 5000 })).toBeUndefined();
		// The database is there now, empty: the first sync has somewhere to write.
		expect(await serverDocs()).toEqual([]);
	});

	it('says why a wrong password or an unreachable address fails, without promising a sync that will not happen', async () => {
		const wrongPassword = await tryServer({ ...config(), password: 'not-it' }, { timeoutMs: 5000 });
		expect(wrongPassword).toMatch(/^The server did not accept the username or password/);
		// Port 1: nothing listens there.
		const mistyped = await tryServer({ ...config(), server: 'http://127.0.0.1:1' }, { timeoutMs: 5000 });
		expect(mistyped).toBe('Could not reach 127.0.0.1:1: the address is wrong, the server is down, or it does not allow this app (CORS).');
		for (const why of [wrongPassword, mistyped]) expect(why).not.toMatch(/Nothing was changed|try again later/);
	});

	it('says nothing was saved, and what stays in use', () => {
		const why = 'Could not reach couch.exmaple.com: the address is wrong.';
		expect(notSaved(why, undefined)).toBe(`${why} Nothing was saved: sync is still off on this device.`);
		expect(notSaved(why, { server: 'https://couch.example.com', db: 'recall', user: 'ana', password: 'p' })).toBe(
			`${why} Nothing was saved: sync goes on with the server and account saved before (couch.example.com).`
		);
	});
});
