// The phone journey, the same in every engine: home, a first session of five
// cards of mixed kinds, a reload, home and a deep link with the server
// stopped, the section quiz, every page without an error or a sideways
// scroll, an export, and what the browser decided about storage. Written
// against tests/engines/engine.ts, so it runs in WebKit and Firefox alike.
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { PHONE, type Engine } from './engine';
import { answer, clickNamed, ErrorLog, hydrated, question, text, until, WAIT } from './page';

export interface Served {
	url: string;
	/** Stops the server: the browser then gets no answer at all, as with no network. */
	stop(): Promise<void>;
}

export interface JourneyOptions {
	/** A folder to save a screenshot of each page in (docs/screenshots/), named `<engine>-<page>.png`. */
	screenshots?: string;
	/** Says what the journey is doing, for the test's log. */
	step?: (what: string) => void | Promise<void>;
}

/** Boxes of the review bar's counts and tools, and which of them overlap. */
async function barOverlaps(engine: Engine): Promise<string[]> {
	return engine.run(() => {
		const boxes = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
		const counts = boxes('[data-testid="session-counts"] > div');
		const tools = boxes('[aria-label="Card actions"] button');
		const out: string[] = counts.length === 3 ? [] : [`${counts.length} counts in the bar, not 3`];
		for (const c of counts)
			for (const t of tools)
				if (c.left < t.right && t.left < c.right && c.top < t.bottom && t.top < c.bottom) out.push(`a count at x ${c.left} under a tool at x ${t.left}`);
		return out;
	});
}

/** The More sheet's box while it is open. */
async function moreSheet(engine: Engine): Promise<{ top: number; bottom: number; height: number }> {
	await clickNamed(engine, 'More');
	const box = await until(engine, 'the More sheet', () => {
		const sheet = document.getElementById('card-more');
		if (!sheet?.matches(':popover-open')) return null;
		const r = sheet.getBoundingClientRect();
		return r.height > 0 ? { top: r.top, bottom: r.bottom, height: r.height } : null;
	});
	await engine.press('Escape');
	await until(engine, 'the More sheet to close', () => !document.getElementById('card-more')?.matches(':popover-open'));
	return box;
}

/** Every page of the app, and the element that shows its content has rendered. */
const PAGES = [
	{ name: 'home', path: '/', ready: '[data-testid="due-count"]' },
	{ name: 'sections', path: '/sections', ready: 'a[href$="/sections/http"]' },
	{ name: 'section', path: '/sections/http', ready: '[data-testid="section-new"]' },
	{ name: 'quiz', path: '/sections/http/quiz', ready: 'article[data-card-id], h2' },
	{ name: 'practice', path: '/sections/http/practice?n=5', ready: 'article[data-card-id]' },
	{ name: 'review', path: '/review', ready: 'article[data-card-id], h2' },
	{ name: 'stats', path: '/stats', ready: '[data-testid="stats-today"]' },
	{ name: 'settings', path: '/settings', ready: '[data-testid="storage-status"][data-decision]' },
	{ name: 'cards', path: '/cards', ready: '[data-testid="card-count"]' },
	{ name: 'readiness', path: '/readiness', ready: '[data-testid="overall"]' }
] as const;

export interface JourneyResult {
	kinds: string[];
	moreSheet: { top: number; bottom: number; height: number };
	storage: { decision: string; text: string; sevenDayRule: boolean };
	exported: { file: string; reviews: number };
}

