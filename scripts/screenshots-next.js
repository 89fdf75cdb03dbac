// `npm run screenshots` (third part): where the app leads once the day's
// work is done. On the simulated learner's history (scripts/history.js), the
// day's review is answered to its end (the first card missed, the others
// Easy), then the session end and home at zero are shot, at phone (360×740)
// and laptop (1280×800) sizes, into docs/screenshots/ (OUT= another folder).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { SIZES, withHistory } from './shots.js';
import { serve } from './serve.js';

const OUT = process.env.OUT ?? 'docs/screenshots';
const server = await serve({ port: 0, host: '127.0.0.1', ...(process.env.BUILD_DIR ? { dir: process.env.BUILD_DIR } : {}) });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** Answers whatever card is on screen from the keyboard, rating it `rating` once the answer shows. Returns false at the session's end. */
async function answerOne(page, rating) {
	const state = await page.evaluate(() => ({
		phase: document.querySelector('.session')?.getAttribute('data-phase'),
		kind: document.querySelector('article[data-card-id]')?.getAttribute('data-kind'),
		card: document.querySelector('article[data-card-id]')?.getAttribute('data-card-id')
	}));
	if (state.phase === 'done') return false;
	if (state.phase === 'question') {
		if (state.kind === 'typed') {
			await page.locator('[data-typed]').fill('no idea');
			await page.locator('[data-typed]').press('Enter');
		} else {
			await page.locator('#prompt').focus();
			if (state.kind === 'flashcard') await page.keyboard.press(' ');
			else if (state.kind === 'choice') await page.keyboard.press('1');
			else {
				// Tick or place options until the answer can be checked.
				for (let i = 0; i < 8; i++) {
					await page.keyboard.press('1');
					if (await page.getByRole('button', { name: 'Check answer' }).isEnabled()) break;
				}
				await page.getByRole('button', { name: 'Check answer' }).click();
			}
		}
		await page.locator('.session[data-phase="answer"]').waitFor();
	}
	await page.locator('.session[data-phase="answer"] .rating').first().waitFor();
	await page.locator(`.session[data-phase="answer"] .r${rating}`).click();
	await page.waitForFunction(
		(id) =>
			document.querySelector('article[data-card-id]')?.getAttribute('data-card-id') !== id ||
			document.querySelector('.session')?.getAttribute('data-phase') !== 'answer',
		state.card
	);
	return true;
}

try {
	for (const [size, options] of Object.entries(SIZES)) {
		const { context, page } = await withHistory(browser, base, options);
		await page.goto(`${base}/review`);
		await page.locator('.session[data-phase="question"], .session[data-phase="done"]').first().waitFor();
		let n = 0;
		// The first card is missed; the others are Easy, so that no learning step keeps the session waiting.
		while (await answerOne(page, n === 0 ? 1 : 4)) {
			n++;
			if (n > 400) throw new Error('the session did not end');
		}
		console.log(`${size}: answered ${n} cards`);
		await page.locator('[data-testid="summary-line"]').waitFor();
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${OUT}/session-end-${size}.png`, fullPage: size === 'laptop' });
		console.log(`wrote ${OUT}/session-end-${size}.png`);
		await page.goto(`${base}/`);
		await page.getByTestId('due-count').filter({ hasText: /^\d+$/ }).waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: `${OUT}/home-zero-${size}.png`, fullPage: size === 'laptop' });
		console.log(`wrote ${OUT}/home-zero-${size}.png`);
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
