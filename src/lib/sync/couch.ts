/**
 * A small client for the parts of CouchDB 3's HTTP API that sync uses:
 * /_session (cookie login), GET and PUT /{db}, _bulk_docs, _all_docs and
 * _changes. Every failure becomes a SyncError with a message in words (a
 * request the learner cancelled, SyncCancelled); nothing here touches the
 * learner's data.
 */

import type { AuthMode, CouchConfig } from '$lib/db/meta';

export type { AuthMode, CouchConfig } from '$lib/db/meta';

export class SyncError extends Error {
	/**
	 * What went wrong, without what it means for a sync under way ("Nothing
	 * was changed; sync will try again later."): trying a server before it is
	 * saved (connect.ts) says what that means itself.
	 */
	readonly reason: string;
	constructor(
		reason: string,
		/** HTTP status, or 0 when the server never answered. */
		readonly status = 0,
		/** What this means for a sync under way, appended to the message. */
		consequence?: string
	) {
		super(consequence ? `${reason} ${consequence}` : reason);
		this.name = 'SyncError';
		this.reason = reason;
	}
}

/** The learner pressed Cancel: the request was given up, and the sync stops where it is. */
export class SyncCancelled extends Error {
	constructor() {
		super('Sync cancelled.');
		this.name = 'SyncCancelled';
	}
}

export interface CouchDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	[field: string]: unknown;
}

export interface ChangesPage {
	/** With include_docs, each change's document as it is now (a deleted one: its _id, _rev and _deleted). */
	results: { id: string; seq: string | number; deleted?: boolean; changes: { rev: string }[]; doc?: CouchDoc }[];
	last_seq: string | number;
	/** Changes after this page (CouchDB 2 and later; PouchDB Server leaves it out). */
	pending?: number;
}

/** What GET /{db} says about the database: enough to estimate how many changes a pull has ahead. */
export interface DbInfo {
	update_seq: string | number;
	doc_count: number;
	doc_del_count: number;
}

export interface BulkResult {
	id: string;
	ok?: boolean;
	rev?: string;
	error?: string;
	reason?: string;
}

export interface AllDocsRow {
	key: string;
	id?: string;
	value?: { rev: string; deleted?: boolean };
	doc?: CouchDoc | null;
	error?: string;
}

