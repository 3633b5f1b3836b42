import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ApiError } from '../../../common/api'
import type { BackupResult } from '../../../common/types'
import { SCHEMA_VERSION } from '../db/index'
import { checkArchiveHealth } from './health'
import { moveIntoPlace, refuseExisting, removeDatabaseFileSet, requireFolder, syncFile } from './files'
import { SqliteFile } from './sqlite-files'

/** File-name-safe UTC timestamp that sorts by time: 2026-11-27T13-20-05.123Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-')
}

/** What a restore did, so it can be undone (`previousCopy` is a complete archive file). */
export interface RestoreResult {
  archiveFile: string
  restoredFrom: string
  /** The archive as it was before the restore; null when there was nothing to keep. */
  previousCopy: string | null
  /** True when the archive was damaged: `previousCopy` is then the damaged file itself, moved aside untouched. */
  previousDamaged: boolean
  articleCount: number
  schemaVersion: number
}

interface ArchiveFileFacts {
  schemaVersion: number
  articleCount: number
}

/**
 * Copy the archive database at `sourceFile` into the new file `destination` with SQLite's online
 * backup: one consistent snapshot, even while the archive is being written by this or another
 * process. The copy is checked (integrity_check) and made a standalone single file before it
 * appears under its name; an existing file is never overwritten.
 */
export async function backupDatabase(sourceFile: string, destination: string): Promise<BackupResult> {
  await refuseExisting(destination)
  await requireFolder(dirname(destination), destination)
  const partial = join(dirname(destination), `.${basename(destination)}.${randomUUID()}.partial`)
  try {
    const source = await SqliteFile.open(sourceFile, 'read').catch((error: unknown) => {
      throw new ApiError('not-found', `cannot read the archive ${sourceFile}: ${messageOf(error)}`)
    })
    try {
      await source.copy('to', partial)
    } finally {
      await source.close()
    }
    // A copy is a copy: an archive from a newer Lectern is backed up too (restoring it needs that version).
    const facts = await checkArchiveFile(partial, destination, { allowNewer: true })
    await syncFile(partial)
    await moveIntoPlace(partial, destination)
    const { size } = await stat(destination)
    return {
      file: destination,
      bytes: size,
      schemaVersion: facts.schemaVersion,
      articleCount: facts.articleCount,
      createdAt: new Date().toISOString(),
    }
  } finally {
    await removeDatabaseFileSet(partial)
  }
}

/**
 * Replace the archive at `archiveFile` with the archive file `from`, after checking that `from`
 * is a sound Lectern archive this version can open. The replaced archive is first copied to
 * `<archive>.before-restore-<time>` beside it, so the restore can be undone by restoring that.
 * Refuses (ApiError 'conflict') while any other connection, e.g. another Lectern process, has
 * the archive open: the restore holds SQLite's exclusive lock from the check to the end.
 * A damaged archive (`damaged`, or found so by checkArchiveHealth) is never opened for writing:
 * it is moved aside whole, byte for byte as it was, to `<archive>.damaged-<time>`.
 */
export async function restoreDatabase(
  archiveFile: string,
  from: string,
  options: { damaged?: boolean } = {},
): Promise<RestoreResult> {
  const folder = dirname(archiveFile)
  await mkdir(folder, { recursive: true })
  const staged = join(folder, `.${basename(archiveFile)}.restore-${randomUUID()}.partial`)
  try {
    // Stage a snapshot of `from` (its -wal included, if it has one) and check that snapshot.
    const source = await SqliteFile.open(from, 'read').catch((error: unknown) => {
      throw new ApiError('not-found', `cannot read ${from}: ${messageOf(error)}`)
    })
    try {
      await source.copy('to', staged).catch((error: unknown) => {
        throw notAnArchive(from, messageOf(error))
      })
    } finally {
      await source.close()
    }
    await checkArchiveFile(staged, from)

    const damaged = options.damaged === true || (await isDamaged(archiveFile))
    if (damaged) {
      // Opening it to take the lock could write to it (a WAL checkpoint on close): it is moved instead.
      const previousCopy = await unusedSideName(archiveFile, 'damaged')
      await moveAside(archiveFile, previousCopy)
      try {
        const facts = await copyIntoNewFile(archiveFile, staged)
        return { archiveFile, restoredFrom: from, previousCopy, previousDamaged: true, ...facts }
      } catch (error) {
        // Never leave the folder without its archive: the damaged file goes back where it was.
        await removeDatabaseFileSet(archiveFile)
        await moveAside(previousCopy, archiveFile)
        throw error
      }
    }

    const hadContent = await hasContent(archiveFile)
    let previousCopy: string | null = null
    let previousDamaged = false
    let archive = await SqliteFile.open(archiveFile, 'create')
    try {
      const locked = await lockExclusively(archive)
      if (locked === 'not-a-database') {
        // So damaged that SQLite cannot even lock it (nobody can be using it): move it aside whole.
        await archive.close()
        previousCopy = await unusedSideName(archiveFile, 'damaged')
        previousDamaged = true
        await moveAside(archiveFile, previousCopy)
        archive = await SqliteFile.open(archiveFile, 'create')
        if ((await lockExclusively(archive)) !== 'locked')
          throw notAnArchive(archiveFile, 'it cannot be replaced')
      } else if (hadContent) {
        previousCopy = await unusedSideName(archiveFile, 'before-restore')
        await keepSideCopy(archive, previousCopy)
      }
      await archive.copy('from', staged)
      const facts = await readFacts(archive, archiveFile)
      return { archiveFile, restoredFrom: from, previousCopy, previousDamaged, ...facts }
    } finally {
      await archive.close()
    }
  } finally {
    await removeDatabaseFileSet(staged)
  }
}

