import { newId } from './ids';
import { getMeta, putMeta } from './meta';
import type { RecallDatabase } from './schema';

export { isNewer, type Stamp } from './stamp';

const ids = new WeakMap<RecallDatabase, Promise<string>>();

/** This device's id, made once and kept in the database. */
export function deviceId(db: RecallDatabase): Promise<string> {
	let id = ids.get(db);
	if (!id) {
		id = (async () => {
			const tx = db.transaction('meta', 'readwrite');
			const stored = await getMeta(tx.store, 'device');
			const value = stored ?? newId();
			if (!stored) await putMeta(tx.store, 'device', value);
			await tx.done;
			return value;
		})();
		ids.set(db, id);
	}
	return id;
}