/** Whether the address may carry a password: HTTPS, or this very machine. */
export function isSecureServer(server: string): boolean {
	let url: URL;
	try {
		url = new URL(server);
	} catch {
		return false;
	}
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

/** A server address as the learner typed it, checked: an error in words, or the address to use. */
export function checkServer(input: string): { ok: true; server: string } | { ok: false; error: string } {
	const text = input.trim();
	if (!text) return { ok: false, error: 'Enter the address of your CouchDB server, such as https://couch.example.com.' };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, error: `"${text}" is not a web address; it should look like https://couch.example.com.` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'The address must start with https://.' };
	if (url.username || url.password) return { ok: false, error: 'Put the username and password in their own fields, not in the address.' };
	if (url.search || url.hash) return { ok: false, error: 'The address must not have a ? or # part.' };
	if (!isSecureServer(text))
		return { ok: false, error: 'The address must start with https:// (plain http is allowed only for localhost): your password would travel unencrypted.' };
	return { ok: true, server: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** CouchDB's rule for database names. */
export function checkDbName(input: string): string | undefined {
	if (!/^[a-z][a-z0-9_$()+/-]*$/.test(input)) return 'The database name must start with a lowercase letter and use only a–z, 0–9 and _ $ ( ) + - /.';
	if (input.length > 238) return 'The database name must be at most 238 characters.';
	return undefined;
}

const TIMEOUT_MS = 30_000;
// What a failed request means for a sync under way: what it merged or sent before stays, this request changed nothing.
const UNCHANGED = 'Nothing was changed.';
const LATER = 'Nothing was changed; sync will try again later.';

/** user:password in base64, as UTF-8 (btoa alone takes only Latin-1). */
function basic(user: string, password: string): string {
	let binary = '';
	for (const b of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(b);
	return btoa(binary);
}

export class CouchClient {
	private auth: AuthMode = 'cookie';
	private loggedIn = false;

	constructor(
		private readonly config: CouchConfig,
		private readonly options: { fetch?: typeof fetch; timeoutMs?: number } = {}
	) {}

	get authMode(): AuthMode {
		return this.auth;
	}

	private dbUrl(path = ''): string {
		return `${this.config.server}/${encodeURIComponent(this.config.db)}${path}`;
	}

	/**
	 * One request; the answer's JSON, or a SyncError in words. Statuses in
	 * `accept` are answers, not failures. `init.signal` given up (Cancel):
	 * SyncCancelled.
	 */
	private async request<T>(url: string, init: RequestInit & { json?: unknown } = {}, accept: number[] = []): Promise<{ status: number; body: T }> {
		const headers = new Headers(init.headers);
		headers.set('Accept', 'application/json');
		if (init.json !== undefined) headers.set('Content-Type', 'application/json');
		if (this.auth === 'basic') headers.set('Authorization', `Basic ${basic(this.config.user, this.config.password)}`);
		const cancel = init.signal;
		if (cancel?.aborted) throw new SyncCancelled();
		const controller = new AbortController();
		const ms = this.options.timeoutMs ?? TIMEOUT_MS;
		const timer = setTimeout(() => controller.abort(), ms);
		const onCancel = () => controller.abort();
		cancel?.addEventListener('abort', onCancel);
		let response: Response;
		let text: string;
		try {
			response = await (this.options.fetch ?? fetch)(url, {
				method: init.method ?? 'GET',
				headers,
				body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
				credentials: this.auth === 'cookie' ? 'include' : 'omit',
				cache: 'no-store',
				signal: controller.signal
			});
			text = await response.text();
		} catch {
			if (cancel?.aborted) throw new SyncCancelled();
			if (controller.signal.aborted) throw new SyncError(`The server did not answer within ${Math.round(ms / 1000)} seconds.`, 0, LATER);
			throw new SyncError(
				`Could not reach ${new URL(this.config.server).host}: ${typeof navigator !== 'undefined' && navigator.onLine === false ? 'this device is offline' : 'the address is wrong, the server is down, or it does not allow this app (CORS)'}.`,
				0,
				UNCHANGED
			);
		} finally {
			clearTimeout(timer);
			cancel?.removeEventListener('abort', onCancel);
		}
		let body: unknown;
		try {
			body = text === '' ? {} : JSON.parse(text);
		} catch {
			throw new SyncError(
				`The server's answer (HTTP ${response.status}) was not valid JSON: is ${this.config.server} a CouchDB server?`,
				response.status,
				UNCHANGED
			);
		}
		if (response.ok || accept.includes(response.status)) {
			if (body === null || typeof body !== 'object')
				throw new SyncError(`The server's answer was not what CouchDB sends (HTTP ${response.status}).`, response.status, UNCHANGED);
			return { status: response.status, body: body as T };
		}
		throw this.failure(response.status, body);
	}

	private failure(status: number, body: unknown): SyncError {
		const reason = typeof (body as { reason?: unknown })?.reason === 'string' ? ` (${(body as { reason: string }).reason})` : '';
		const db = `"${this.config.db}"`;
		const words: Record<number, string> = {
			401: `The server did not accept the username or password${reason}. Check them and press Sync now.`,
			403: `The user "${this.config.user}" may not read or write the database ${db}${reason}. Make the user a member of it (see the README).`,
			404: `The database ${db} does not exist on the server, and this user may not create it${reason}.`,
			409: `The server refused a change as a conflict${reason}. Nothing was lost; sync will try again.`,
			412: `The server refused the request${reason}.`,
			413: `The server found a request too large${reason}.`
		};
		if (words[status]) return new SyncError(words[status], status);
		if (status >= 500) return new SyncError(`The server failed (HTTP ${status})${reason}.`, status, LATER);
		return new SyncError(`The server refused the request (HTTP ${status})${reason}.`, status);
	}

	/**
	 * Signs in. CouchDB's session cookie is used when the browser sends it
	 * back (same site, or SameSite=None; Secure); otherwise every request
	 * carries HTTP Basic credentials, which checkServer allows only over HTTPS.
	 */
	async login(): Promise<AuthMode> {
		this.auth = 'cookie';
		await this.request(`${this.config.server}/_session`, { method: 'POST', json: { name: this.config.user, password: this.config.password } });
		const session = await this.request<{ userCtx?: { name?: string | null } }>(`${this.config.server}/_session`);
		if (session.body.userCtx?.name !== this.config.user) {
			// The cookie was set but not sent back: a third-party cookie the browser blocks.
			this.auth = 'basic';
			const check = await this.request<{ userCtx?: { name?: string | null } }>(`${this.config.server}/_session`);
			if (check.body.userCtx?.name !== this.config.user)
				throw new SyncError('The server did not accept the username or password. Check them and press Sync now.', 401);
		}
		this.loggedIn = true;
		return this.auth;
	}

	/** Runs `fn`, signing in again once if the session cookie expired meanwhile. */
	private async authed<T>(fn: () => Promise<T>): Promise<T> {
		if (!this.loggedIn) await this.login();
		try {
			return await fn();
		} catch (e) {
			if (e instanceof SyncError && e.status === 401 && this.auth === 'cookie') {
				await this.login();
				return fn();
			}
			throw e;
		}
	}

	/** Makes sure the database exists, creating it if this user may; what it holds (a new one: nothing). */
	async ensureDb(signal?: AbortSignal): Promise<DbInfo> {
		return this.authed(async () => {
			const got = await this.request<Partial<DbInfo>>(this.dbUrl(), { signal }, [404]);
			if (got.status !== 404)
				return { update_seq: got.body.update_seq ?? 0, doc_count: Number(got.body.doc_count) || 0, doc_del_count: Number(got.body.doc_del_count) || 0 };
			const made = await this.request(this.dbUrl(), { method: 'PUT', signal }, [401, 403, 412]);
			// 412: made meanwhile by another device. 401/403: not allowed to create it.
			if (made.status === 401 || made.status === 403) throw this.failure(404, {});
			return { update_seq: 0, doc_count: 0, doc_del_count: 0 };
		});
	}

	/** Up to `limit` changes after `since`; with `docs`, each with its document (one request instead of a list and a fetch). */
	async changes(since: string | number, limit: number, options: { docs?: boolean; signal?: AbortSignal } = {}): Promise<ChangesPage> {
		const q = new URLSearchParams({ since: String(since), limit: String(limit), ...(options.docs ? { include_docs: 'true' } : {}) });
		const { body } = await this.authed(() => this.request<ChangesPage>(this.dbUrl(`/_changes?${q}`), { signal: options.signal }));
		if (!Array.isArray(body.results) || body.last_seq === undefined)
			throw new SyncError("The server's list of changes was not what CouchDB sends. Nothing was changed.");
		return body;
	}

	/** Documents by id, with their current revisions (a missing or deleted one comes back without a doc). */
	async allDocs(keys: readonly string[], includeDocs: boolean, signal?: AbortSignal): Promise<AllDocsRow[]> {
		if (keys.length === 0) return [];
		const { body } = await this.authed(() =>
			this.request<{ rows?: AllDocsRow[] }>(this.dbUrl(`/_all_docs${includeDocs ? '?include_docs=true' : ''}`), { method: 'POST', json: { keys }, signal })
		);
		if (!Array.isArray(body.rows) || body.rows.length !== keys.length)
			throw new SyncError("The server's list of documents was not what CouchDB sends. Nothing was changed.");
		return body.rows;
	}

	async bulkDocs(docs: readonly CouchDoc[]): Promise<BulkResult[]> {
		if (docs.length === 0) return [];
		const { body } = await this.authed(() => this.request<BulkResult[]>(this.dbUrl('/_bulk_docs'), { method: 'POST', json: { docs } }));
		if (!Array.isArray(body) || body.length !== docs.length)
			throw new SyncError("The server's answer to the upload was not what CouchDB sends. Nothing was changed.");
		return body;
	}
}
