import { type Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../scripts/serve.js';
import { answerCard, waitForOffline } from './helpers';

// The service worker is what this file tests (the other specs run without it unless they say so).
test.use({ serviceWorkers: 'allow' });

/** Asks the service worker controlling the page which build it is. */
function runningBuild(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = (e) => resolve(String(e.data));
				navigator.serviceWorker.controller?.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
			})
	);
}

test(
	'a new version is offered, never forced in the middle of a review',
	only('desktop', 'the update prompt is the same at any size: once'),
	async ({ page }) => {
		const dir = mkdtempSync(join(tmpdir(), 'recall-update-'));
		const buildA = join(dir, 'a');
		const buildB = join(dir, 'b');
		cpSync('build', buildA, { recursive: true });
		cpSync('build', buildB, { recursive: true });
		// "Build B": the same app under another version name.
		const { version } = JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as { version: string };
		const swB = join(buildB, 'service-worker.js');
		writeFileSync(swB, readFileSync(swB, 'utf8').replaceAll(version, 'build-b'));
		// The build is precompressed and the server prefers those files: build B's are the old worker's, so they go.
		for (const ext of ['.br', '.gz']) rmSync(`${swB}${ext}`, { force: true });
		let server = await serve({ port: 0, host: '127.0.0.1', dir: buildA });
		const url = server.url.replace('localhost', '127.0.0.1');
		try {
			// A short session: two new cards.
			await page.goto(`${url}/settings`);
			await page.getByLabel('New cards per day').fill('2');
			await page.getByRole('button', { name: 'Save settings' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
			await page.goto(`${url}/review`);
			await waitForOffline(page);
			expect(await runningBuild(page)).toBe(version);
			// Easy graduates a new card at once: nothing comes back within the learn-ahead limit.
			await answerCard(page, 'Easy');
			const onScreen = await page.locator('article[data-card-id]').getAttribute('data-card-id');
			// Marks this page load: it is gone if the page reloads.
			await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

			// Deploy build B on the same address.
			await server.close();
			server = await serve({ port: Number(new URL(url).port), host: '127.0.0.1', dir: buildB });
			await page.evaluate(async () => {
				await (await navigator.serviceWorker.getRegistration())?.update();
			});

			const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
			await expect(prompt).toBeVisible();
			// The review goes on untouched: same page load, same card, progress kept.
			await page.waitForTimeout(500);
			expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
			await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', onScreen ?? '');
			await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '1');

			// The session goes on to its end under build A.
			await answerCard(page, 'Easy');
			await expect(page.getByRole('heading', { name: /Session complete|Next card in/ })).toBeVisible();
			await expect(prompt).toBeVisible();

			// The learner accepts: the new worker takes over and the page reloads once.
			await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
			expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
			await expect(page.getByRole('heading', { name: /Session complete|Next card in/ })).toBeVisible();
			await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toHaveCount(0);
			expect(await runningBuild(page)).toBe('build-b');
			// Every review answered under build A is still there.
			await page.goto(`${url}/stats`);
			await expect(page.getByTestId('stats-today')).toHaveText('2');
		} finally {
			await server.close();
			rmSync(dir, { recursive: true, force: true });
		}
	}
);
