import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupResult } from '../../../common/types'
import { fileTimestamp } from './backup'
import { removeDatabaseFileSet } from './files'

/** Anything that can write a consistent copy of the archive to a new file (an `Archive`). */
export interface BackupSource {
  backupArchive(args: { file: string }): Promise<BackupResult>
}

export interface AutoBackupOptions {
  /** Folder that holds the automatic backups (created when missing). Nothing else should live there. */
  dir: string
  /** How many automatic backups to keep; older ones are deleted after each new one. At least 1. */
  keep: number
  /** Time between backups. */
  intervalMs: number
  /** Told about each backup, or about why one failed (the service keeps running). */
  onBackup?: (result: BackupResult) => void
  onError?: (error: unknown) => void
}

/** Stops the timer and waits for a backup in progress; safe to call twice. */
export type StopAutoBackup = () => Promise<void>

const NAME_PREFIX = 'lectern-'
const NAME_SUFFIX = '.sqlite'
const BACKUP_NAME = /^lectern-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.sqlite$/

/** `lectern-2026-11-27T13-20-05.123Z.sqlite`: names sort in time order. */
export function autoBackupName(date: Date): string {
  return `${NAME_PREFIX}${fileTimestamp(date)}${NAME_SUFFIX}`
}

/**
 * Rotating automatic backups, one every `intervalMs` (the first as soon as the newest backup in
 * `dir` is that old, i.e. right away for a new folder); keeps the newest `keep` files named like
 * `autoBackupName` in `dir` and never touches other files there. Backups never overlap: the next
 * one is scheduled when the previous one has finished.
 */
export function startAutoBackup(source: BackupSource, options: AutoBackupOptions): StopAutoBackup {
  if (!Number.isInteger(options.keep) || options.keep < 1)
    throw new Error('keep must be a whole number of at least 1')
  if (!(options.intervalMs >= 1_000)) throw new Error('intervalMs must be at least 1000')
  const onError = options.onError ?? ((error) => console.error('lectern: automatic backup failed:', error))
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false

  const schedule = (delayMs: number): void => {
    if (stopped) return
    timer = setTimeout(run, delayMs)
    // A pending backup must not keep a CLI or test process alive.
    timer.unref()
  }
  const run = (): void => {
    timer = null
    running = backupAndPrune(source, options)
      .then((result) => options.onBackup?.(result))
      .catch(onError)
      .finally(() => {
        running = null
        schedule(options.intervalMs)
      })
  }

  // Restarting the app often must not mean a backup on every start: wait out the interval
  // since the newest backup already there.
  running = newestBackupTime(options.dir)
    .then((newest) => schedule(newest === null ? 0 : Math.max(0, newest + options.intervalMs - Date.now())))
    .catch((error: unknown) => {
      onError(error)
      schedule(0)
    })
    .finally(() => {
      running = null
    })

  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
    await running
  }
}

/** The automatic backups in `dir` (none when it does not exist), newest first, with the time of each. */
export async function listAutoBackups(dir: string): Promise<{ file: string; time: number }[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .flatMap((name) => {
      const stamp = name.slice(NAME_PREFIX.length, -NAME_SUFFIX.length)
      const time = Date.parse(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'))
      return Number.isNaN(time) ? [] : [{ file: join(dir, name), time }]
    })
}

/** When the newest automatic backup in `dir` was made (from its name), or null if none. */
async function newestBackupTime(dir: string): Promise<number | null> {
  const newest = (await listAutoBackups(dir))[0]
  // A name from the future (a clock that was wrong) must not stop backups.
  return newest === undefined || newest.time > Date.now() ? null : newest.time
}

async function backupAndPrune(source: BackupSource, options: AutoBackupOptions): Promise<BackupResult> {
  await mkdir(options.dir, { recursive: true })
  let date = new Date()
  const existing = new Set(await readdir(options.dir))
  // Two backups within the same millisecond (fast timers in tests) still get distinct names.
  while (existing.has(autoBackupName(date))) date = new Date(date.getTime() + 1)
  const result = await source.backupArchive({ file: join(options.dir, autoBackupName(date)) })
  await pruneBackups(options.dir, options.keep)
  return result
}

/** Delete all but the newest `keep` automatic backups in `dir`; returns the names deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const backups = (await readdir(dir)).filter((name) => BACKUP_NAME.test(name)).sort()
  const old = backups.slice(0, Math.max(0, backups.length - keep))
  for (const name of old) await removeDatabaseFileSet(join(dir, name))
  return old
}
