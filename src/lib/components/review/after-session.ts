/**
 * What a study page does when its session reaches the end screen: the app
 * badge shows what is left; with answers given, the browser is asked to
 * keep the data and this device's answers go to the others (if sync is set
 * up). Each module loads only now, not with the page.
 */
export function afterSession({ answered }: { answered: number }): void {
	if (answered > 0) void import('$lib/data/persist').then((p) => p.askToPersist());
	void import('$lib/pwa/badge').then((b) => b.refreshBadge());
	if (answered > 0) void import('$lib/sync/auto.svelte').then((s) => s.syncIfSetUp('session')).catch(() => undefined);
}
