// The learner's settings, in one place. Every view that shows or uses them
// reads `settings.current`; every write goes through `settings.save`. A
// change made anywhere else (an import, a reset, a sync pull, another tab, the
// optimizer's Apply) reaches every open view through `refresh`, so no view
// keeps a copy that goes stale and nothing writes one back over newer values.
import { changes } from '$lib/data/changes.svelte';
import { appDb } from '$lib/data/client';
import { getSettings } from '$lib/data/reads';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/db/settings';

/** Two settings records say the same thing (the stamp of who wrote them aside). */
export function sameSettings(a: AppSettings, b: AppSettings): boolean {
	const plainOf = ({ updated: _u, device: _d, ...rest }: AppSettings) => JSON.stringify(rest, Object.keys(rest).sort());
	return plainOf(a) === plainOf(b);
}

export class SettingsStore {
	/** The stored settings, with the defaults for what was never set. */
	current = $state.raw<AppSettings>(DEFAULT_SETTINGS);
	/** Whether `current` has been read from the database yet. */
	loaded = $state(false);
	/** Counts the changes that came from elsewhere after the first load. */
	changedElsewhere = $state(0);

	#loading: Promise<AppSettings> | undefined;
	#stopWatching: (() => void) | undefined;

	constructor(private readonly read: () => Promise<AppSettings> = async () => getSettings(await appDb())) {}

	/** Reads the stored settings once; later calls get the same answer. Starts listening to other tabs. */
	load(): Promise<AppSettings> {
		this.#watch();
		this.#loading ??= this.read().then(
			(s) => {
				this.current = s;
				this.loaded = true;
				return s;
			},
			(e: unknown) => {
				this.#loading = undefined;
				throw e;
			}
		);
		return this.#loading;
	}

	/** Reads the stored settings again, after something else may have written them. */
	async refresh(): Promise<AppSettings> {
		const s = await this.read();
		if (this.loaded && !sameSettings(s, this.current)) this.changedElsewhere++;
		this.current = s;
		this.loaded = true;
		this.#loading = Promise.resolve(s);
		return s;
	}

	/** Saves the settings (stamped for merges), and tells this tab's views and the other tabs. */
	async save(next: AppSettings): Promise<AppSettings> {
		// Saving brings the sync outbox along: loaded on the first save, not with every page that reads the settings.
		const [db, { saveSettings }] = await Promise.all([appDb(), import('$lib/data/queries')]);
		await saveSettings(db, next);
		this.current = next;
		this.loaded = true;
		this.#loading = Promise.resolve(next);
		changes.publish('settings');
		return next;
	}

	/** Settings saved elsewhere (another tab, a sync), or an import or a reset here: read them again. */
	#watch(): void {
		if (this.#stopWatching || typeof window === 'undefined') return;
		this.#stopWatching = changes.subscribe((c) => {
			const own = c.from === 'here' && c.kind === 'settings';
			if ((c.kind === 'settings' || c.kind === 'data') && !own) void this.refresh().catch(() => undefined);
		});
	}
}

/** The app's one settings store. */
export const settings = new SettingsStore();
