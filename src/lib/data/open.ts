// A connection of its own to the learner's database, for a worker (the
// optimizer, the import) or a test. Plain TypeScript, no runes: workers are
// bundled without the Svelte compiler, so they must not import client.ts.
export { openRecallDB } from '$lib/db/open';
