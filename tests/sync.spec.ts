import type { BrowserContext, Page } from '@playwright/test';
import { expect, hydrating, only, test } from './fixtures';
import { answerCard, changeSettings, countRecords, expectAccessible, finishSession, metaValue, storedStates, waitForOffline } from './helpers';
import { ADMIN, auth, COUCH, newDbName, setUpSync, syncNow } from './sync-helpers';

// Sync is the same at any size: once, on the laptop; the phone's settings page is checked by the layout and axe specs.
const once = only('desktop', 'sync: one size is enough');

/** A server document of one answer (Good, to a new card), as another device would have sent it. */
const reviewDoc = (id: string, card_id: string, review: number) => ({
	_id: `review:${id}`,
	type: 'review',
	data: {
		id,
		card_id,
		rating: 3,
		state: 0,
		due: review,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		review,
		duration: 4000
	}
});

/** Ids of the documents on the server, read by the test itself. */
async function serverIds(db: string): Promise<string[]> {
	const res = await fetch(`${COUCH}/${db}/_all_docs`, { headers: auth });
	return ((await res.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** What sync must never change by failing: the log, the states, the outbox and the sequence reached. */
async function localData(page: Page): Promise<unknown> {
	return page.evaluate(
		() =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
					const names = ['reviews', 'cards', 'marks', 'settings', 'outbox', 'buckets', 'cardTotals'];
					const tx = db.transaction([...names, 'meta']);
					const out: Record<string, unknown> = {};
					for (const n of names) {
						const req = tx.objectStore(n).getAll();
						req.onsuccess = () => (out[n] = req.result as unknown);
					}
					const since = tx.objectStore('meta').get('sync-since');
					since.onsuccess = () => (out.since = since.result as unknown);
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
				};
			})
	);
}

/** When the last sync on this device finished, from what it stored (0: never). */
async function lastSync(page: Page): Promise<number> {
	return (await metaValue<{ lastSync?: number }>(page, 'sync-status'))?.lastSync ?? 0;
}

/** Opens a page of the app and waits for the sync that opening it starts to finish. */
async function openAndSync(page: Page, path: string): Promise<void> {
	const before = await lastSync(page);
	await page.goto(path);
	await expect.poll(() => lastSync(page)).toBeGreaterThan(before);
}

async function newDevice(browser: import('@playwright/test').Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
	// With its service worker, as a learner's device has: the offline test needs the app cached.
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
	return { context, page: hydrating(await context.newPage()) };
}

type Device = Awaited<ReturnType<typeof newDevice>>;

/** A phone and a laptop, both syncing with the same new database; closed when `use` ends, pass or fail. */
async function twoSyncedDevices(
	browser: import('@playwright/test').Browser,
	baseURL: string | undefined,
	info: { workerIndex: number },
	use: (phone: Device, laptop: Device, db: string) => Promise<void>
): Promise<void> {
	const db = newDbName(info);
	const phone = await newDevice(browser, baseURL);
	const laptop = await newDevice(browser, baseURL);
	try {
		await setUpSync(phone.page, db);
		await setUpSync(laptop.page, db);
		await use(phone, laptop, db);
	} finally {
		await phone.context.close();
		await laptop.context.close();
	}
}

