/// <reference types="node" />
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

// PW_PORT lets a second checkout run its browser tests beside this one.
const PORT = Number(process.env.PW_PORT ?? 4174);
/** The CouchDB-protocol server the sync tests use (tests/couch/server.cjs); 5985 beside the default port. */
export const COUCH_PORT = Number(process.env.PW_COUCH_PORT ?? PORT + 1811);

export default defineConfig({
	testDir: 'tests',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	// Two workers share two cores with Chromium: give assertions room on a busy machine.
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
		// The service worker precaches the whole app (decks, pages, chunks) in every new context: a fifth of
		// the browser phase for tests that do not look at it. The specs about offline use, install, updates,
		// reminders and sync between devices opt in with serviceWorkers: 'allow'. (Clicks lost with it blocked
		// were clicks before hydration, which tests/fixtures.ts now waits for.)
		serviceWorkers: 'block',
		// A trace records every action of every test, passing or not: a fifth of the browser phase's
		// time. A failure keeps its screenshot; `npx playwright test <file> --trace=on` records one.
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'phone',
			// Keyboard journeys are the laptop's; killing the browser is the same at any size.
			testIgnore: /(keyboard|crash)\.spec\.ts/,
			// Tests for one size only (only() in tests/fixtures.ts) are left out of the other project.
			grepInvert: /@desktop-only/,
			use: { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
		},
		{
			name: 'desktop',
			grepInvert: /@phone-only/,
			use: { viewport: { width: 1280, height: 800 } }
		}
	],
	webServer: [
		{
			command: `node scripts/serve.js --port ${PORT}`,
			url: `http://localhost:${PORT}/`,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			// PouchDB Server's express-pouchdb, in memory, on loopback: what sync talks to.
			command: `node tests/couch/server.js`,
			url: `http://localhost:${COUCH_PORT}/`,
			env: { COUCH_PORT: String(COUCH_PORT) },
			reuseExistingServer: false,
			timeout: 30_000
		}
	]
});
