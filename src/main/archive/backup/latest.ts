/**
 * The way back from a damaged archive: the newest automatic backup (auto-backup.ts) that passes the
 * check, restored in its place, with the damaged file kept beside it as it was.
 */
import { basename, join } from 'node:path'
import { ApiError } from '../../../common/api'
import type { BackupSummary } from '../../../common/types'
import { SCHEMA_VERSION } from '../db/index'
import { listAutoBackups } from './auto-backup'
import { restoreDatabase, type RestoreResult } from './backup'
import { checkArchiveHealth } from './health'
import { SqliteFile } from './sqlite-files'

/** The folder of the automatic backups, inside the archive folder. */
export const BACKUPS_FOLDER = 'backups'

export function backupsDir(archiveDir: string): string {
  return join(archiveDir, BACKUPS_FOLDER)
}

/**
 * The newest automatic backup in `dir` that passes the health check and that this version can open,
 * or null. Read only: nothing in `dir` is changed.
 */
export async function findLatestGoodBackup(dir: string): Promise<BackupSummary | null> {
  for (const candidate of await listAutoBackups(dir)) {
    const verdict = await judgeBackup(candidate.file)
    if ('articleCount' in verdict)
      return { file: candidate.file, createdAt: new Date(candidate.time).toISOString(), ...verdict }
  }
  return null
}

export interface LatestRestore extends RestoreResult {
  backup: BackupSummary
}

/**
 * Restore the newest automatic backup in `dir` that passes the check (restoreDatabase checks it whole
 * once more) over `archiveFile`. A backup that fails is passed over for the next newest. Throws
 * ApiError 'unsupported' naming the folder when no backup will do.
 */
export async function restoreLatestBackup(
  archiveFile: string,
  dir: string,
  options: { damaged?: boolean } = {},
): Promise<LatestRestore> {
  const passedOver: string[] = []
  for (const candidate of await listAutoBackups(dir)) {
    const verdict = await judgeBackup(candidate.file)
    if (!('articleCount' in verdict)) {
      passedOver.push(`${basename(candidate.file)} ${verdict.problem}`)
      continue
    }
    try {
      const result = await restoreDatabase(archiveFile, candidate.file, options)
      const createdAt = new Date(candidate.time).toISOString()
      return { ...result, backup: { file: candidate.file, createdAt, articleCount: result.articleCount } }
    } catch (error) {
      // The whole check found what the quick one did not: try the next one.
      if (!(error instanceof ApiError) || error.code !== 'unsupported') throw error
      passedOver.push(error.message)
    }
  }
  throw new ApiError(
    'unsupported',
    passedOver.length === 0
      ? `there is no automatic backup in ${dir} to restore`
      : `no automatic backup in ${dir} passes the check (${passedOver.slice(0, 3).join('; ')})`,
  )
}

async function judgeBackup(file: string): Promise<{ articleCount: number } | { problem: string }> {
  try {
    const health = await checkArchiveHealth(file)
    if (!health.ok) return { problem: `is damaged: ${health.problem}` }
    const db = await SqliteFile.open(file, 'read')
    try {
      const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0
      if (version < 1) return { problem: 'is not a Lectern archive' }
      if (version > SCHEMA_VERSION) return { problem: 'was made by a newer version of Lectern' }
      const counted = await db.get<{ total: number }>('SELECT count(*) AS total FROM articles')
      return { articleCount: counted?.total ?? 0 }
    } finally {
      await db.close()
    }
  } catch (error) {
    return { problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` }
  }
}