test('phone and laptop answer the same card offline; back online, both keep both answers and agree on its state', once, async ({ browser, baseURL }, info) => {
	await twoSyncedDevices(browser, baseURL, info, async (phone, laptop, db) => {
		await expect(phone.page.getByTestId('sync-status')).toContainText("CouchDB's session cookie");

		// Both offline: the first new card is the same on both, and both answer it.
		for (const d of [phone, laptop]) {
			await d.page.goto('/review');
			// The app is cached for offline use and the card is on screen before the network goes.
			await waitForOffline(d.page);
			await expect(d.page.locator('article[data-card-id]')).toBeVisible();
			await d.context.setOffline(true);
		}
		const first = await answerCard(phone.page, 'Good');
		await answerCard(phone.page, 'Again');
		expect(await answerCard(laptop.page, 'Again')).toBe(first);
		expect(await serverIds(db)).toEqual([]);

		// Back online: each device syncs by itself (the 'online' trigger), sending what waited.
		await phone.context.setOffline(false);
		await expect.poll(async () => (await serverIds(db)).filter((id) => id.startsWith('review:')).length).toBe(2);
		await laptop.context.setOffline(false);
		await expect.poll(async () => (await serverIds(db)).filter((id) => id.startsWith('review:')).length).toBe(3);
		// The laptop pulled the phone's answers when it came online; the phone gets the laptop's on opening the app.
		await phone.page.goto('/');
		await expect.poll(() => countRecords(phone.page, 'reviews')).toBe(3);
		await expect.poll(() => countRecords(laptop.page, 'reviews')).toBe(3);
		const states = await storedStates(phone.page);
		expect(await storedStates(laptop.page)).toEqual(states);
		expect(states[first]).toMatchObject({ reps: 2 });
		// Nothing doubles: a second round moves nothing.
		expect(await syncNow(phone.page)).toBe('Synced: 0 sent, 0 received.');
		expect(await syncNow(laptop.page)).toBe('Synced: 0 sent, 0 received.');
		await expect(laptop.page.getByTestId('sync-pending')).toHaveText('Nothing');
	});
});

test('settings saved on another device show in the open settings form when a sync brings them', once, async ({ browser, baseURL }, info) => {
	await twoSyncedDevices(browser, baseURL, info, async (phone, laptop) => {
		await changeSettings(phone.page, { 'New cards per day': '9', 'Desired retention': '0.86' });
		// Sent by this sync, or already by the one that opening the settings page started: either way nothing waits.
		expect(await syncNow(phone.page)).toMatch(/^Synced: [01] sent/);
		await expect(phone.page.getByTestId('sync-pending')).toHaveText('Nothing');
		// The laptop's settings page is open, untouched: the pull changes what it shows.
		await expect(laptop.page.getByLabel('New cards per day')).toHaveValue('20');
		expect(await syncNow(laptop.page)).toMatch(/1 received/);
		await expect(laptop.page.getByLabel('New cards per day')).toHaveValue('9');
		await expect(laptop.page.getByLabel('Desired retention')).toHaveValue('0.86');
	});
});

test('at the end of a session its answers go to the server by themselves', once, async ({ page }, info) => {
	const db = newDbName(info);
	await setUpSync(page, db);
	await changeSettings(page, { 'New cards per day': '2' });
	await openAndSync(page, '/review');
	const answered = await finishSession(page, 'Easy');
	expect(answered).toHaveLength(2);
	await expect.poll(async () => (await serverIds(db)).filter((id) => id.startsWith('review:')).length).toBe(2);
});

