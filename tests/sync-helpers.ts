// Sync through the test CouchDB (PouchDB Server, tests/couch/server.js), as a learner sets it up in Settings.
import { expect, type Page } from '@playwright/test';

export const COUCH = `http://localhost:${Number(process.env.PW_COUCH_PORT ?? Number(process.env.PW_PORT ?? 4174) + 1811)}`;
export const ADMIN = { name: 'admin', password: 'test-password' };
export const auth = { Authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}` };
let dbCount = 0;
export const newDbName = (info: { workerIndex: number }) => `sync-${info.workerIndex}-${Date.now()}-${++dbCount}`;

/** Sets sync up in the settings page and presses Sync now, as a learner does. */
export async function setUpSync(page: Page, db: string, expected: RegExp | string = /^Synced:/, server = COUCH): Promise<void> {
	await page.goto('/settings');
	await page.getByLabel('Server address').fill(server);
	await page.getByLabel('Database').fill(db);
	await page.getByLabel('Username').fill(ADMIN.name);
	await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('sync-message')).toHaveText(expected);
}

/** Presses Sync now in Settings and returns what the Sync section says after it. */
export async function syncNow(page: Page): Promise<string> {
	if (!page.url().endsWith('/settings')) await page.goto('/settings');
	await expect(page.getByTestId('sync-status')).toBeVisible();
	await page.getByRole('button', { name: 'Sync now' }).click();
	const message = page.getByTestId('sync-message');
	await expect(message).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	return (await message.textContent()) ?? '';
}
