export { exportArchive } from './export-archive'
export { importArchiveZip } from './import-archive'
export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportSummary, type ImportArchiveSummary } from './format'