test('a sync cut off by closing the tab resumes without loss or duplicates', once, async ({ page, context }, info) => {
	const db = newDbName(info);
	await page.goto('/review');
	for (let i = 0; i < 4; i++) await answerCard(page, 'Good');
	await setUpSync(page, db);
	// The sync that opening the app starts is over before the three answers (they wait in the outbox).
	await openAndSync(page, '/review');
	for (let i = 0; i < 3; i++) await answerCard(page, 'Hard');
	// The upload hangs; the learner closes the tab while it is under way (the sync that opening the app started).
	let reached!: () => void;
	const hanging = new Promise<void>((r) => (reached = r));
	// The request never gets an answer: it is cut off by the tab closing.
	await context.route('**/_bulk_docs', async () => {
		reached();
		await new Promise(() => undefined);
	});
	await page.goto('/settings');
	await hanging;
	await expect(page.getByTestId('sync-pending')).toHaveText('3 changes');
	await page.close();
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	// The upload may or may not have reached the server as the tab went (Chromium lets a paused request go when
	// its tab closes): either way, this device never heard back, so its three answers are still queued.
	const check = await context.newPage();
	await check.goto('/decks/index.json'); // the app's origin without the app: nothing syncs here
	expect(
		await check.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const open = indexedDB.open('roadmap-recall');
					open.onsuccess = () => {
						const req = open.result.transaction('outbox').objectStore('outbox').count();
						req.onsuccess = () => {
							open.result.close();
							resolve(req.result);
						};
					};
				})
		)
	).toBe(3);
	await check.close();

	// Opening the app again syncs by itself: the server ends with each answer once, and nothing waits.
	const again = await context.newPage();
	await again.goto('/settings');
	await expect.poll(async () => (await serverIds(db)).filter((id) => id.startsWith('review:')).length).toBe(7);
	await expect(again.getByTestId('sync-pending')).toHaveText('Nothing');
	expect(await countRecords(again, 'reviews')).toBe(7);
	expect(await syncNow(again)).toBe('Synced: 0 sent, 0 received.');
	expect((await serverIds(db)).filter((id) => id.startsWith('review:'))).toHaveLength(7);
});

test(
	'a server that answers 401, 403, 404, 409, 500, times out or sends malformed JSON gets a message in words, and nothing changes here',
	once,
	async ({ page, context }, info) => {
		const db = newDbName(info);
		await page.clock.install();
		await page.goto('/review');
		await answerCard(page, 'Good');
		await setUpSync(page, db);
		// Opening the app syncs by itself: let that finish, then answer, and go to settings without reloading (no new sync).
		await openAndSync(page, '/review');
		await answerCard(page, 'Easy');
		await page.getByRole('link', { name: 'Settings' }).click();
		await expect(page.getByTestId('sync-pending')).toHaveText('1 change');
		const before = await localData(page);
		const cases: { name: string; path: string; respond: Parameters<import('@playwright/test').Route['fulfill']>[0] | 'hang'; says: string }[] = [
			{
				name: '401',
				path: '**/_session',
				respond: { status: 401, json: { error: 'unauthorized', reason: 'Name or password is incorrect.' } },
				says: 'The server did not accept the username or password (Name or password is incorrect.). Check them and press Sync now.'
			},
			{
				name: '403',
				path: '**/_changes*',
				respond: { status: 403, json: { error: 'forbidden', reason: 'You are not allowed to access this db.' } },
				says: `The user "admin" may not read or write the database "${db}" (You are not allowed to access this db.).`
			},
			{
				name: '404',
				path: `**/${db}`,
				respond: { status: 404, json: { error: 'not_found', reason: 'Database does not exist.' } },
				says: `The database "${db}" does not exist on the server, and this user may not create it`
			},
			{
				name: '409',
				path: '**/_bulk_docs',
				respond: { status: 409, json: { error: 'conflict', reason: 'Document update conflict.' } },
				says: 'The server refused a change as a conflict (Document update conflict.). Nothing was lost; sync will try again.'
			},
			{
				name: '500',
				path: '**/_changes*',
				respond: { status: 500, json: { error: 'internal_server_error', reason: 'disk failure' } },
				says: 'The server failed (HTTP 500) (disk failure). Nothing was changed; sync will try again later.'
			},
			{
				name: 'malformed JSON',
				path: '**/_changes*',
				respond: { status: 200, contentType: 'application/json', body: '{"results": [{"id": "review:x", "seq": ' },
				says: "The server's answer (HTTP 200) was not valid JSON"
			},
			{
				name: 'timeout',
				path: '**/_changes*',
				respond: 'hang',
				says: 'The server did not answer within 30 seconds. Nothing was changed; sync will try again later.'
			}
		];
		for (const c of cases) {
			await test.step(c.name, async () => {
				await context.route(c.path, async (route) => {
					if (c.respond === 'hang') return new Promise<void>(() => undefined);
					return route.fulfill(c.respond);
				});
				await page.getByRole('button', { name: 'Sync now' }).click();
				if (c.respond === 'hang') {
					await expect(page.getByRole('button', { name: 'Syncing…' })).toBeVisible();
					// Past the client's 30 s limit, without waiting 30 s.
					await page.waitForTimeout(500);
					await page.clock.fastForward(31_000);
				}
				await expect(page.getByRole('alert').filter({ hasText: c.says })).toBeVisible();
				// Shown once: in the answer to the press, not again as the status's last error.
				await expect(page.getByText(c.says.slice(0, 40))).toHaveCount(1);
				await context.unroute(c.path);
				expect(await localData(page)).toEqual(before);
			});
		}
		// The same server, answering again: everything goes through.
		expect(await syncNow(page)).toMatch(/^Synced: 1 sent/);
	}
);

