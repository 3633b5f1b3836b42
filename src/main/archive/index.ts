/**
 * The engine's facade: everything the transports (the CLI, the browser host, the Electron shell) may
 * use of the engine. They import from here only (a lint rule keeps them out of the rooms behind it).
 */
export { Archive, type ArchiveOptions } from './api'
export { asApiError, callApi, toErrorShape } from './dispatch'
export { APP_NAME, DATABASE_FILE, defaultArchiveDir, userDataDir } from './paths'
export {
  backupDatabase,
  restoreDatabase,
  startAutoBackup,
  type RestoreResult,
  type StopAutoBackup,
} from './backup/index'
export { checkArchiveHealth } from './backup/health'
export { backupsDir, findLatestGoodBackup, restoreLatestBackup } from './backup/latest'
export { DamagedArchiveError } from './damage'
export { openRecoverableArchive, type RecoverableArchive } from './recoverable'
export { ExtractError, extractDocument } from './extract/index'
export { describeFileError, IMPORTABLE_EXTENSIONS } from './import/walk'
export { CITE_FORMATS, CITE_LOCALES, CiteError, importReferences } from './citations/index'
export {
  CitationFormatter,
  DEFAULT_CITE_LOCALE,
  DEFAULT_CITE_STYLE,
  USER_STYLES_FOLDER,
} from './citations/lists/index'
