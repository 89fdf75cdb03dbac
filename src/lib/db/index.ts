export { openRecallDB } from './open';
export type { RecallDatabase, OpenOptions } from './open';
export { recordReview, getAllStates, getReviewsToday, getCardReviews, getSettings, saveSettings } from './queries';
export type { Answer } from './queries';
export { DB_NAME, DB_VERSION } from './schema';
export type { RecallDB } from './schema';
export { DEFAULT_SETTINGS } from './settings';
export type { AppSettings, Theme } from './settings';
export { newId } from './ids';
