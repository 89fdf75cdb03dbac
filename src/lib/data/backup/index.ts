export { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter, gzipLines } from './format';
export { exportBackup } from './export';
export type { ExportedBackup } from './export';
export { importBackupFile, describeImport } from './import';
export type { ImportMode, ImportOptions, ImportOutcome, ImportProgress, ImportSummary } from './import';
export { canonicalJson } from './canonical';
export { resetAll } from './reset';
