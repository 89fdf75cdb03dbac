// The settings form's own state: what it shows, what was stored when it was
// filled, and whether the learner has edited it. A change stored elsewhere
// (an import, a sync, another tab, Apply in the optimizer) fills the form at
// once when it has no edits; with edits, the form keeps them and says so.
import { parseSettingsForm, toForm, type SettingsForm } from '$lib/data/settings-form';
import { sameSettings } from '$lib/data/settings.svelte';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/data/types';
import { applyTheme } from '$lib/theme';

export class SettingsFormState {
	/** The stored settings the form was last filled from (or saved as). */
	saved = $state.raw<AppSettings | undefined>();
	// The form is on the page from the first paint (prerendered with the defaults), disabled until the stored settings replace them.
	form = $state<SettingsForm>(toForm(DEFAULT_SETTINGS));
	loaded = $state(false);
	/** The stored settings changed elsewhere while the form had edits. */
	stale = $state(false);

	/** What the form says, as settings (undefined while a field does not parse: that is an edit too). */
	readonly typed = $derived.by(() => {
		const result = parseSettingsForm(this.form);
		return 'settings' in result ? result.settings : undefined;
	});
	/** The learner has changed a field since the form was filled or saved. */
	readonly edited = $derived(this.loaded && !!this.saved && (!this.typed || !sameSettings({ ...this.saved, ...this.typed }, this.saved)));

	/** The form shows these settings: it has no edits of its own. */
	fill(s: AppSettings): void {
		if (this.saved && this.saved.theme !== s.theme) applyTheme(s.theme);
		this.saved = s;
		this.form = toForm(s);
		this.stale = false;
	}

	/** The stored settings are now `current`: shown at once, unless the form has edits, which it keeps, saying why. */
	follow(current: AppSettings): void {
		if (!this.loaded || !this.saved || current === this.saved || sameSettings(current, this.saved)) return;
		if (this.edited) this.stale = true;
		else this.fill(current);
	}
}
