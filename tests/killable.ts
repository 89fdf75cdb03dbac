// A browser a test can kill outright, as a crash or a power cut would: its own
// process on a persistent profile, driven over CDP.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.js';

/** Starts Chromium on a persistent profile as its own process, so the test can kill it outright. */
export async function launch(profile: string): Promise<{ proc: ChildProcess; browser: Browser; page: Page }> {
	const proc = spawn(
		findChromium() ?? 'chromium',
		['--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', ...CHROMIUM_ARGS, 'about:blank'],
		// Its own process group, so a kill takes every Chromium process at once, as a crash or power cut would.
		{ stdio: ['ignore', 'ignore', 'pipe'], detached: true }
	);
	const ws = await new Promise<string>((resolve, reject) => {
		let seen = '';
		proc.stderr?.on('data', (d: Buffer) => {
			seen += String(d);
			const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
			if (m?.[1]) resolve(m[1]);
		});
		proc.once('exit', () => reject(new Error(`Chromium exited early: ${seen}`)));
	});
	const browser = await chromium.connectOverCDP(ws);
	const context = browser.contexts()[0]!;
	const page = context.pages()[0] ?? (await context.newPage());
	return { proc, browser, page };
}

/** Kills the browser outright: every process of its group, with no chance to flush anything. */
export function kill(proc: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		proc.once('exit', () => resolve());
		process.kill(-proc.pid!, 'SIGKILL');
	});
}
