import { expect, only, test } from './fixtures';
import { answerCard, changeSettings } from './helpers';

// A failed write is the same at any screen size: once, on the laptop.
const once = only('desktop', 'checked once, on the desktop project');

/** From now on every IndexedDB put fails as it does on a full disk (the page's own code, until it reloads). */
async function fillTheDisk(page: import('@playwright/test').Page): Promise<void> {
	await page.evaluate(() => {
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		};
	});
}

const OUT_OF_SPACE = 'Not saved: the device is out of storage space for this site.';

test('a settings save that fails says why next to Save, and nothing claims it was saved', once, async ({ page }) => {
	await page.goto('/settings');
	const retention = page.getByLabel('Desired retention');
	await expect(retention).toHaveValue('0.90');
	await fillTheDisk(page);
	await retention.fill('0.85');
	const save = page.getByRole('button', { name: 'Save settings' });
	await save.click();

	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(OUT_OF_SPACE);
	await expect(page.getByText('Settings saved.')).toHaveCount(0);
	// Right under the button, on screen.
	const [button, message] = [await save.boundingBox(), await alert.boundingBox()];
	expect(message!.y).toBeGreaterThanOrEqual(button!.y + button!.height);
	expect(message!.y - (button!.y + button!.height)).toBeLessThan(60);
	await expect(alert).toBeInViewport();
	// What was typed is still there to save again, and nothing was stored.
	await expect(retention).toHaveValue('0.85');
	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');

	// Once there is room again, the same Save works and the message goes.
	await page.getByLabel('Desired retention').fill('0.85');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText('Settings saved.');
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a reschedule that fails says why next to its button and leaves every card as it was', once, async ({ page }) => {
	await page.goto('/review');
	await answerCard(page, 'Good');
	await page.goto('/settings');
	await page.getByLabel('Desired retention').fill('0.95');
	await page.getByRole('button', { name: 'Save settings' }).click();
	const offer = page.getByRole('region', { name: 'Reschedule your cards?' });
	await expect(offer).toBeVisible();
	await fillTheDisk(page);
	await offer.getByRole('button', { name: 'Reschedule 1 cards' }).click();
	await expect(offer.getByRole('alert')).toHaveText('Not rescheduled: the device is out of storage space for this site. Every card keeps its due date.');
	await expect(page.getByText(/^Rescheduled/)).toHaveCount(0);
	await expect(offer.getByRole('button', { name: 'Reschedule 1 cards' })).toBeEnabled();
});

test('a Resume that fails says why next to the card, which stays suspended', once, async ({ page }) => {
	await page.goto('/review');
	const card = page.locator('article[data-card-id]');
	await expect(card).toBeVisible();
	await page.keyboard.press('s');
	await expect(page.getByRole('status').filter({ hasText: /^Suspended “.+”\./ })).toBeVisible();

	await page.goto('/cards?mark=suspended');
	const suspended = page.getByRole('list', { name: 'Cards' });
	await expect(suspended.getByRole('listitem')).toHaveCount(1);
	await suspended.getByRole('link').click();
	const actions = page.getByRole('group', { name: 'Card actions' });
	await fillTheDisk(page);
	await actions.getByRole('button', { name: 'Unsuspend' }).click();

	// The alert is under the card's actions, the only one on the page.
	await expect(page.getByRole('alert')).toHaveText(OUT_OF_SPACE);
	await expect(page.getByText('Card resumed: it is back in your reviews.')).toHaveCount(0);
	await expect(page.getByTestId('detail-state')).toContainText('suspended');
	await page.goto('/cards?mark=suspended');
	await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(1);
});

test('a "Learn more" that fails says why under its button and stays on the section', once, async ({ page }) => {
	await changeSettings(page, { 'New cards per day': '0' });
	await page.goto('/sections/http');
	await expect(page.getByTestId('limit-note')).toBeVisible();
	await fillTheDisk(page);
	const more = page.getByRole('button', { name: 'Learn 10 more from this section' });
	await more.click();
	await expect(page.getByRole('alert')).toHaveText(OUT_OF_SPACE);
	await expect(page).toHaveURL(/\/sections\/http$/);
	await expect(more).toBeEnabled();
});
