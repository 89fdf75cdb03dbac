import type { Theme } from '$lib/data/types';

/** Applies a theme now and remembers it for static/theme.js, which applies it before the first paint. */
export function applyTheme(theme: Theme): void {
	document.documentElement.dataset.theme = theme;
	try {
		localStorage.setItem('theme', theme);
	} catch {
		// Storage may be blocked; the theme still applies to this page.
	}
}
