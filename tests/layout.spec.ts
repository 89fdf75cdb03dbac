import { type Page } from '@playwright/test';
import { expect, hydrating, only, test } from './fixtures';
import { answerCard, expectAccessible, finishSession, giveAnswer } from './helpers';
import { COUCH, newDbName, setUpSync } from './sync-helpers';

// Phone layouts: one run is enough, the viewport is set here.
const once = only('phone', 'phone layouts are checked once, on the phone project');

const card = (page: Page) => page.locator('article[data-card-id]');
const sessionDone = (page: Page) => page.getByRole('heading', { name: /^(Session complete|Practice complete|Next card in)/ });

/** Every page of the app, and what shows that its content has rendered. */
const pages: { path: string; ready: (page: Page) => Promise<void> }[] = [
	{ path: '/', ready: (page) => expect(page.getByTestId('due-count')).not.toHaveText('…') },
	{ path: '/sections', ready: (page) => expect(page.getByRole('link', { name: /^HTTP/ })).toBeVisible() },
	{ path: '/sections/http', ready: (page) => expect(page.getByTestId('section-new')).not.toHaveText('…') },
	{ path: '/sections/http/quiz', ready: (page) => expect(card(page).or(sessionDone(page))).toBeVisible() },
	{ path: '/sections/http/practice?n=5', ready: (page) => expect(card(page)).toBeVisible() },
	{ path: '/review', ready: (page) => expect(card(page).or(sessionDone(page))).toBeVisible() },
	{ path: '/stats', ready: (page) => expect(page.getByTestId('stats-today')).toBeVisible() },
	{ path: '/settings', ready: (page) => expect(page.getByTestId('storage-status')).not.toHaveText('Checking storage…') },
	{ path: '/cards', ready: (page) => expect(page.getByTestId('card-count')).toBeVisible() },
	{ path: '/readiness', ready: (page) => expect(page.getByTestId('overall')).toBeVisible() },
	{ path: '/cards/new?section=http', ready: (page) => expect(page.getByRole('radio', { name: 'Put in order' })).toBeVisible() }
];

test('no page scrolls sideways at 360 or 320 px', once, async ({ page }) => {
	const overflowing: string[] = [];
	for (const { path, ready } of pages) {
		await page.setViewportSize({ width: 360, height: 640 });
		await page.goto(path);
		await expect(page.locator('h1')).toBeAttached();
		await ready(page);
		for (const width of [360, 320]) {
			await page.setViewportSize({ width, height: 640 });
			const { scrollWidth, innerWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				innerWidth: window.innerWidth
			}));
			// A mobile browser may zoom out to show a too-wide page, so the set width counts too.
			if (scrollWidth > Math.min(innerWidth, width)) overflowing.push(`${path} at ${width} px: ${scrollWidth} px wide`);
		}
	}
	expect(overflowing, 'pages wider than the screen').toEqual([]);
});

/** The five places of the app and what shows that each has opened. */
const places: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
	{ name: 'Today', path: '/', ready: (page) => expect(page.getByTestId('due-count')).toBeVisible() },
	{ name: 'Sections', path: '/sections', ready: (page) => expect(page.getByRole('link', { name: /^HTTP/ })).toBeVisible() },
	{ name: 'Cards', path: '/cards', ready: (page) => expect(page.getByTestId('card-count')).toBeVisible() },
	{ name: 'Stats', path: '/stats', ready: (page) => expect(page.getByTestId('stats-today')).toBeVisible() },
	{ name: 'Settings', path: '/settings', ready: (page) => expect(page.getByRole('heading', { name: 'Sync' })).toBeAttached() }
];

