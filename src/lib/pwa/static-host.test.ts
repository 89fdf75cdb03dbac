import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControl, headersFile, SECURITY_HEADERS } from '../../../scripts/headers.js';
import { hostPaths } from '../../../scripts/static-host.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = [
	'_app/immutable/chunks/a1b2.js',
	'_app/immutable/assets/0.c3d4.css',
	'_app/version.json',
	'decks/http.json',
	'decks/outline/http.json',
	'index.html',
	'index.html.br',
	'review.html',
	'review.html.gz',
	'sections/http/quiz.html',
	'service-worker.js',
	'manifest.webmanifest'
];
for (const f of files) {
	mkdirSync(dirname(join(dir, f)), { recursive: true });
	writeFileSync(join(dir, f), '');
}

/** The rules of a _headers file: each path pattern with its headers. */
function parse(text: string): { rule: string; headers: Record<string, string> }[] {
	return text
		.split('\n\n')
		.map((b) => b.split('\n').filter((l) => l && !l.startsWith('#')))
		.filter((lines) => lines.length > 0)
		.map(([rule, ...lines]) => {
			const headers: Record<string, string> = {};
			for (const l of lines) {
				const at = l.indexOf(': ');
				headers[l.slice(0, at).trim()] = l.slice(at + 2);
			}
			return { rule: rule!, headers };
		});
}
const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule);

describe('the _headers file for static hosts', () => {
	const rules = parse(headersFile(hostPaths(dir)));
	// How a host serves the build: every file by its path, and prerendered pages without .html too.
	const served = ['/', '/index.html', '/review', '/review.html', '/sections/http/quiz', ...files.filter((f) => !/\.(br|gz)$/.test(f)).map((f) => `/${f}`)];

	it('gives every path the build serves exactly one rule, with the Cache-Control npm start sends and its security headers', () => {
		for (const path of served) {
			const hits = rules.filter((r) => matches(r.rule, path));
			expect(
				hits.map((h) => h.rule),
				path
			).toHaveLength(1);
			expect(hits[0]!.headers).toEqual({ ...SECURITY_HEADERS, 'Cache-Control': cacheControl(path) });
		}
	});

	it('caches only the hashed files for a year', () => {
		expect(rules.filter((r) => r.headers['Cache-Control']!.includes('immutable')).map((r) => r.rule)).toEqual(['/_app/immutable/*']);
	});
});

describe('the _headers file for a build under a path (BASE_PATH)', () => {
	const base = '/roadmap-recall';
	const rules = parse(headersFile(hostPaths(dir), base));

	it('gives every path under the base exactly one rule, with the same headers as at the root', () => {
		for (const path of ['/', '/review', '/decks/http.json', '/_app/immutable/chunks/a1b2.js', '/service-worker.js']) {
			const hits = rules.filter((r) => matches(r.rule, `${base}${path}`));
			expect(
				hits.map((h) => h.rule),
				path
			).toHaveLength(1);
			expect(hits[0]!.headers).toEqual({ ...SECURITY_HEADERS, 'Cache-Control': cacheControl(path) });
		}
		// Nothing outside the base.
		for (const r of rules) expect(r.rule.startsWith(`${base}/`), r.rule).toBe(true);
	});
});
