// The shapes of the learner's data and the settings' defaults, for pages,
// components and workers: they take them from the data layer, never from
// the storage (db/) underneath.
export type { AnswerBucket, AnswerCounts, CardMarks, CardReport, CardTotals, PracticeRecord, ReportReason } from '$lib/db/records';
export { REPORT_REASONS } from '$lib/db/records';
export type { RecallDatabase } from '$lib/db/schema';
export type { AppSettings, Theme } from '$lib/db/settings';
export { DEFAULT_SETTINGS, NO_MARKS, withDefaults } from '$lib/db/settings';
export type { SavedReview, SessionJournal, UndoStep } from '$lib/db/meta';
