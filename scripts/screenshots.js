// `npm run screenshots`: phone-size (360×640) pictures of each review state,
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
		viewport: { width: 360, height: 640 },
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
	const progress = () => page.getByRole('progressbar', { name: 'Session progress' });
	/** Rates the card on screen and waits until the session has moved on. */
	const rate = async (name) => {
		const before = Number(await progress().getAttribute('aria-valuenow'));
		await page.getByRole('button', { name }).click();
		await page.waitForFunction(
			(n) => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) > n,
			before
		);
	};

	await page.goto(`${base}/`);
	await page.getByTestId('due-count').filter({ hasText: /^\d+$/ }).waitFor();
	await shot('today');

	// The HTTP section starts with flashcards, then multiple choice.
	await page.goto(`${base}/sections/http/quiz`);
	await card().waitFor();
	await shot('question');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await shot('answer');
	copyFileSync(`${OUT}/answer.png`, 'static/screenshots/narrow.png');
	await rate(/^Good/);
	while ((await card().getAttribute('data-kind')) !== 'choice') {
		if ((await card().getAttribute('data-kind')) === 'flashcard') await page.getByRole('button', { name: 'Show answer' }).click();
		await rate(/^Good/);
	}
	const deck = await (await page.request.get(`${base}/decks/http.json`)).json();
	const id = await card().getAttribute('data-card-id');
	const answer = deck.cards.find((c) => c.id === id).answer.replaceAll('`', '');
	const options = await page.locator('[data-option] .text').allInnerTexts();
	await page.locator('[data-option]').nth(options.findIndex((t) => t !== answer)).click();
	await shot('choice-feedback');

	// Finish a short session, in a fresh profile, to show its summary.
	page = await (await browser.newContext(phone)).newPage();
	await page.goto(`${base}/settings`);
	await page.getByLabel('New cards per day').fill('2');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
	await page.goto(`${base}/sections/rest/quiz`);
	for (let i = 0; i < 2; i++) {
		await card().waitFor();
		const kind = await card().getAttribute('data-kind');
		if (kind === 'flashcard') await page.getByRole('button', { name: 'Show answer' }).click();
		else if (kind === 'choice') await page.locator('[data-option]').first().click();
		await rate(/^Easy/); // Easy graduates a new card at once, so the session ends
	}
	await page.getByRole('heading', { name: /Session complete|Next card in/ }).waitFor();
	await shot('session-end');
	// The install sheet's wide picture: a laptop review, question beside answer.
	const wide = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', serviceWorkers: 'block' })).newPage();
	await wide.goto(`${base}/sections/web-security/quiz`);
	await wide.locator('article[data-card-id]').waitFor();
	if ((await wide.locator('article[data-card-id]').getAttribute('data-kind')) === 'flashcard') await wide.getByRole('button', { name: 'Show answer' }).click();
	await wide.waitForTimeout(150);
	await wide.screenshot({ path: 'static/screenshots/wide.png' });
	console.log('wrote static/screenshots/wide.png');
} finally {
	await browser.close();
	await server.close();
}
