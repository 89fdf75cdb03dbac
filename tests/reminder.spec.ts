import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { download } from './backup-file';
import { answerCard, expectAccessible, metaValue, waitForOffline } from './helpers';

// The service worker is what this file tests (the other specs run without it unless they say so).
test.use({ serviceWorkers: 'allow' });

// The default day starts at 04:00, so a reminder at 04:00 has always passed in the learner's
// day, whenever the test runs (at 02:00 the day began yesterday at 04:00).
const PASSED = '04:00';
const TAG = 'daily-reminder';

test.describe('the daily reminder', () => {
	const once = only('desktop', 'the service worker and calendar file are the same at any size: checked once, on the laptop');

	/**
	 * What Chromium grants an installed app: Periodic Background Sync (and
	 * here notifications). Playwright has no name for the first, so DevTools
	 * grants both to this test's browser context.
	 */
	async function grantAsInstalled(context: BrowserContext, page: Page): Promise<void> {
		const session = await context.newCDPSession(page);
		const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { browserContextId: string } };
		const browser = await context.browser()!.newBrowserCDPSession();
		await browser.send('Browser.grantPermissions', {
			origin: new URL(page.url()).origin,
			browserContextId: targetInfo.browserContextId,
			permissions: ['notifications', 'periodicBackgroundSync']
		});
	}

	/** A DevTools session that can fire Periodic Background Sync events at the app's service worker. */
	async function periodicSync(context: BrowserContext, page: Page): Promise<{ fire: () => Promise<void> }> {
		const cdp: CDPSession = await context.newCDPSession(page);
		const origin = new URL(page.url()).origin;
		const registration = new Promise<string>((resolve) => {
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
				if (ours) resolve(ours.registrationId);
			});
		});
		await cdp.send('ServiceWorker.enable');
		const registrationId = await registration;
		return {
			fire: async () => {
				await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin, registrationId, tag: TAG });
			}
		};
	}

	/** The Periodic Background Sync tags registered. */
	const tags = (page: Page) =>
		page.evaluate(async () =>
			((await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { periodicSync: { getTags(): Promise<string[]> } }).periodicSync.getTags()
		);

	/** The notifications the app's service worker is showing. */
	const shown = (page: Page) =>
		page.evaluate(async () =>
			(await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as unknown }))
		);

	/** The reminder as stored in `meta`, with what the service worker wrote into it. */
	const storedReminder = (page: Page) => metaValue<{ on: boolean; time: string; lastShownDay?: number; lastCheck?: number }>(page, 'reminder');

	/** Fires the event and waits until the service worker has recorded its check. */
	async function fireAndWait(page: Page, sync: { fire: () => Promise<void> }): Promise<void> {
		const before = (await storedReminder(page))?.lastCheck ?? 0;
		await sync.fire();
		await expect.poll(async () => (await storedReminder(page))?.lastCheck ?? 0).toBeGreaterThan(before);
	}

	async function turnOn(page: Page, time: string): Promise<void> {
		await page.goto('/settings');
		await waitForOffline(page);
		const panel = page.getByTestId('reminder');
		await panel.getByLabel('Reminder time').fill(time);
		await expect(panel.getByRole('status')).toHaveText(`Reminder time saved: ${time}.`);
		await panel.getByLabel('Remind me each day').check();
	}

	test('one notification a day counts the cards due, through Periodic Background Sync', once, async ({ page, context }) => {
		await page.goto('/review');
		await waitForOffline(page);
		await grantAsInstalled(context, page);
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push(await answerCard(page, 'Good'));
		// An hour ago, as if the learning step had passed; one of the four suspended: 3 due.
		await page.evaluate(
			(ids) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('roadmap-recall');
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['cards', 'marks'], 'readwrite');
						const cards = tx.objectStore('cards');
						for (const id of ids) {
							const req = cards.get(id);
							req.onsuccess = () => cards.put({ ...req.result, due: Date.now() - 3600_000 });
						}
						tx.objectStore('marks').put({
							card_id: ids[0],
							suspended: true,
							buried_until: null,
							flagged: false,
							leech: false,
							updated: Date.now(),
							device: 'test'
						});
						tx.oncomplete = () => {
							db.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
					};
					open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				}),
			ids
		);

		await turnOn(page, PASSED);
		await expect(page.getByTestId('reminder').getByRole('status')).toHaveText(`You will get one notification a day after ${PASSED} when cards are due.`);
		expect(await tags(page)).toEqual([TAG]);

		const sync = await periodicSync(context, page);
		await fireAndWait(page, sync);
		await expect.poll(() => shown(page)).toEqual([{ title: 'Roadmap Recall', body: '3 cards due', tag: TAG, data: { url: '/review' } }]);
		const first = await storedReminder(page);
		expect(first?.lastShownDay).toEqual(expect.any(Number));

		// Closed by the learner, then woken again the same day: no second notification.
		await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
		await expect.poll(() => shown(page)).toEqual([]);
		await fireAndWait(page, sync);
		expect(await shown(page)).toEqual([]);
		expect((await storedReminder(page))?.lastShownDay).toBe(first?.lastShownDay);

		// Turned off: the browser no longer wakes the app.
		await page.reload();
		await expect(page.getByTestId('reminder').getByRole('status')).toHaveText(`You will get one notification a day after ${PASSED} when cards are due.`);
		await page.getByLabel('Remind me each day').uncheck();
		await expect(page.getByTestId('reminder').getByRole('status')).toHaveText('The daily reminder is off.');
		expect(await tags(page)).toEqual([]);
		expect(await storedReminder(page)).toMatchObject({ on: false, time: PASSED });
	});

	test('no notification when nothing is due', once, async ({ page, context }) => {
		await page.goto('/review');
		await waitForOffline(page);
		await grantAsInstalled(context, page);
		// Studied cards due days from now, and new cards waiting: none of them is "due".
		for (let i = 0; i < 2; i++) await answerCard(page, 'Easy');

		await turnOn(page, PASSED);
		await expect(page.getByTestId('reminder').getByRole('status')).toHaveText(`You will get one notification a day after ${PASSED} when cards are due.`);
		const sync = await periodicSync(context, page);
		await fireAndWait(page, sync);
		expect(await shown(page)).toEqual([]);
		expect((await storedReminder(page))?.lastShownDay).toBeUndefined();
	});

	test('without Periodic Background Sync it says why and offers a calendar file', once, async ({ page, context }) => {
		// Notifications allowed, but not installed: headless Chromium does not grant Periodic Background Sync.
		await context.grantPermissions(['notifications']);
		await turnOn(page, '07:30');
		const panel = page.getByTestId('reminder');
		await expect(panel.getByRole('status')).toHaveText(
			"The reminder is on, but it cannot come as a notification here: the browser lets only an installed app wake up each day; install Roadmap Recall from the browser's menu and open these settings in it. Download the calendar reminder below instead."
		);
		await expectAccessible(page);

		const ics = (await download(page, 'Download calendar reminder (.ics)')).toString('utf8');
		const origin = new URL(page.url()).origin;
		const lines = ics.replace(/\r\n /g, '').split('\r\n');
		expect(lines).toContain('RRULE:FREQ=DAILY');
		expect(lines).toContain(`URL:${origin}/review`);
		expect(lines.find((l) => l.startsWith('DTSTART:'))).toMatch(/^DTSTART:\d{8}T073000$/);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);

		// The choice is kept; once the app is installed, opening the settings starts the daily wake-up without asking.
		await grantAsInstalled(context, page);
		await page.reload();
		await expect(panel.getByLabel('Remind me each day')).toBeChecked();
		await expect(panel.getByLabel('Reminder time')).toHaveValue('07:30');
		await expect(panel.getByRole('status')).toHaveText('You will get one notification a day after 07:30 when cards are due.');
		expect(await tags(page)).toEqual([TAG]);
	});

	test('notification permission is asked only when the reminder is turned on', once, async ({ page }) => {
		await page.addInitScript(() => {
			const ask = Notification.requestPermission.bind(Notification);
			(window as unknown as { asked: number }).asked = 0;
			Notification.requestPermission = (...args) => {
				(window as unknown as { asked: number }).asked++;
				return ask(...args);
			};
		});
		await page.goto('/settings');
		await waitForOffline(page);
		const panel = page.getByTestId('reminder');
		await expect(panel.getByLabel('Remind me each day')).toBeEnabled();
		expect(await page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);
		await panel.getByLabel('Remind me each day').check();
		// Headless Chromium answers the prompt itself, with a refusal.
		await expect(panel.getByRole('status')).toHaveText(
			"The reminder is on, but it cannot come as a notification here: notifications are blocked for this site; allow them in the browser's site settings, then turn the reminder off and on. Download the calendar reminder below instead."
		);
		expect(await page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(1);
		expect(await page.evaluate(() => Notification.permission)).toBe('denied');
		await expectAccessible(page);
	});
});
