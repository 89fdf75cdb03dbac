// Serves the production build (build/) the way a real static host should:
// hashed assets cached forever, everything else (HTML, the service worker,
// the manifest, deck JSON) revalidated on every load, unknown paths answered
// with the SPA shell.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { cacheControl, SECURITY_HEADERS } from './headers.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'build');

/** @param {import('node:http').ServerResponse} res @param {string} pathname */
function setCacheHeaders(res, pathname) {
	res.setHeader('Cache-Control', cacheControl(pathname));
	if (pathname === '/service-worker.js') res.setHeader('Service-Worker-Allowed', '/');
}

/**
 * Starts the server. Resolves once it listens.
 * With `tls` (a key and certificate), it speaks HTTP/2 over TLS, as a real host does (the audit uses it).
 * With `base` (such as /roadmap-recall), the build is served under that path, as a GitHub Pages project site is,
 * and nothing outside it.
 * @param {{ port?: number, host?: string, dir?: string, base?: string, tls?: { key: string | Buffer, cert: string | Buffer } }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serve({ port = 4173, host = '0.0.0.0', dir = root, base = '', tls } = {}) {
	const assets = sirv(dir, {
		dev: false,
		etag: true,
		extensions: ['html'],
		// The build has every file precompressed (adapter-static's precompress): send brotli or gzip when the browser takes it.
		brotli: true,
		gzip: true,
		single: '200.html',
		setHeaders: (res, pathname) => setCacheHeaders(res, pathname)
	});
	/** @type {(req: any, res: any) => void} */
	const handle = (req, res) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		if (base) {
			const url = String(req.url ?? '/');
			if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`)) {
				res.statusCode = 404;
				return res.end('Not found');
			}
			req.url = url.slice(base.length) || '/';
		}
		assets(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	};
	const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			resolvePromise({
				url: `${tls ? 'https' : 'http'}://localhost:${actual}`,
				close: () =>
					new Promise((done) => {
						if ('closeAllConnections' in server) server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const option = (/** @type {string} */ name) => {
		const at = process.argv.indexOf(name);
		return at > -1 ? process.argv[at + 1] : undefined;
	};
	const port = Number(option('--port') ?? process.env.PORT ?? 4173);
	// A build made with BASE_PATH=/roadmap-recall is served under that path, as its host will: --base /roadmap-recall.
	const base = option('--base') ?? process.env.BASE_PATH ?? '';
	const dir = option('--dir') ?? process.env.BUILD_DIR;
	const { url } = await serve({ port, base, ...(dir ? { dir: resolve(dir) } : {}) });
	console.log(`Roadmap Recall is running at ${url}${base}/`);
	for (const addrs of Object.values(networkInterfaces())) {
		for (const a of addrs ?? []) {
			if (a.family === 'IPv4' && !a.internal) console.log(`  on your network: http://${a.address}:${port}${base}/`);
		}
	}
	console.log('Press Ctrl+C to stop.');
}
