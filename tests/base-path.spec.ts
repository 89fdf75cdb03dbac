import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, only, test } from './fixtures';
import { serve } from '../scripts/serve.js';
import { answerCard, waitForOffline } from './helpers';

/**
 * A build for a site under a path (BASE_PATH=/roadmap-recall, as a GitHub
 * Pages project site is served; `npm test` makes it in build-base/), served
 * under that path and nothing else: every link, deck, the manifest and the
 * service worker stay inside it, and after the first visit it works offline,
 * deep links included. On the phone: that is where a learner opens it.
 */
const BASE = '/roadmap-recall';
const DIR = resolve('build-base');

test.use({ serviceWorkers: 'allow' });

test(
	'a build under /roadmap-recall/ works there, installs there and works offline, deep links included',
	only('phone', 'a learner opens the hosted app on a phone: once'),
	async ({ page }) => {
		expect(existsSync(resolve(DIR, 'index.html')), 'build-base/ is made by `npm test` (BASE_PATH=/roadmap-recall BUILD_DIR=build-base)').toBe(true);
		const server = await serve({ port: 0, host: '127.0.0.1', dir: DIR, base: BASE });
		const origin = server.url.replace('localhost', '127.0.0.1');
		const app = `${origin}${BASE}`;
		let stopped = false;
		try {
			// Nothing is served outside the path: whatever works below came from inside it.
			expect((await page.request.get(`${origin}/`)).status()).toBe(404);
			const paths: string[] = [];
			page.on('request', (r) => paths.push(new URL(r.url()).pathname));

			await page.goto(`${app}/`);
			await expect(page.getByTestId('due-count')).toHaveText('20');
			// The manifest: the app's identity, where it opens, what it covers, its icons and shortcuts, all under the path.
			const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
			const manifest = (await (await page.request.get(href)).json()) as {
				id: string;
				start_url: string;
				scope: string;
				icons: { src: string }[];
				shortcuts: { url: string }[];
			};
			expect(manifest).toMatchObject({ id: `${BASE}/`, start_url: `${BASE}/`, scope: `${BASE}/` });
			for (const url of [...manifest.icons.map((i) => i.src), ...manifest.shortcuts.map((s) => s.url)]) {
				expect(url).toMatch(new RegExp(`^${BASE}/`));
				expect((await page.request.get(`${origin}${url}`)).ok(), url).toBe(true);
			}
			await waitForOffline(page);
			expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${app}/`);

			// The links lead inside the path: the header's Sections, a section, its quiz (the decks load).
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sections' }).click();
			await expect(page).toHaveURL(`${app}/sections`);
			await page.getByRole('link', { name: /^HTTP/ }).first().click();
			await expect(page).toHaveURL(`${app}/sections/http`);
			// Once the section's figures are in: the line they bring moves the button down.
			await expect(page.getByTestId('section-quiz-total')).toBeVisible();
			await page.getByRole('link', { name: 'Quiz this section' }).click();
			await expect(page).toHaveURL(`${app}/sections/http/quiz`);
			expect(await answerCard(page, 'Good')).toMatch(/^http-/);
			expect(paths.filter((p) => !p.startsWith(`${BASE}/`))).toEqual([]);

			// The server goes: the app and a deep link still open, from the worker's cache.
			await server.close();
			stopped = true;
			await page.goto(`${app}/review`);
			await expect(page.locator('article[data-card-id]')).toBeVisible();
			await page.goto(`${app}/sections/caching/quiz`);
			await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', /^caching-/);
			await page.goto(`${app}/`);
			await expect(page.getByTestId('learning-count')).toHaveText('1');
		} finally {
			if (!stopped) await server.close();
		}
	}
);
