// What loads once sync is found set up on this device, in one request: the
// trigger (the client and the engine follow with the first sync) and the
// header's indicator.
import { mount, unmount } from 'svelte';
import SyncIndicator from '$lib/components/SyncIndicator.svelte';

export { syncIfSetUp } from './auto.svelte';

let shown: Record<string, unknown> | undefined;

/** Shows the header's indicator while sync is set up (on opening the app, or once Settings sets it up), and takes it away when sync stops. */
export function showIndicator(on: boolean): void {
	if (on && !shown) {
		const target = document.getElementById('sync-indicator'); /* the layout's empty slot: mounted from here, so pages without sync carry none of it */
		if (target) shown = mount(SyncIndicator, { target });
	} else if (!on && shown) {
		void unmount(shown);
		shown = undefined;
	}
}
