// What the journey does in a page, in any engine: wait for something,
// click a control by its name as a learner would, answer a card of any
// kind, and keep the page's uncaught errors.
import type { Engine } from './engine';

export const WAIT = 15_000;

/** Polls `fn` in the page until it returns something truthy; returns that. */
export async function until<T, A extends unknown[]>(engine: Engine, what: string, fn: (...args: A) => T, ...args: A): Promise<NonNullable<Awaited<T>>> {
	const end = Date.now() + WAIT;
	let last: Error | undefined;
	for (;;) {
		try {
			const value = await engine.run(fn, ...args);
			if (value) return value;
		} catch (e) {
			last = e instanceof Error ? e : new Error(String(e));
		}
		if (Date.now() > end) {
			const errors = await pageErrors(engine).catch(() => []);
			throw new Error(
				`${engine.name}: timed out waiting for ${what}${last ? `: ${last.message}` : ''}${errors.length ? `\npage errors:\n${errors.join('\n')}` : ''}`
			);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Uncaught errors and unhandled rejections the page has had (tests/engines/served.ts puts the listener in every page). */
async function pageErrors(engine: Engine): Promise<string[]> {
	return engine.run(
		(missing: string) =>
			(location.protocol === 'about:' ? [] : undefined) ??
			(window as unknown as { __e2eErrors?: string[] }).__e2eErrors ?? [`${location.pathname}: ${missing}`],
		MISSING
	);
}
const MISSING = 'the error listener is missing';

/**
 * Finds the control a learner would see by its name (its text or aria-label),
 * marks it, and clicks it through the driver: real input, as a tap would be.
 */
export async function clickNamed(engine: Engine, name: string | RegExp, within = 'button, a, [role="button"], label'): Promise<void> {
	await retryStale(() => clickNamedOnce(engine, name, within));
}

/**
 * Runs a mark-and-click again when the page re-rendered the control between
 * the two (the driver then finds the marked element gone), as a learner taps again.
 */
async function retryStale(click: () => Promise<void>): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await click();
		} catch (e) {
			if (attempt >= 3 || !/stale element|was not found|no element (matches|found)|detached/i.test(String(e))) throw e;
		}
	}
}

async function clickNamedOnce(engine: Engine, name: string | RegExp, within: string): Promise<void> {
	const source = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
	const mark = `t${Math.random().toString(36).slice(2, 8)}`;
	await until(
		engine,
		`a control named ${name}`,
		(pattern: string, selector: string, id: string) => {
			// A tap before hydration does nothing: a page the last click loaded must be hydrated first.
			if (!document.documentElement.hasAttribute('data-hydrated')) return false;
			const re = new RegExp(pattern);
			const el = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => {
				const label = (e.getAttribute('aria-label') ?? e.innerText ?? '').trim().replace(/\s+/g, ' ');
				return re.test(label) && e.checkVisibility() && !(e as HTMLButtonElement).disabled;
			});
			if (el) el.dataset.e2e = id;
			return !!el;
		},
		source,
		within,
		mark
	);
	await engine.click(`[data-e2e="${mark}"]`);
}

/** Clicks the first element matching `selector` that is on screen and not animating (a step leaving the pool, say). */
export async function clickFirst(engine: Engine, selector: string): Promise<void> {
	await retryStale(() => clickFirstOnce(engine, selector));
}

async function clickFirstOnce(engine: Engine, selector: string): Promise<void> {
	const mark = `f${Math.random().toString(36).slice(2, 8)}`;
	await until(
		engine,
		`a settled ${selector}`,
		(sel: string, id: string) => {
			if (!document.documentElement.hasAttribute('data-hydrated')) return false;
			const el = [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.checkVisibility() && e.getAnimations({ subtree: true }).length === 0);
			if (el) el.dataset.e2e = id;
			return !!el;
		},
		selector,
		mark
	);
	await engine.click(`[data-e2e="${mark}"]`);
}

export async function hydrated(engine: Engine): Promise<void> {
	await until(engine, 'hydration', () => document.documentElement.hasAttribute('data-hydrated'));
}

/**
 * The uncaught errors of every page the journey opens: each page's are read
 * as the journey leaves it. Offline, the listener (served beside the app,
 * not precached by it) may be missing: only online pages are checked.
 */
export class ErrorLog {
	readonly errors: string[] = [];
	offline = false;

	constructor(private readonly engine: Engine) {}

	/** Keeps the errors of the page on screen, then opens `url` and waits for hydration. */
	async open(url: string): Promise<void> {
		await this.keep();
		await this.engine.goto(url);
		await hydrated(this.engine);
	}

	/** Keeps the errors of the page on screen. */
	async keep(): Promise<void> {
		const errors = await pageErrors(this.engine).catch(() => []);
		this.errors.push(...errors.filter((e) => !e.endsWith(MISSING) || !this.offline));
	}
}

export async function text(engine: Engine, selector: string): Promise<string> {
	return until(
		engine,
		selector,
		(sel: string) => {
			const t = document.querySelector<HTMLElement>(sel)?.innerText.trim();
			return t && t !== '…' ? t : '';
		},
		selector
	);
}

/** The card on screen once it waits for an answer: its id and kind. */
export async function question(engine: Engine): Promise<{ id: string; kind: string; answers: number }> {
	return until(engine, 'a card to answer', () => {
		const session = document.querySelector<HTMLElement>('[data-answers]');
		const card = document.querySelector<HTMLElement>('article[data-card-id]');
		if (session?.dataset.phase !== 'question' || !card) return null;
		return { id: card.dataset.cardId!, kind: card.dataset.kind!, answers: Number(session.dataset.answers) };
	});
}

/** Answers the card on screen as a learner taps through it (right or wrong does not matter), then rates it. */
export async function answer(engine: Engine, rating: 'Good' | 'Easy'): Promise<string> {
	const { kind, answers } = await question(engine);
	switch (kind) {
		case 'flashcard':
			await clickNamed(engine, 'Show answer');
			break;
		case 'choice':
			await clickFirst(engine, '[data-option]');
			break;
		case 'multi':
			await clickFirst(engine, '[data-option]');
			await clickNamed(engine, 'Check answer');
			break;
		case 'typed': {
			await until(engine, 'the answer field', () => {
				const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Your answer')?.control;
				if (field) field.dataset.e2e = 'typed';
				return !!field;
			});
			await engine.type('[data-e2e="typed"]', 'not sure');
			await clickNamed(engine, 'Check answer');
			break;
		}
		case 'order':
			while (await engine.run(() => document.querySelectorAll('[data-option]').length > 0)) await clickFirst(engine, '[data-option]');
			await clickNamed(engine, 'Check answer');
			break;
		default:
			throw new Error(`a card of an unknown kind: ${kind}`);
	}
	await clickNamed(engine, new RegExp(`^${rating}\\b`));
	await until(
		engine,
		'the answer to be saved',
		(n: number) => Number(document.querySelector<HTMLElement>('[data-answers]')?.dataset.answers) === n,
		answers + 1
	);
	return kind;
}
