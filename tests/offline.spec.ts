import { expect, only, test } from './fixtures';
import { serve } from '../scripts/serve.js';
import { answerCard, waitForOffline } from './helpers';

// The service worker is what this file tests (the other specs run without it unless they say so).
test.use({ serviceWorkers: 'allow' });

test(
	'after the first visit the app works with the server stopped, deep links included',
	only('desktop', 'offline use is the laptop journey: once'),
	async ({ page }) => {
		// Our own server, so that this test alone can stop it.
		const server = await serve({ port: 0, host: '127.0.0.1' });
		const url = server.url.replace('localhost', '127.0.0.1');
		let stopped = false;
		try {
			await page.goto(`${url}/`);
			await expect(page.getByTestId('due-count')).toHaveText('20');
			await waitForOffline(page);

			await server.close();
			stopped = true;
			await expect(page.request.get(`${url}/`)).rejects.toThrow();

			await page.reload();
			await expect(page.getByTestId('due-count')).toHaveText('20');

			await page.goto(`${url}/sections/http`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('HTTP');
			await page.getByRole('link', { name: 'Quiz this section' }).click();
			const answered = await answerCard(page, 'Good');
			expect(answered).toMatch(/^http-/);

			await page.goto(`${url}/review`);
			await expect(page.locator('article[data-card-id]')).toBeVisible();
			await page.reload();
			await expect(page.locator('article[data-card-id]')).not.toHaveAttribute('data-card-id', answered);

			await page.goto(`${url}/`);
			await page.reload();
			// 19 new, and the one answered, back at its 10-minute step today.
			await expect(page.getByTestId('new-count')).toHaveText('19');
			await expect(page.getByTestId('learning-count')).toHaveText('1');
			await expect(page.getByTestId('due-count')).toHaveText('20');
		} finally {
			if (!stopped) await server.close();
		}
	}
);
