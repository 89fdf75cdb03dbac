// Reading and writing `meta` by key, typed by meta-keys.ts: the one place a stored value meets its type.
import type { MetaKey, MetaValue, MetaValues } from './meta-keys';
import type { RecallDatabase } from './schema';

export type * from './meta-keys';

export const journalKey = (scope: string): `session:${string}` => `session:${scope}`;

interface MetaStore {
	get(key: MetaKey): Promise<MetaValue | undefined>;
	put(value: MetaValue, key: MetaKey): Promise<unknown>;
}

/** The value under `key` in a transaction's `meta` store. */
export function getMeta<K extends MetaKey>(store: Pick<MetaStore, 'get'>, key: K): Promise<MetaValues[K] | undefined> {
	// The one place a stored value meets its type: putMeta wrote it under the same key.
	return store.get(key) as Promise<MetaValues[K] | undefined>;
}

export function putMeta<K extends MetaKey>(store: Pick<MetaStore, 'put'>, key: K, value: MetaValues[K]): Promise<unknown> {
	return store.put(value, key);
}

/** getMeta in a transaction of its own. */
export function readMeta<K extends MetaKey>(db: RecallDatabase, key: K): Promise<MetaValues[K] | undefined> {
	return getMeta(db.transaction('meta').store, key);
}

/** putMeta in a transaction of its own. */
export async function writeMeta<K extends MetaKey>(db: RecallDatabase, key: K, value: MetaValues[K]): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	await Promise.all([putMeta(tx.store, key, value), tx.done]);
}
