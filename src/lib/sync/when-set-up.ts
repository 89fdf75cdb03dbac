// What loads once sync is found set up on this device, in one request: the
// trigger (the client and the engine follow with the first sync) and the
// header's indicator.
export { syncIfSetUp } from './auto.svelte';
export { default as SyncIndicator } from '$lib/components/SyncIndicator.svelte';
