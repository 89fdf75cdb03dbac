export { openRecallDB } from './open';
export type { RecallDatabase, OpenOptions } from './open';
export { getAllStates, getReviewsToday, getCardReviews, getSettings, saveSettings, getAllMarks, hiddenCards, getAllReviews, getAllPractice } from './queries';
export {
	recordReview,
	undoReview,
	recordForget,
	undoForget,
	recordPractice,
	undoPractice,
	setMarks,
	restoreMarks,
	UndoConflictError,
	NewCardLimitError,
	NothingToForgetError
} from './record';
export type { Answer, SavedReview, SavedForget } from './record';
export { DB_NAME, DB_VERSION } from './schema';
export type { RecallDB, CardMarks, PracticeRecord, AnswerCounts, AnswerBucket, CardTotals } from './schema';
export { bucketOf, readBuckets, readCardTotals, answerDays, dayTotals, sumCounts, BUCKET_MS, MATURE_DAYS } from './aggregates';
export type { DayTotals } from './aggregates';
export { DEFAULT_SETTINGS, NO_MARKS } from './settings';
export type { AppSettings, Theme } from './settings';
export { newId } from './ids';
export { rescheduleAll, countCardsWithHistory } from './reschedule';
export { parseSettingsForm, toForm, changesSchedule } from './settings-form';
export type { SettingsForm, SettingsErrors } from './settings-form';
export { exportBackup, importBackupFile, describeImport, resetAll, canonicalJson, BackupWriter, gzipLines, BACKUP_FORMAT, BACKUP_VERSION } from './backup';
export type { ExportedBackup, ImportMode, ImportOptions, ImportOutcome, ImportProgress, ImportSummary } from './backup';
export { optimizerCsv, ankiTsv } from './interchange';
export { loadJournal, saveJournal, getExtraNew, addExtraNew } from './journal';
export type { SessionJournal, UndoStep } from './journal';
