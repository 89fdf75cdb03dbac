export { checkDecks } from './validate';
export type { CheckOptions, CheckResult, RawDeckFile } from './validate';
export { CardSchema, DeckFileSchema, LIMITS, countSentences } from './schema';
export { roadmapOrder } from './order';
export { GROUPS, SECTION_IDS, SEED_FILES } from './sections';
export type { GroupId, SectionId } from './sections';
export type { Card, CardKind, DeckCard, DeckData, DeckFile, DeckIndex, DeckSummary } from './types';
