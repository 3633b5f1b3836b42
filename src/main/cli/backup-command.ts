import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Archive,
  backupDatabase,
  backupsDir,
  checkArchiveHealth,
  DamagedArchiveError,
  DATABASE_FILE,
  restoreDatabase,
  restoreLatestBackup,
  type RestoreResult,
} from '../archive/index'
import { EXIT_OK, UsageError, resolvePath, writeJson, writeLine, type CliIo } from './context'
import { NoArchiveError } from './errors'

function oneFile(positionals: string[], command: string, what: string): string {
  if (positionals.length !== 1) throw new UsageError(`give exactly one ${what}`, command)
  return positionals[0] as string
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function articles(count: number): string {
  return counted(count, 'article')
}

/**
 * `lectern backup FILE`: a consistent copy of the archive, even while the app is using it. The
 * archive file is copied as it is, without opening it as an Archive first, so an archive is
 * backed up before any schema upgrade this version would apply (and even one from a newer version).
 */
export async function runBackup(
  io: CliIo,
  archiveDir: string,
  options: { positionals: string[]; json: boolean },
): Promise<number> {
  const file = resolvePath(io, oneFile(options.positionals, 'backup', 'file to write the backup to'))
  const archiveFile = join(archiveDir, DATABASE_FILE)
  if (!existsSync(archiveFile)) throw new NoArchiveError(archiveDir)
  const health = await checkArchiveHealth(archiveFile)
  if (!health.ok) throw new DamagedArchiveError(archiveFile, health)
  const result = await backupDatabase(archiveFile, file)
  if (options.json) writeJson(io.stdout, result)
  else
    writeLine(
      io.stdout,
      `Backed up ${articles(result.articleCount)} to ${result.file} (${megabytes(result.bytes)})`,
    )
  return EXIT_OK
}

/**
 * `lectern restore FILE` or `lectern restore --latest` (the newest automatic backup that passes the
 * check): replace the archive with a backup. Works on the archive file itself (never opens it as an
 * Archive, which would hold it open); refuses while another process has it open.
 */
export async function runRestore(
  io: CliIo,
  archiveDir: string,
  options: { positionals: string[]; latest: boolean; json: boolean },
): Promise<number> {
  const archiveFile = join(archiveDir, DATABASE_FILE)
  let result: RestoreResult
  let backupTime: string | null = null
  if (options.latest) {
    if (options.positionals.length > 0)
      throw new UsageError('give a backup file or --latest, not both', 'restore')
    const latest = await restoreLatestBackup(archiveFile, backupsDir(archiveDir))
    result = latest
    backupTime = latest.backup.createdAt
  } else {
    const from = resolvePath(
      io,
      oneFile(options.positionals, 'restore', 'backup file to restore (or --latest)'),
    )
    result = await restoreDatabase(archiveFile, from)
  }
  if (options.json) {
    writeJson(io.stdout, result)
    return EXIT_OK
  }
  const made = backupTime === null ? '' : ` (the backup of ${backupTime.slice(0, 16).replace('T', ' ')} UTC)`
  writeLine(
    io.stdout,
    `Restored ${articles(result.articleCount)} from ${result.restoredFrom}${made} into ${archiveDir}`,
  )
  if (result.previousCopy && result.previousDamaged) {
    writeLine(io.stdout, `The damaged archive is kept as it was in ${result.previousCopy}`)
  } else if (result.previousCopy) {
    writeLine(io.stdout, `The archive as it was is kept in ${result.previousCopy}`)
    writeLine(io.stdout, `To undo: lectern restore "${result.previousCopy}" --archive "${archiveDir}"`)
  }
  return EXIT_OK
}

/** `lectern export FILE.zip`: everything in the archive, originals included, as one zip. */
export async function runExport(
  io: CliIo,
  archive: Archive,
  options: { positionals: string[]; json: boolean },
): Promise<number> {
  const file = resolvePath(io, oneFile(options.positionals, 'export', 'zip file to write'))
  const summary = await archive.exportArchive({ file })
  if (options.json) writeJson(io.stdout, summary)
  else
    writeLine(
      io.stdout,
      `Exported ${articles(summary.articles)}, ${counted(summary.originals, 'original file')} and ${counted(summary.tags, 'tag')} to ${summary.file}`,
    )
  return EXIT_OK
}

/** `lectern import-archive FILE.zip [--merge]`: load an export, all or nothing. */
export async function runImportArchive(
  io: CliIo,
  archive: Archive,
  options: { positionals: string[]; merge: boolean; json: boolean },
): Promise<number> {
  const file = resolvePath(io, oneFile(options.positionals, 'import-archive', 'export zip file'))
  const summary = await archive.importArchive({ file, merge: options.merge })
  if (options.json) {
    writeJson(io.stdout, summary)
    return EXIT_OK
  }
  const added = summary.articles - summary.duplicates
  writeLine(
    io.stdout,
    `Imported ${articles(added)} and ${counted(summary.tags, 'tag')} from ${summary.file}` +
      (summary.duplicates > 0 ? ` (${summary.duplicates} already in the archive, merged)` : ''),
  )
  return EXIT_OK
}
