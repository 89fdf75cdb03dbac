export { checkDecks, checkCollection, COLLECTION } from './validate';
export type { CheckOptions, CheckResult, RawDeckFile } from './validate';
export { CardSchema, CARD_KINDS, DeckFileSchema, LIMITS, countSentences } from './schema';
export { checkChoice, checkMulti, checkOrder } from './check-answer';
export { gradeTyped } from './typed-grade';
export { roadmapOrder } from './order';
export { GROUPS, SECTION_IDS, SEED_FILES } from './sections';
export type { GroupId, SectionId } from './sections';
export type { Card, CardKind, DeckCard, DeckData, DeckFile, DeckIndex, DeckSummary } from './types';
