import { SECTION_IDS, type SectionId } from './sections';

interface Orderable {
	id: SectionId;
	prerequisites: readonly SectionId[];
}

/**
 * Sorts decks so that every deck comes after its prerequisites, breaking ties
 * by roadmap order. Prerequisites that are not present are ignored; a cycle
 * falls back to roadmap order for the decks caught in it.
 */
export function roadmapOrder<T extends Orderable>(decks: readonly T[]): T[] {
	const rank = (id: SectionId) => SECTION_IDS.indexOf(id);
	const present = new Set(decks.map((d) => d.id));
	const pending = [...decks].sort((a, b) => rank(a.id) - rank(b.id));
	const placed = new Set<SectionId>();
	const out: T[] = [];
	while (pending.length > 0) {
		const i = pending.findIndex((d) => d.prerequisites.every((p) => !present.has(p) || placed.has(p)));
		const [next] = pending.splice(i === -1 ? 0 : i, 1);
		if (!next) break;
		placed.add(next.id);
		out.push(next);
	}
	return out;
}