/**
 * Check that `file` is a whole, undamaged Lectern archive that this version can open (or, with
 * `allowNewer`, one from a newer version), and make it a standalone file (rollback journal
 * instead of WAL). `label` names the file in errors.
 */
export async function checkArchiveFile(
  file: string,
  label: string,
  options: { allowNewer?: boolean } = {},
): Promise<ArchiveFileFacts> {
  let db: SqliteFile
  try {
    db = await SqliteFile.open(file, 'write')
  } catch (error) {
    throw notAnArchive(label, messageOf(error))
  }
  try {
    try {
      await db.exec('PRAGMA journal_mode = DELETE')
    } catch (error) {
      throw notAnArchive(label, messageOf(error))
    }
    const facts = await readFacts(db, label)
    if (facts.schemaVersion > SCHEMA_VERSION && !options.allowNewer) {
      throw new ApiError(
        'unsupported',
        `${label} was made by a newer version of Lectern (schema version ${facts.schemaVersion}; ` +
          `this version knows up to ${SCHEMA_VERSION}). Update Lectern to restore it.`,
      )
    }
    return facts
  } finally {
    await db.close()
  }
}

async function readFacts(db: SqliteFile, label: string): Promise<ArchiveFileFacts> {
  let problems: string[]
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check(20)')
    problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok')
  } catch (error) {
    throw notAnArchive(label, messageOf(error))
  }
  if (problems.length > 0) {
    throw new ApiError(
      'unsupported',
      `${label} is damaged (integrity check: ${problems.slice(0, 3).join('; ')})`,
    )
  }
  const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('articles', 'originals', 'tags')",
  )
  if (version < 1 || tables.length < 3) {
    throw notAnArchive(label, 'it has no Lectern tables or schema version')
  }
  const counted = await db.get<{ total: number }>('SELECT count(*) AS total FROM articles')
  return { schemaVersion: version, articleCount: counted?.total ?? 0 }
}

/** Fill the new file `archiveFile` with the checked copy `staged`. */
async function copyIntoNewFile(archiveFile: string, staged: string): Promise<ArchiveFileFacts> {
  const archive = await SqliteFile.open(archiveFile, 'create')
  try {
    if ((await lockExclusively(archive)) !== 'locked')
      throw notAnArchive(archiveFile, 'it cannot be replaced')
    await archive.copy('from', staged)
    return await readFacts(archive, archiveFile)
  } finally {
    await archive.close()
  }
}

/** Take SQLite's exclusive lock and keep it until the connection closes. */
async function lockExclusively(db: SqliteFile): Promise<'locked' | 'not-a-database'> {
  try {
    await db.exec('PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;')
    return 'locked'
  } catch (error) {
    const message = messageOf(error)
    if (/SQLITE_BUSY|locked/i.test(message)) {
      throw new ApiError(
        'conflict',
        `the archive ${db.file} is open in another Lectern process (the desktop app, ` +
          '`lectern serve` or an import); close it and try again',
      )
    }
    if (/SQLITE_NOTADB|SQLITE_CORRUPT/.test(message)) return 'not-a-database'
    throw error
  }
}

/** Rename a database file and its journal files to `target`, keeping them together. */
async function moveAside(file: string, target: string): Promise<void> {
  for (const suffix of ['', '-wal', '-journal']) {
    if (await exists(`${file}${suffix}`)) await rename(`${file}${suffix}`, `${target}${suffix}`)
  }
  await rm(`${file}-shm`, { force: true })
}

/** Judged by size, not by reading it: a damaged archive must still be kept aside. */
async function hasContent(file: string): Promise<boolean> {
  const sizes = await Promise.all(
    [file, `${file}-wal`].map((path) =>
      stat(path).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  )
  return sizes.some((size) => size > 0)
}

/** Whether the health check finds the archive damaged (a check that cannot run is left to the restore). */
async function isDamaged(archiveFile: string): Promise<boolean> {
  try {
    return !(await checkArchiveHealth(archiveFile)).ok
  } catch {
    return false
  }
}

/** `<archive>.before-restore-<time>` or `<archive>.damaged-<time>`, never the name of an existing file. */
async function unusedSideName(archiveFile: string, kind: 'before-restore' | 'damaged'): Promise<string> {
  let time = Date.now()
  const name = (): string => `${archiveFile}.${kind}-${fileTimestamp(new Date(time))}`
  while (await exists(name())) time += 1
  return name()
}

/**
 * Keep the archive as it is before replacing it, even if it is damaged (the usual reason to
 * restore): through SQLite when it can read it, else byte for byte (the exclusive lock is held,
 * so the file and its WAL are not changing).
 */
async function keepSideCopy(archive: SqliteFile, sideCopy: string): Promise<void> {
  try {
    await archive.copy('to', sideCopy)
    await makeStandalone(sideCopy)
  } catch {
    await removeDatabaseFileSet(sideCopy)
    await copyFile(archive.file, sideCopy, constants.COPYFILE_EXCL)
    if (await exists(`${archive.file}-wal`)) await copyFile(`${archive.file}-wal`, `${sideCopy}-wal`)
    await syncFile(sideCopy)
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}

/** A copy made from a WAL database is marked WAL; turn it into one self-contained file. */
async function makeStandalone(file: string): Promise<void> {
  const db = await SqliteFile.open(file, 'write')
  try {
    await db.exec('PRAGMA journal_mode = DELETE')
  } finally {
    await db.close()
  }
  await syncFile(file)
}

function notAnArchive(label: string, cause: string): ApiError {
  return new ApiError('unsupported', `${label} is not a Lectern archive (${cause})`)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
