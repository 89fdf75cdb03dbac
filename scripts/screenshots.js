// `npm run screenshots`: phone-size (360×740) pictures of each review state,
// taken from the production build in Debian's Chromium, into docs/screenshots/;
// and the install sheet's narrow and wide screenshots, into static/screenshots/.
import { chromium } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
mkdirSync('static/screenshots', { recursive: true });

const server = await serve({ port: 0, host: '127.0.0.1' });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
	const phone = {
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		colorScheme: 'light',
		serviceWorkers: 'block'
	};
	let page = await (await browser.newContext(phone)).newPage();
	const shot = async (name) => {
		await page.waitForTimeout(150);
		await page.screenshot({ path: `${OUT}/${name}.png` });
		console.log(`wrote ${OUT}/${name}.png`);
	};
	const card = () => page.locator('article[data-card-id]');
	const answers = async () => Number(await page.locator('[data-answers]').getAttribute('data-answers'));
	/** Answers the card on screen (right or wrong does not matter) up to the rating buttons. */
	const answer = async () => {
		const kind = await card().getAttribute('data-kind');
		if (kind === 'flashcard') await page.getByRole('button', { name: 'Show answer' }).click();
		else if (kind === 'choice') await page.locator('[data-option]').first().click();
		else {
			if (kind === 'multi') await page.getByRole('checkbox').first().check();
			if (kind === 'typed') await page.getByLabel('Your answer').fill('not sure');
			if (kind === 'order') while ((await page.locator('[data-option]').count()) > 0) await page.locator('[data-option]').first().click();
			await page.getByRole('button', { name: 'Check answer' }).click();
		}
	};
	/** Rates the card on screen and waits until the session has moved on. */
	const rate = async (name) => {
		const before = await answers();
		await page.getByRole('button', { name }).click();
		await page.waitForFunction((n) => Number(document.querySelector('[data-answers]')?.getAttribute('data-answers')) > n, before);
	};
	const index = await (await page.request.get(`${base}/decks/index.json`)).json();
	/** Opens a fresh profile's quiz on the first card of `kind` among a deck's first 20 (new cards come in deck order). */
	const openKind = async (kind) => {
		for (const { id } of index.decks) {
			const deck = await (await page.request.get(`${base}/decks/${id}.json`)).json();
			const at = deck.cards.slice(0, 20).findIndex((c) => c.kind === kind);
			if (at === -1) continue;
			page = await (await browser.newContext(phone)).newPage();
			await page.goto(`${base}/sections/${id}/quiz`);
			for (let i = 0; i < at; i++) {
				await card().waitFor();
				await answer();
				await rate(/^Good/);
			}
			await page.locator(`article[data-card-id="${deck.cards[at].id}"]`).waitFor();
			return deck.cards[at];
		}
		throw new Error(`no ${kind} card`);
	};

	await page.goto(`${base}/`);
	await page.getByTestId('due-count').filter({ hasText: /^\d+$/ }).waitFor();
	await shot('today');

	// A flashcard: the question (with the counts), then its answer set apart and the explanation.
	await page.goto(`${base}/sections/http/quiz`);
	await card().waitFor();
	await shot('question');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await shot('answer');
	copyFileSync(`${OUT}/answer.png`, 'static/screenshots/narrow.png');
	// A few answers in: new, learning and review counts, and bury's snackbar.
	for (let i = 0; i < 3; i++) {
		if (i > 0) await answer();
		await rate(i === 0 ? /^Again/ : /^Good/);
	}
	await shot('counts');
	await page.getByRole('button', { name: 'More' }).click();
	await page.waitForTimeout(150);
	await shot('more-menu');
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await page.locator('.snack').waitFor();
	await shot('snackbar');

	// The answer with its explanation for each auto-graded kind; choice answered wrong, to show the marks.
	const choice = await openKind('choice');
	const options = await page.locator('[data-option] .text').allInnerTexts();
	await page
		.locator('[data-option]')
		.nth(options.findIndex((t) => t !== choice.answer.replaceAll('`', '')))
		.click();
	await shot('choice-feedback');
	const multi = await openKind('multi');
	for (const text of multi.correct.slice(0, -1)) await page.getByRole('checkbox', { name: text.replaceAll('`', ''), exact: true }).check();
	await page.getByRole('button', { name: 'Check answer' }).click();
	await shot('multi-feedback');
	const typed = await openKind('typed');
	await page.getByLabel('Your answer').fill(typed.answer.replaceAll('`', ''));
	await page.getByRole('button', { name: 'Check answer' }).click();
	await shot('typed-feedback');
	const order = await openKind('order');
	for (const step of [...order.steps].reverse())
		await page
			.locator('[data-option]')
			.filter({ has: page.locator('.text').getByText(step.replaceAll('`', ''), { exact: true }) })
			.click();
	await page.getByRole('button', { name: 'Check answer' }).click();
	await shot('order-feedback');

	// Finish a short session, in a fresh profile, to show its summary.
	page = await (await browser.newContext(phone)).newPage();
	await page.goto(`${base}/settings`);
	await page.getByLabel('New cards per day').fill('3');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
	await page.goto(`${base}/sections/rest/quiz`);
	const done = page.getByRole('heading', { name: /Session complete|Next card in/ });
	for (;;) {
		await done.or(card()).first().waitFor();
		if (await done.isVisible()) break;
		await answer();
		await rate(/^Good/);
	}
	await shot('session-end');
	// The install sheet's wide picture: a laptop review, question beside answer.
	const wide = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', serviceWorkers: 'block' })).newPage();
	await wide.goto(`${base}/sections/web-security/quiz`);
	await wide.locator('article[data-card-id]').waitFor();
	if ((await wide.locator('article[data-card-id]').getAttribute('data-kind')) === 'flashcard') await wide.getByRole('button', { name: 'Show answer' }).click();
	await wide.waitForTimeout(150);
	await wide.screenshot({ path: 'static/screenshots/wide.png' });
	console.log('wrote static/screenshots/wide.png');

	// The form for a card of the learner's own (issue 25), filled in as a pick-one card, its preview answered: on the phone and the laptop.
	const fillOwnCard = async (p) => {
		await p.goto(`${base}/cards/new?section=http`);
		await p.getByRole('radio', { name: 'Pick one' }).check();
		await p.getByLabel('Question', { exact: true }).fill('Our API answers a `POST` that made an order. Which status fits?');
		await p.getByLabel('Right answer', { exact: true }).fill('201 Created');
		await p.getByLabel('Wrong option 1', { exact: true }).fill('200 OK');
		await p.getByLabel('Wrong option 2', { exact: true }).fill('202 Accepted');
		await p.getByLabel('Explanation', { exact: true }).fill('201 says a resource was made; its Location header points at the new order.');
		await p.getByTestId('own-card-preview').locator('[data-option]').filter({ hasText: '201 Created' }).click();
	};
	await fillOwnCard(page);
	await page.evaluate(() => window.scrollTo(0, 0));
	await shot('own-card-form-phone');
	await page.getByTestId('own-card-preview').scrollIntoViewIfNeeded();
	await shot('own-card-preview-phone');
	const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', serviceWorkers: 'block' })).newPage();
	await fillOwnCard(laptop);
	await laptop.evaluate(() => window.scrollTo(0, 0));
	await laptop.waitForTimeout(150);
	await laptop.screenshot({ path: `${OUT}/own-card-form-laptop.png` });
	console.log(`wrote ${OUT}/own-card-form-laptop.png`);
} finally {
	await browser.close();
	await server.close();
}