test(
	'at 320 px every place is one tap away: five tabs of at least 44×44 px on screen, the current one marked, in keyboard order',
	once,
	async ({ page, context }, info) => {
		await page.setViewportSize({ width: 320, height: 640 });
		// Sync set up and failing: the header's indicator at its widest ("Sync failing") beside the brand.
		await setUpSync(page, newDbName(info));
		await context.route(`${COUCH}/**`, (route) => route.abort());
		await page.goto('/stats');
		await expect(page.getByTestId('stats-today')).toBeVisible();
		const light = page.getByRole('link', { name: /^Sync failing since/ });
		await expect(light).toHaveText('Sync failing', { useInnerText: true });
		const nav = page.getByRole('navigation', { name: 'Main' });
		const brand = page.getByRole('link', { name: 'Roadmap Recall, today' });
		expect((await brand.boundingBox())!.x + (await brand.boundingBox())!.width).toBeLessThanOrEqual((await light.boundingBox())!.x);
		for (const link of [brand, light, ...places.map((p) => nav.getByRole('link', { name: p.name, exact: true }))]) {
			await expect(link).toBeVisible();
			const box = (await link.boundingBox())!;
			const name = await link.textContent();
			expect(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(320);
			expect(box.y + box.height, `${name} bottom edge`).toBeLessThanOrEqual(640);
			expect(box.width, `${name} width`).toBeGreaterThanOrEqual(44);
			expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
		}
		// Tab goes to the skip link, the brand, the five places in order, then the sync indicator.
		await page.locator('body').focus();
		for (const name of ['Skip to content', 'Roadmap Recall, today', ...places.map((p) => p.name), /^Sync failing since/]) {
			await page.keyboard.press('Tab');
			await expect(page.locator(':focus')).toHaveAccessibleName(name);
		}
		await expectAccessible(page);
		// Each tab opens its page and is marked as the current one; the others are not.
		for (const place of places) {
			await nav.getByRole('link', { name: place.name, exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`${place.path === '/' ? '/' : place.path}$`));
			await place.ready(page);
			await expect(nav.locator('[aria-current="page"]')).toHaveText(place.name);
		}
	}
);

test('on a 360×640 phone the tab bar covers no content, and makes way for the rating bar while a card is studied', once, async ({ page }) => {
	const nav = page.getByRole('navigation', { name: 'Main' });
	/** How far the end of the page's content is below the top of the tab bar (negative: above it, clear). */
	const overlapAtEnd = () =>
		page.evaluate(() => {
			window.scrollTo(0, document.documentElement.scrollHeight);
			const main = document.querySelector('main')!.getBoundingClientRect();
			const bar = document.querySelector('nav[aria-label="Main"]')!.getBoundingClientRect();
			return Math.round(main.bottom - bar.top);
		});
	await page.goto('/settings');
	await expect(page.getByTestId('storage-status')).not.toHaveText('Checking storage…');
	expect(await overlapAtEnd()).toBeLessThanOrEqual(0);

	// A card answered: its rating bar has the foot of the screen, with nothing over it; the tab bar is gone meanwhile.
	await page.goto('/sections/http/practice?n=2');
	await expect(card(page)).toBeVisible();
	await expect(nav).toBeHidden();
	await giveAnswer(page);
	const good = page.getByRole('button', { name: /^Good/ });
	const box = (await good.boundingBox())!;
	expect(box.y + box.height).toBeLessThanOrEqual(640);
	const atGood = await page.evaluate(
		([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? '',
		[box.x + box.width / 2, box.y + box.height / 2]
	);
	expect(atGood).toContain('Good');
	await expect(nav).toBeHidden();
	await good.click();
	await finishSession(page, 'Good');
	// At the session's end the tab bar is back, below the summary and its buttons.
	await expect(sessionDone(page)).toBeVisible();
	await expect(nav).toBeVisible();
	expect(await overlapAtEnd()).toBeLessThanOrEqual(0);
	await expectAccessible(page);
});

test('after Save, "Settings saved." and the offer to reschedule are on screen', once, async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	// One answer, so a scheduling change offers to reschedule.
	await page.goto('/review');
	await answerCard(page, 'Good');
	await page.goto('/settings');
	await page.getByLabel('Desired retention').fill('0.92');
	await page.getByRole('button', { name: 'Save settings' }).click();
	const saved = page.getByRole('status').filter({ hasText: 'Settings saved.' });
	const offer = page.getByRole('button', { name: /^Reschedule \d+ cards?$/ });
	await expect(saved).toBeVisible();
	await expect(offer).toBeVisible();
	// Polled: the page scrolls them into view after they appear.
	for (const [what, locator] of [
		['"Settings saved."', saved],
		['the offer', offer]
	] as const) {
		await expect
			.poll(
				async () => {
					const box = await locator.boundingBox();
					return box !== null && box.y >= 0 && box.y + box.height <= 640;
				},
				{ message: `${what} is inside the 640 px screen` }
			)
			.toBe(true);
	}
	await expectAccessible(page);
});

test('the day labels of the stats chart do not run together at 360 px', once, async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await page.goto('/stats');
	const labels = page.getByTestId('day-label');
	await expect(labels).toHaveCount(14);
	// The extent of each label's text itself (not its clipped box), left to right, visible ones only.
	const boxes = await labels.evaluateAll((els) =>
		els
			.filter((el) => el.checkVisibility() && (el as HTMLElement).innerText.trim() !== '')
			.map((el) => {
				const range = document.createRange();
				range.selectNodeContents(el);
				const r = range.getBoundingClientRect();
				return { text: (el as HTMLElement).innerText, left: r.left, right: r.right, clipped: el.scrollWidth > el.clientWidth };
			})
	);
	expect(boxes.length).toBeGreaterThanOrEqual(7);
	for (const [prev, next] of boxes.slice(1).map((b, i) => [boxes[i]!, b] as const)) {
		expect(next.left, `"${prev.text}" and "${next.text}" overlap`).toBeGreaterThanOrEqual(prev.right);
	}
	for (const b of boxes) expect(b.clipped, `label "${b.text}" is cut off`).toBe(false);
	// Each bar keeps its full date: as a tooltip, and with its count in the text a screen reader reads.
	const days = page.getByTestId('day-chart').getByRole('listitem');
	await expect(days).toHaveCount(14);
	for (const day of await days.all()) {
		const full = await day.getAttribute('title');
		expect(full).toContain(await day.getByTestId('day-label').innerText());
		await expect(day).toContainText(new RegExp(`${full}: \\d+ answers?$`));
	}
	await expectAccessible(page);
});

test('a practice round shows the same "Recalled" share on its summary and on Stats', once, async ({ page }) => {
	await page.goto('/sections/http/practice?n=3');
	await answerCard(page, 'Again');
	await answerCard(page, 'Good');
	await finishSession(page, 'Hard');
	const summary = (await page.getByTestId('summary-accuracy').textContent())?.trim();
	expect(summary).toBe('67%');
	await page.goto('/stats');
	await expect(page.getByTestId('stats-practice-recalled')).toHaveText(summary!);
});

/** The boxes of the session bar's counts and tools, to see that none covers another. */
async function barBoxes(page: Page): Promise<{ counts: DOMRect[]; tools: DOMRect[] }> {
	return page.evaluate(() => {
		const boxes = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().toJSON() as DOMRect).filter((r) => r.width > 0);
		return { counts: boxes('[data-testid="session-counts"] > div'), tools: boxes('[aria-label="Card actions"] button') };
	});
}
const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test(
	'the review bar keeps its counts clear of its tools: a mouse at 390 px, a phone at 320 px with the card flagged',
	once,
	async ({ page, browser, baseURL }) => {
		// A narrow window with a mouse, so the "?" button is there too (it moves into More).
		const laptop = await browser.newContext({ baseURL, viewport: { width: 390, height: 800 }, isMobile: false, hasTouch: false });
		try {
			const narrow = hydrating(await laptop.newPage());
			await narrow.goto('/review');
			await expect(card(narrow)).toBeVisible();
			const { counts, tools } = await barBoxes(narrow);
			expect(counts).toHaveLength(3);
			for (const c of counts) for (const t of tools) expect(overlap(c, t), `a count at x ${c.left} under a tool at x ${t.left}`).toBe(false);
			await narrow.getByRole('button', { name: 'More' }).click();
			await narrow.getByRole('button', { name: 'Keyboard shortcuts' }).click();
			await expect(narrow.getByRole('dialog', { name: /Keyboard shortcuts/ })).toBeVisible();
		} finally {
			await laptop.close();
		}

		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/review');
		await expect(card(page)).toBeVisible();
		await page.getByRole('button', { name: 'Flag' }).click();
		await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toBeVisible();
		const { counts, tools } = await barBoxes(page);
		for (const c of counts) for (const t of tools) expect(overlap(c, t), `a count at x ${c.left} under a tool at x ${t.left}`).toBe(false);
	}
);

