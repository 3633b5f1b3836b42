export {
  backupDatabase,
  checkArchiveFile,
  fileTimestamp,
  restoreDatabase,
  type RestoreResult,
} from './backup'
export {
  autoBackupName,
  pruneBackups,
  startAutoBackup,
  type AutoBackupOptions,
  type BackupSource,
  type StopAutoBackup,
} from './auto-backup'
