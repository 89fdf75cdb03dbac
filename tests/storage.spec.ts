import { type Page } from '@playwright/test';
import { expect, hydrating, only, test } from './fixtures';
import { changeSettings, expectAccessible, finishSession, metaValue } from './helpers';

// What the browser decided about keeping the data, and the backup home offers while it is at risk: a phone's journey.
const once = only('phone', 'storage honesty: checked once, on the phone');

/** Resolves once the app has kept the browser's answer to its request (asked at the session's end, in the background). */
async function asked(page: Page): Promise<void> {
	await expect.poll(() => metaValue(page, 'persist-request')).toBeDefined();
}

/** A browser that never agrees to keep the data persistently (as many do, by their own rules). */
async function refusingBrowser(page: Page): Promise<void> {
	await page.addInitScript(() => {
		navigator.storage.persisted = () => Promise.resolve(false);
		navigator.storage.persist = () => Promise.resolve(false);
	});
}

test('Settings says what the browser decided about keeping the data; home offers a backup once after a week', once, async ({ page }) => {
	await refusingBrowser(page);
	await page.clock.install({ time: new Date('2026-11-02T10:00:00') });
	await page.goto('/settings');
	const status = page.getByTestId('storage-status');
	await expect(status).toHaveAttribute('data-decision', 'not-asked');
	await expect(status).toContainText('Not stored persistently yet: the app asks the browser after your first session.');
	// Chromium is not Safari: no word of the 7-day rule.
	await expect(page.getByTestId('seven-day-rule')).toHaveCount(0);

	// A first session: at its end the app asks, and this browser says no.
	await changeSettings(page, { 'New cards per day': '1' });
	await page.goto('/review');
	await finishSession(page, 'Easy');
	await asked(page);
	await page.goto('/settings');
	await expect(status).toHaveAttribute('data-decision', 'refused');
	await expect(status).toContainText(
		`This browser declined to store your answers persistently (asked ${new Date('2026-11-02T10:00:00').toLocaleDateString('en-US')}`
	);

	// Home says nothing while the answers are days old…
	await page.goto('/');
	await expect(page.getByTestId('due-count')).not.toHaveText('…');
	await page.clock.runFor(3 * 86_400_000);
	await page.reload();
	await expect(page.getByTestId('due-count')).not.toHaveText('…');
	await expect(page.getByTestId('backup-offer')).toHaveCount(0);
	// …and offers a backup once they are more than a week old with no backup or sync since.
	await page.clock.runFor(5 * 86_400_000);
	await page.reload();
	const offer = page.getByTestId('backup-offer');
	await expect(offer).toBeVisible();
	await expectAccessible(page);
	await offer.getByRole('button', { name: 'Not now' }).click();
	await expect(offer).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('due-count')).not.toHaveText('…');
	await expect(offer).toHaveCount(0);
});

test('the backup home offers is saved, and the offer stays away until that backup is a week old', once, async ({ page }) => {
	await refusingBrowser(page);
	await page.clock.install({ time: new Date('2026-11-02T10:00:00') });
	await changeSettings(page, { 'New cards per day': '1' });
	await page.goto('/review');
	await finishSession(page, 'Easy');
	await page.clock.runFor(8 * 86_400_000);
	await page.goto('/');
	const offer = page.getByTestId('backup-offer');
	const saved = page.waitForEvent('download');
	await offer.getByRole('button', { name: 'Back up now' }).click();
	expect((await saved).suggestedFilename()).toMatch(/^roadmap-recall-backup-\d{4}-\d\d-\d\d\.json\.gz$/);
	await expect(offer.getByRole('status')).toHaveText(/^Backup saved: 1 answers?\./);
	await page.clock.runFor(6 * 86_400_000);
	await page.reload();
	await expect(page.getByTestId('due-count')).not.toHaveText('…');
	await expect(offer).toHaveCount(0);
	await page.clock.runFor(2 * 86_400_000);
	await page.reload();
	await expect(offer).toBeVisible();
});

test('in Safari the settings page names the 7-day rule and the Home Screen', once, async ({ browser, baseURL }) => {
	const safari = await browser.newContext({
		baseURL,
		viewport: { width: 390, height: 800 },
		userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1'
	});
	try {
		const page = hydrating(await safari.newPage());
		await refusingBrowser(page);
		await page.goto('/settings');
		await expect(page.getByTestId('seven-day-rule')).toContainText('a site you do not open for 7 days may lose its data, unless it is on your Home Screen');
	} finally {
		await safari.close();
	}
});