test(
	'Cancel stops a sync and the next one carries on; the Sync section counts answers from a wrong clock and for cards this version lacks',
	once,
	async ({ page, context }, info) => {
		const db = newDbName(info);
		await setUpSync(page, db);
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { cardIds: string[] }[] };
		const card = index.decks[0]?.cardIds[0] ?? '';
		const res = await fetch(`${COUCH}/${db}/_bulk_docs`, {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				docs: [reviewDoc('from-2200', card, Date.UTC(2200, 0, 1)), reviewDoc('from-a-newer-version', 'a-card-of-a-newer-deck', Date.now() - 60_000)]
			})
		});
		expect(res.ok).toBe(true);

		// The server's list of changes does not come: the learner cancels.
		await context.route('**/_changes*', () => new Promise<void>(() => undefined));
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByTestId('sync-progress')).toBeVisible();
		await page.getByRole('button', { name: 'Cancel sync' }).click();
		await expect(page.getByTestId('sync-message')).toHaveText(
			'Sync cancelled: 0 sent, 0 received. What was sent or received stays; the next sync carries on from there.'
		);
		await expect(page.getByTestId('sync-progress')).toBeHidden();
		await context.unrouteAll({ behavior: 'ignoreErrors' });

		expect(await syncNow(page)).toBe('Synced: 0 sent, 2 received.');
		await expect(page.getByTestId('sync-findings')).toHaveText(
			[
				"1 answer is dated in the future or before 2020 (a device's clock was wrong): kept, not used to schedule.",
				'1 answer for 1 card this version does not have: kept for a newer version.'
			].join('')
		);
		await page.getByText('Answers with a wrong date').click();
		await expect(page.getByTestId('sync-odd')).toContainText('from-2200');
		// Both kept; neither schedules a card.
		expect(await countRecords(page, 'reviews')).toBe(2);
		expect(await storedStates(page)).toEqual({});
		await expectAccessible(page);
	}
);

test('a document on the server that fails the checks is skipped and named; Stop syncing forgets the password', once, async ({ page }, info) => {
	const db = newDbName(info);
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	// Another site than the app's (127.0.0.1, not localhost): the browser keeps the session cookie to itself, so each request carries the password.
	await setUpSync(page, db, /^Synced:/, COUCH.replace('localhost', '127.0.0.1'));
	await expect(page.getByTestId('sync-status')).toContainText('HTTP Basic');
	const good = reviewDoc('from-elsewhere', 'http-status-codes-404', Date.now() - 60_000).data;
	const res = await fetch(`${COUCH}/${db}/_bulk_docs`, {
		method: 'POST',
		headers: { ...auth, 'Content-Type': 'application/json' },
		body: JSON.stringify({
			docs: [
				{ _id: 'review:from-elsewhere', type: 'review', data: good },
				{ _id: 'review:broken', type: 'review', data: { ...good, id: 'broken', rating: 9 } }
			]
		})
	});
	expect(res.ok).toBe(true);
	expect(await syncNow(page)).toBe('Synced: 0 sent, 1 received. Skipped 1 document from the server that failed the checks (listed below).');
	await page.getByText('1 document on the server skipped').click();
	await expect(page.getByTestId('sync-skipped')).toContainText('review:broken: review.rating: must be 0, 1, 2, 3 or 4');
	expect(await countRecords(page, 'reviews')).toBe(1);
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Stop syncing' }).click();
	await expect(page.getByTestId('sync-message')).toHaveText(
		'Sync is off, and the password is deleted from this device. Your data stays here and on the server.'
	);
	const stored = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('roadmap-recall');
				open.onsuccess = () => {
					const req = open.result.transaction('meta').objectStore('meta').getAll();
					req.onsuccess = () => resolve(JSON.stringify(req.result));
				};
			})
	);
	expect(stored).not.toContain(ADMIN.password);
	expect(urls.filter((u) => u.includes(ADMIN.password))).toEqual([]);
	await expect(page.getByRole('button', { name: 'Stop syncing' })).toBeHidden();
});

