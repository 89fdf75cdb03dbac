/**
 * Issues a transaction's writes and waits for its commit. If a request throws
 * at once, the transaction is aborted, so the writes already issued (a log
 * record without its running totals, say) are not committed without the
 * rest; they reject then too: they are handled here, and the first error is
 * the one reported, so no rejection goes unheard.
 */
export async function commit(tx: { done: Promise<void>; abort(): void }, ops: readonly (() => Promise<unknown>)[]): Promise<void> {
	await Promise.all([...issue(tx, ops), tx.done]);
}

/**
 * Issues writes in order and returns their promises. If one throws at once,
 * the transaction is aborted and every rejection is handled, as in commit().
 */
function issue(tx: { done: Promise<void>; abort(): void }, ops: readonly (() => Promise<unknown>)[]): Promise<unknown>[] {
	const pending: Promise<unknown>[] = [];
	try {
		for (const op of ops) pending.push(op());
	} catch (e) {
		for (const p of [...pending, tx.done]) p.catch(() => undefined);
		try {
			tx.abort();
		} catch {
			// It had died already.
		}
		throw e;
	}
	return pending;
}
