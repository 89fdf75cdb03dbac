// The production build, served for one engine's journey by a server the
// journey can stop (offline, for real: the browser gets no answer). Every
// page of this copy loads a small script first that keeps the page's
// uncaught errors and unhandled rejections, since WebDriver classic has no
// way to report them; the app's own files are served unchanged.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../../scripts/serve.js';
import type { Served } from './journey';

/** Under /_app/immutable/, so the browser's cache keeps it for the offline part of the journey. */
const LISTENER = '/_app/immutable/e2e-errors.js';
const LISTENER_SOURCE = `(() => {
	const errors = (window.__e2eErrors = []);
	addEventListener('error', (e) => errors.push(location.pathname + ': ' + String((e.error && e.error.stack) || e.message)));
	addEventListener('unhandledrejection', (e) => errors.push(location.pathname + ': unhandled rejection: ' + String((e.reason && e.reason.stack) || e.reason)));
})();
`;

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

export async function serveBuild(build = resolve('build')): Promise<Served & { close(): Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'engine-build-'));
	cpSync(build, dir, { recursive: true });
	writeFileSync(join(dir, LISTENER), LISTENER_SOURCE);
	for (const file of htmlFiles(dir)) {
		const path = join(dir, file);
		writeFileSync(path, readFileSync(path, 'utf8').replace('<head>', `<head><script src="${LISTENER}"></script>`));
		// The precompressed copies would be served instead of the changed page.
		rmSync(`${path}.br`, { force: true });
		rmSync(`${path}.gz`, { force: true });
	}
	const server = await serve({ port: 0, host: '127.0.0.1', dir });
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await server.close();
	};
	return {
		url: server.url.replace('localhost', '127.0.0.1'),
		stop,
		close: async () => {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
