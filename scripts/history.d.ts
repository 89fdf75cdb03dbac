/** A simulated learner's history as a gzipped format-2 backup (see history.js). */
export function simulateHistory(
	cardIds: string[],
	options?: { days?: number; now?: number; seed?: number }
): { file: Buffer; counts: { reviews: number; practice: number; cards: number; marks: number } };