test('at 360 px, flagging a card leaves the Flag button as wide as it was, on the row of the counts and clear of them', once, async ({ page }) => {
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	const flag = page.getByRole('button', { name: 'Flag', exact: true });
	const before = (await flag.boundingBox())!;
	await flag.click();
	await expect(flag).toHaveAttribute('aria-pressed', 'true');
	const after = (await flag.boundingBox())!;
	expect(after.width).toBe(before.width);
	const counts = (await page.getByTestId('session-counts').boundingBox())!;
	expect(overlap(counts as DOMRect, { left: after.x, right: after.x + after.width, top: after.y, bottom: after.y + after.height } as DOMRect)).toBe(false);
	const { counts: each } = await barBoxes(page);
	expect(each).toHaveLength(3);
	for (const c of each) {
		expect(overlap(c, { left: after.x, right: after.x + after.width, top: after.y, bottom: after.y + after.height } as DOMRect)).toBe(false);
		// One row: the tools did not wrap under the counts, so the card did not move down.
		expect(after.y).toBeLessThan(c.bottom);
	}
});

test('the More sheet sits at the bottom, as high as its buttons', once, async ({ page }) => {
	await page.goto('/review');
	await expect(card(page)).toBeVisible();
	await page.getByRole('button', { name: 'More' }).click();
	const sheet = page.getByRole('button', { name: 'Bury until tomorrow' }).locator('..');
	await expect(sheet).toBeVisible();
	const box = (await sheet.boundingBox())!;
	// Three buttons of 56 px and the padding: well under half of a 640 px screen, and touching its bottom edge.
	expect(box.height).toBeLessThan(320);
	expect(Math.round(box.y + box.height)).toBe(640);
});
