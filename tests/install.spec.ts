import { chromium } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.js';
import { answerCard, changeSettings, waitForOffline } from './helpers';

// The service worker is what this file tests (the other specs run without it unless they say so).
test.use({ serviceWorkers: 'allow' });

test('Chromium finds nothing in the way of installing the app', only('desktop', 'installing is the laptop journey: once'), async ({ page }, testInfo) => {
	// A real profile: an incognito-like context can never install an app.
	const profile = mkdtempSync(join(tmpdir(), 'recall-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: CHROMIUM_ARGS,
		baseURL: String(testInfo.project.use.baseURL)
	});
	try {
		const app = context.pages()[0] ?? (await context.newPage());
		await app.goto('/');
		await waitForOffline(app);
		const cdp = await context.newCDPSession(app);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}

	const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<string, unknown> & {
		icons: { sizes: string; purpose: string }[];
		screenshots: { form_factor: string; src: string }[];
		shortcuts: { name: string; url: string }[];
	};
	expect(manifest).toMatchObject({ id: '/', name: 'Roadmap Recall', short_name: 'Recall', display: 'standalone', start_url: '/' });
	expect(manifest.description).toBeTruthy();
	expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable', '512x512 monochrome']);
	expect(manifest.screenshots.map((s) => s.form_factor)).toEqual(['narrow', 'wide']);
	for (const s of manifest.screenshots) expect((await page.request.get(s.src)).ok()).toBe(true);
	expect(manifest.shortcuts.map((s) => [s.name, s.url])).toEqual([
		['Review now', '/review'],
		['Sections', '/sections']
	]);
	// Light and dark colours for the browser's UI.
	await page.goto('/');
	await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]')).toHaveCount(1);
	await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]')).toHaveCount(1);
});

test(
	'an offline notice comes when the network drops and goes when it returns',
	only('desktop', 'offline use is the laptop journey: once'),
	async ({ page, context }) => {
		await page.goto('/');
		await waitForOffline(page);
		const notice = page.getByRole('status').filter({ hasText: 'You are offline' });
		await expect(notice).toHaveCount(0);
		await context.setOffline(true);
		await expect(notice).toBeVisible();
		// Everything still works: a review, its save, settings and stats.
		await page.goto('/review');
		await expect(notice).toBeVisible();
		await answerCard(page, 'Good');
		await page.goto('/stats');
		await expect(page.getByTestId('stats-today')).toHaveText('1');
		await page.goto('/settings');
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
		await context.setOffline(false);
		await expect(notice).toHaveCount(0);
	}
);

test('a page on old code that misses a chunk reloads once, not in a loop', only('desktop', 'the same at any size: once'), async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('due-count')).toHaveText('20');
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.dispatchEvent(new Event('vite:preloadError', { cancelable: true })))]);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
	// A second failure right away does not reload again.
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 2));
	await page.evaluate(() => window.dispatchEvent(new Event('vite:preloadError', { cancelable: true })));
	await page.waitForTimeout(500);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(2);
});

test('the app icon badge shows the cards due, on launch and after a session', only('desktop', 'the badge is the same at any size: once'), async ({ page }) => {
	await page.addInitScript(() => {
		const calls: (number | 'clear')[] = [];
		(window as unknown as { badgeCalls: typeof calls }).badgeCalls = calls;
		Object.assign(navigator, {
			setAppBadge: (n?: number) => Promise.resolve(void calls.push(n ?? 0)),
			clearAppBadge: () => Promise.resolve(void calls.push('clear'))
		});
	});
	await changeSettings(page, { 'New cards per day': '2' });
	await page.goto('/');
	await expect.poll(() => page.evaluate(() => (window as unknown as { badgeCalls: unknown[] }).badgeCalls.at(-1))).toBe(2);
	await page.goto('/review');
	await answerCard(page, 'Easy');
	await answerCard(page, 'Easy');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect.poll(() => page.evaluate(() => (window as unknown as { badgeCalls: unknown[] }).badgeCalls.at(-1))).toBe('clear');
});
