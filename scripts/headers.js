// The response headers of the production build, in one place: `npm start`
// (scripts/serve.js) sends them, and the build writes them as a `_headers`
// file for static hosts that read one (Netlify, Cloudflare Pages).

/** Hashed files under /_app/immutable/ never change: cached for a year. */
export const IMMUTABLE = '/_app/immutable/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (pages, the service worker, the manifest, the decks) is revalidated on every load. */
export const REVALIDATE_CACHE = 'no-cache';

/** Sent with every response. The pages carry the full CSP in a meta tag; framing can only be refused by a header. */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Content-Security-Policy': "frame-ancestors 'none'"
};

/** @param {string} pathname a path under the site's base */
export function cacheControl(pathname) {
	return pathname.startsWith(IMMUTABLE) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/**
 * The `_headers` file. A path takes the headers of every rule it matches, so
 * the rules do not overlap: the immutable files, then each other kind of file
 * the build has (`paths`: its top-level entries, such as `/decks/*`,
 * `/review`, `/index.html`), all under `base` (BASE_PATH) when the build is
 * for a site under a path.
 * @param {string[]} paths
 * @param {string} [base]
 */
export function headersFile(paths, base = '') {
	const block = (/** @type {string} */ rule, /** @type {Record<string, string>} */ headers) =>
		[rule, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
	const rules = [
		'# Written by the build (scripts/headers.js): the same headers as `npm start`.',
		block(`${base}${IMMUTABLE}*`, { ...SECURITY_HEADERS, 'Cache-Control': IMMUTABLE_CACHE }),
		...paths.map((p) => block(`${base}${p}`, { ...SECURITY_HEADERS, 'Cache-Control': REVALIDATE_CACHE }))
	];
	return `${rules.join('\n\n')}\n`;
}