export async function phoneJourney(engine: Engine, served: Served, options: JourneyOptions = {}): Promise<JourneyResult> {
	const { url } = served;
	const step = options.step ?? (() => {});
	const log = new ErrorLog(engine);
	const shot = async (name: string) => {
		if (options.screenshots) await engine.screenshot(join(options.screenshots, `${engine.name.toLowerCase()}-${name}.png`));
	};

	await step('home, and the service worker takes the app offline');
	await log.open(`${url}/`);
	expect(await text(engine, '[data-testid="due-count"]')).toBe('20');
	expect(await engine.run(() => [innerWidth, innerHeight])).toEqual([PHONE.width, PHONE.height]);
	// Installed: from the next load on, it controls the page and answers offline.
	await until(engine, 'the service worker', async () => !!(await navigator.serviceWorker.ready));
	if (!(await engine.run(() => navigator.serviceWorker.controller !== null))) {
		await engine.reload();
		await hydrated(engine);
		await until(engine, 'the service worker to control the page', () => navigator.serviceWorker.controller !== null);
	}

	await step('a first session of five new cards');
	await log.open(`${url}/settings`);
	// The form shows the stored settings once it has read them, which may overwrite a value typed before: type until it stays.
	for (let attempt = 1; ; attempt++) {
		await until(engine, 'the new-card limit', () => {
			const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'New cards per day')?.control as HTMLInputElement | null;
			if (!field?.value) return false;
			field.dataset.e2e = 'limit';
			field.value = '';
			field.dispatchEvent(new Event('input', { bubbles: true }));
			return true;
		});
		await engine.type('[data-e2e="limit"]', '5');
		await new Promise((r) => setTimeout(r, 200));
		const value = await engine.run(() => document.querySelector<HTMLInputElement>('[data-e2e="limit"]')?.value);
		if (value === '5') break;
		if (attempt === 3) throw new Error(`${engine.name}: the new-card limit reads ${value} after typing 5`);
	}
	await clickNamed(engine, 'Save settings');
	await until(engine, '"Settings saved."', () => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Settings saved.')));

	await log.open(`${url}/`);
	expect(await text(engine, '[data-testid="due-count"]')).toBe('5');
	await clickNamed(engine, 'Start review');
	await question(engine);
	await shot('review-card');
	// A mouse at 360 px: the "?" button is in the bar too, and no count may hide under a tool.
	expect(await barOverlaps(engine), 'the review bar at 360 px with a mouse').toEqual([]);
	const sheet = await moreSheet(engine);
	const kinds: string[] = [];
	for (let i = 0; i < 5; i++) kinds.push(await answer(engine, 'Easy'));
	await until(engine, '"Session complete"', () => [...document.querySelectorAll('h2')].some((h) => h.textContent?.includes('Session complete')));
	await shot('session-end');

	await step('reload: the five answers are kept');
	await engine.reload();
	await hydrated(engine);
	await log.open(`${url}/stats`);
	expect(await text(engine, '[data-testid="stats-today"]')).toBe('5');

	await step('what the browser decided about keeping the data');
	await log.open(`${url}/settings`);
	const storage = await until(engine, 'the storage decision', () => {
		const status = document.querySelector<HTMLElement>('[data-testid="storage-status"]');
		const decision = status?.dataset.decision;
		if (!status || !decision || decision === 'not-asked') return null;
		return { decision, text: status.innerText, sevenDayRule: !!document.querySelector('[data-testid="seven-day-rule"]') };
	});

	await step('an export');
	const exported = await exportBackup(engine);

	await step('every page: no error, no sideways scroll');
	const wide: string[] = [];
	for (const page of PAGES) {
		await log.open(`${url}${page.path}`);
		await until(engine, `${page.path} to render`, (sel: string) => !!document.querySelector(sel), page.ready);
		const width = await engine.run(() => document.documentElement.scrollWidth);
		if (width > PHONE.width) wide.push(`${page.path}: ${width} px wide`);
		await shot(page.name);
	}
	expect(wide, 'pages wider than the phone').toEqual([]);

	await step('offline: the server stops');
	await served.stop();
	log.offline = true;
	await log.open(`${url}/`);
	expect(await text(engine, '[data-testid="due-count"]')).toBe('0');
	await log.open(`${url}/sections/http`);
	expect(await text(engine, 'h1')).toContain('HTTP');
	await clickNamed(engine, 'Quiz this section');
	// Today's five new cards are used: the section offers more of its own.
	await clickNamed(engine, 'Learn 10 more from this section');
	const section = await question(engine);
	expect(section.id).toMatch(/^http-/);
	await answer(engine, 'Good');

	await log.keep();
	expect(log.errors, 'uncaught errors in the pages').toEqual([]);
	return { kinds, moreSheet: sheet, storage, exported };
}

/** Exports a backup from Settings and reads the file the browser saved. */
async function exportBackup(engine: Engine): Promise<{ file: string; reviews: number }> {
	await clickNamed(engine, 'Export backup');
	const message = await text(engine, '[data-testid="export-message"]');
	expect(message).toMatch(/^Backup saved: 5 answers/);
	const end = Date.now() + WAIT;
	for (;;) {
		const files = safeList(engine.downloads).filter((f) => /^roadmap-recall-backup-\d{4}-\d\d-\d\d\.json\.gz$/.test(f));
		if (files[0]) {
			try {
				const lines = gunzipSync(readFileSync(join(engine.downloads, files[0])))
					.toString('utf8')
					.trim()
					.split('\n');
				const reviews = lines.filter((l) => l.startsWith('{"review"')).length;
				return { file: files[0], reviews };
			} catch {
				/* still being written */
			}
		}
		if (Date.now() > end) throw new Error(`${engine.name}: no backup file in ${engine.downloads} (${safeList(engine.downloads).join(', ') || 'empty'})`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

function safeList(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}
