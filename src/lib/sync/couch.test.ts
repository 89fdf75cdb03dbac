import { describe, expect, it } from 'vitest';
import { checkDbName, checkServer, CouchClient, isSecureServer } from './couch';

/** Why an address is refused (undefined: accepted). */
function refusal(input: string): string | undefined {
	const r = checkServer(input);
	return r.ok ? undefined : r.error;
}

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

describe('the server address and database name the learner types', () => {
	it('takes HTTPS anywhere and plain http only on this machine', () => {
		expect(checkServer(' https://couch.example.com/ ')).toEqual({ ok: true, server: 'https://couch.example.com' });
		expect(checkServer('https://example.com/couch/')).toEqual({ ok: true, server: 'https://example.com/couch' });
		expect(checkServer('http://localhost:5984')).toEqual({ ok: true, server: 'http://localhost:5984' });
		expect(isSecureServer('http://127.0.0.1:5984')).toBe(true);
		expect(refusal('http://couch.example.com')).toContain('must start with https://');
		expect(refusal('')).toContain('Enter the address');
		expect(refusal('couch.example.com')).toContain('is not a web address');
		expect(refusal('ftp://couch.example.com')).toBe('The address must start with https://.');
	});

	it('refuses a password in the address, where it would end up in logs', () => {
		expect(refusal('https://ana:secret@couch.example.com')).toContain('not in the address');
	});

	it("checks the database name by CouchDB's rule", () => {
		expect(checkDbName('recall-ana')).toBeUndefined();
		expect(checkDbName('Recall')).toContain('lowercase letter');
		expect(checkDbName('_users')).toContain('lowercase letter');
		expect(checkDbName('a'.repeat(239))).toContain('at most 238');
	});
});

describe('the client', () => {
	const config = { server: 'https://couch.example.com', db: 'recall', user: 'ana', password: 'pässword' };
	const answer = (status: number, body: unknown) =>
		Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

	it('falls back to HTTP Basic (UTF-8) when the session cookie does not come back, and never puts the password in a URL', async () => {
		const seen: { url: string; auth: string | null }[] = [];
		const fetch: typeof globalThis.fetch = (input, init) => {
			const url = urlOf(input);
			const auth = new Headers(init?.headers).get('Authorization');
			seen.push({ url, auth });
			if (url.endsWith('/_session') && init?.method === 'POST') return answer(200, { ok: true, name: 'ana' });
			if (url.endsWith('/_session')) return answer(200, { userCtx: { name: auth ? 'ana' : null } });
			return answer(200, { db_name: 'recall' });
		};
		const client = new CouchClient(config, { fetch });
		expect(await client.login()).toBe('basic');
		await client.ensureDb();
		const basic = seen.at(-1)?.auth;
		expect(basic).toBe(`Basic ${Buffer.from('ana:pässword', 'utf8').toString('base64')}`);
		expect(seen.every((s) => !s.url.includes('pässword') && !s.url.includes(encodeURIComponent('pässword')))).toBe(true);
	});

	it('signs in again once when the session cookie expired', async () => {
		let logins = 0;
		let expired = true;
		const fetch: typeof globalThis.fetch = (input, init) => {
			const url = urlOf(input);
			if (url.endsWith('/_session') && init?.method === 'POST') {
				logins++;
				return answer(200, { ok: true });
			}
			if (url.endsWith('/_session')) return answer(200, { userCtx: { name: 'ana' } });
			if (expired) {
				expired = false;
				return answer(401, { error: 'unauthorized', reason: 'Session expired' });
			}
			return answer(200, { results: [], last_seq: '5-abc' });
		};
		const client = new CouchClient(config, { fetch });
		await client.login();
		expect(await client.changes(0, 10)).toEqual({ results: [], last_seq: '5-abc' });
		expect(logins).toBe(2);
	});
});
