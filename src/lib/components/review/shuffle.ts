/** Shuffles a copy (Fisher–Yates); options are shuffled each time a card is shown. */
export function shuffled<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/** A shuffle that never shows the steps already in order, which would give the answer away. */
export function shuffledOutOfOrder<T>(items: readonly T[]): T[] {
	for (let tries = 0; tries < 10; tries++) {
		const out = shuffled(items);
		if (out.some((x, i) => x !== items[i])) return out;
	}
	return [...items].reverse();
}