test('a mistyped server is not saved: one error that says so, sync stays off, and nothing fails in the background', once, async ({ page }, info) => {
	const tries: string[] = [];
	page.on('request', (r) => {
		if (r.url().startsWith('http://localhost:1/')) tries.push(r.url());
	});
	// Port 1: nothing answers there, as with a mistyped address.
	await setUpSync(
		page,
		newDbName(info),
		'Could not reach localhost:1: the address is wrong, the server is down, or it does not allow this app (CORS). Nothing was saved: sync is still off on this device.',
		'http://localhost:1'
	);
	await expect(page.getByText('Could not reach localhost:1')).toHaveCount(1);
	expect(await metaValue(page, 'sync')).toBeUndefined();
	await expect(page.getByTestId('sync-status')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Stop syncing' })).toBeHidden();
	await expect(page.getByTestId('sync-light')).toHaveCount(0);
	// What was typed stays, to be corrected.
	await expect(page.getByLabel('Server address')).toHaveValue('http://localhost:1');

	// Opening the app again tries nothing.
	const before = tries.length;
	await page.goto('/');
	await expect(page.getByTestId('due-count')).not.toHaveText('…');
	await page.goto('/settings');
	await expect(page.getByTestId('storage-status')).not.toHaveText('Checking storage…');
	expect(tries).toHaveLength(before);
	await expect(page.getByTestId('sync-light')).toHaveCount(0);
});

test(
	'the header says when sync is failing and since when, opens the Sync section, and says synced once a sync goes through',
	once,
	async ({ page, context }, info) => {
		const light = page.getByTestId('sync-light');
		const db = newDbName(info);
		await setUpSync(page, db);
		await expect(light).toHaveAccessibleName(/^Synced at /);

		// An answer waits to be sent until the next sync.
		await openAndSync(page, '/review');
		await answerCard(page, 'Good');
		await expect(light).toHaveAccessibleName('Sync waiting: 1 change not sent yet');

		// The server goes away: the sync that opening the app starts fails, and the header says so on every page.
		await context.route(`${COUCH}/**`, (route) => route.abort());
		await page.goto('/stats');
		await expect(light).toHaveAccessibleName(/^Sync failing since \d/);
		// A laptop has room for the whole sentence.
		await expect(light).toHaveText(/^Sync failing since \d/, { useInnerText: true });
		await light.click();
		await expect(page).toHaveURL(/\/settings#sync$/);
		await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeInViewport();
		// The reason, once, in the Sync section.
		await expect(page.getByTestId('sync-error')).toContainText('Could not reach localhost');
		await expect(page.getByText(/Could not reach localhost/)).toHaveCount(1);
		await expectAccessible(page);

		await context.unroute(`${COUCH}/**`);
		expect(await syncNow(page)).toMatch(/^Synced: /);
		expect((await serverIds(db)).filter((id) => id.startsWith('review:'))).toHaveLength(1);
		await expect(light).toHaveAccessibleName(/^Synced at /);
		await expect(page.getByTestId('sync-error')).toBeHidden();
	}
);
