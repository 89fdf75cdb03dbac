// The phone journey in the engines Playwright cannot drive here: WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver, WebDriver classic) and
// Firefox ESR (puppeteer-core over WebDriver BiDi). Both come from Debian's
// packages (scripts/ensure-browsers.js). An Engine is the little the journey
// needs: open a page, run a function in it, click, type, press a key, take a
// screenshot; every click and key is real input through the driver.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectSocket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebDriver, { type Client } from 'webdriver';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const PHONE = { width: 360, height: 640 };

export interface Engine {
	name: 'WebKit' | 'Firefox';
	version: string;
	/** Where the browser saves downloads. */
	downloads: string;
	/** Loads `url` and resolves once the load event has fired. */
	goto(url: string): Promise<void>;
	reload(): Promise<void>;
	/** Runs `fn` in the page with `args` (JSON values) and returns its result, awaited. */
	run<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<Awaited<T>>;
	click(selector: string): Promise<void>;
	type(selector: string, text: string): Promise<void>;
	press(key: 'Escape' | 'Enter'): Promise<void>;
	screenshot(path: string): Promise<void>;
	close(): Promise<void>;
}

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'];
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const FIREFOX = '/usr/bin/firefox-esr';
/** WebDriver's code for a key. */
const KEYS = { Escape: '\uE00C', Enter: '\uE007' } as const;

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Resolves when `child` exits, so a failed start says why instead of timing out. */
function exited(child: ChildProcess, what: string, log: () => string): Promise<never> {
	return new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${log()}`))));
}

/**
 * WebKitGTK's MiniBrowser, full screen on an X server of exactly the phone's
 * size (its toolbar keeps a window at least 447 px wide otherwise): a
 * 360 × 640 viewport, a mouse, no touch.
 * Its back-forward cache is off. With it on, an open of the database
 * sometimes never completed after the journey had left pages by full loads
 * (it leaves them as soon as they show their content), and every page then
 * said "Loading your cards…" for good, even after a reload: 6 journeys of
 * 8, none of 12 with the cache off (docs/engines.md). A learner leaves pages
 * by client-side navigation, which keeps the page.
 */
export async function openWebKit(): Promise<Engine> {
	const home = mkdtempSync(join(tmpdir(), 'webkit-'));
	// With no XDG folders set up, WebKitGTK saves downloads in the home folder itself.
	const downloads = home;
	const port = await freePort();
	let log = '';
	// xvfb-run -a finds a free display; the driver and the browser it starts draw there.
	const driver = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${PHONE.width}x${PHONE.height}x24`, WEBKIT_DRIVER, `--port=${port}`], {
		env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local') },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	driver.stdout.on('data', (d) => (log += d));
	driver.stderr.on('data', (d) => (log += d));
	const stop = () => {
		try {
			process.kill(-driver.pid!, 'SIGTERM');
		} catch {
			/* already gone */
		}
	};
	try {
		const binary = MINIBROWSER.find((p) => existsSync(p));
		if (!binary) throw new Error(`MiniBrowser not found in ${MINIBROWSER.join(' or ')}: install webkit2gtk-driver`);
		const client: Client = await Promise.race([connect(port, binary), exited(driver, 'WebKitWebDriver', () => log)]);
		await client.setWindowRect(0, 0, PHONE.width, PHONE.height);
		return {
			name: 'WebKit',
			version: String(client.capabilities.browserVersion),
			downloads,
			goto: async (url) => void (await client.navigateTo(url)),
			reload: async () => void (await client.refresh()),
			run: async (fn, ...args) => {
				const script = `const done = arguments[arguments.length - 1];
					Promise.resolve().then(() => (${fn.toString()})(...arguments[0]))
						.then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`;
				const result = (await client.executeAsyncScript(script, [args])) as { value?: never; error?: string };
				if (result.error) throw new Error(`in WebKit: ${result.error}`);
				return result.value as never;
			},
			click: async (selector) => {
				// WebKitGTK's driver refuses ("not interactable") an element below the fold rather than scroll to it: a learner scrolls first.
				await client.executeScript('document.querySelector(arguments[0])?.scrollIntoView({ block: "center" })', [selector]);
				const el = await client.findElement('css selector', selector);
				await client.elementClick(elementId(el, selector));
			},
			type: async (selector, text) => {
				const el = await client.findElement('css selector', selector);
				await client.elementSendKeys(elementId(el, selector), text);
			},
			press: async (key) => {
				await client.performActions([
					{
						type: 'key',
						id: 'keyboard',
						actions: [
							{ type: 'keyDown', value: KEYS[key] },
							{ type: 'keyUp', value: KEYS[key] }
						]
					}
				]);
				await client.releaseActions();
			},
			screenshot: async (path) => writeFileSync(path, Buffer.from(await client.takeScreenshot(), 'base64')),
			close: async () => {
				await client.deleteSession().catch(() => {});
				stop();
				rmSync(home, { recursive: true, force: true });
			}
		};
	} catch (e) {
		stop();
		rmSync(home, { recursive: true, force: true });
		throw e;
	}
}

/** Resolves once something listens on `port` (WebKitWebDriver, a moment after it starts). */
async function listening(port: number): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = connectSocket(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (attempt >= 100) throw new Error(`WebKitWebDriver is not listening on port ${port} after 10 s`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function connect(port: number, binary: string): Promise<Client> {
	await listening(port);
	return WebDriver.newSession({
		hostname: '127.0.0.1',
		port,
		logLevel: 'error',
		capabilities: {
			browserName: 'MiniBrowser',
			// WebKitGTK's driver speaks WebDriver classic only.
			'wdio:enforceWebDriverClassic': true,
			'webkitgtk:browserOptions': { binary, args: ['--automation', '--full-screen', '--enable-page-cache=false'] }
		} as WebdriverIO.Capabilities
	});
}

function elementId(el: Record<string, string>, selector: string): string {
	const id = el['element-6066-11e4-a52e-4f735466cecf'];
	if (!id) throw new Error(`no element matches ${selector}`);
	return id;
}

/** Firefox ESR, headless, over WebDriver BiDi, with a 360 × 640 viewport and a fresh profile that saves downloads without asking. */
export async function openFirefox(): Promise<Engine> {
	const profile = mkdtempSync(join(tmpdir(), 'firefox-'));
	const downloads = join(profile, 'downloads');
	const browser: Browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: process.env.FIREFOX_PATH ?? FIREFOX,
		headless: true,
		userDataDir: profile,
		extraPrefsFirefox: {
			'browser.download.folderList': 2,
			'browser.download.dir': downloads,
			'browser.download.useDownloadDir': true,
			'browser.download.always_ask_before_handling_new_types': false
		}
	});
	try {
		const page: Page = (await browser.pages())[0] ?? (await browser.newPage());
		await page.setViewport({ ...PHONE });
		return {
			name: 'Firefox',
			version: (await browser.version()).replace(/^firefox\//, ''),
			downloads,
			goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
			reload: async () => void (await page.reload({ waitUntil: 'load' })),
			run: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])),
			click: (selector) => page.click(selector),
			type: (selector, text) => page.type(selector, text),
			press: (key) => page.keyboard.press(key),
			screenshot: async (path) => void (await page.screenshot({ path: path })),
			close: async () => {
				await browser.close().catch(() => {});
				rmSync(profile, { recursive: true, force: true });
			}
		};
	} catch (e) {
		await browser.close().catch(() => {});
		throw e;
	}
}
