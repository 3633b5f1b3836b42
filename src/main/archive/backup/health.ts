/**
 * Is the archive file whole? Checked when an archive is opened, before anything is written to it, so
 * a damaged file (a bad sector, a sync tool that copied it mid-write, a file cut short) is reported in
 * plain words and left as it is for a restore. Nothing here writes to the file.
 *
 * The check stays cheap at any size. A file up to `fullCheckBytes` gets SQLite's whole quick_check;
 * a larger one gets its header and length, the schema, the small tables in full, and in every large
 * table its first and last rows (each read walks the table's tree from its root to a leaf, and the
 * row's overflow pages; the last rows are where new ones are written). Every read is a page the disk
 * may have to seek to: rows spread across the large tables as well (32 a table) made the first open
 * of a million-item archive take 9 s on a busy disk, and each catches damage to one leaf in
 * thousands. Damage elsewhere inside a large table is found when a read reaches it: SQLite reports
 * it then (see dispatch.ts), and the hosts stop using the file (recoverable.ts).
 */
import { open, stat } from 'node:fs/promises'
import type { DamageCause } from '../../../common/types'
import { SqliteFile } from './sqlite-files'

/** Up to this size (the file and its WAL), SQLite's whole quick_check: about 0.16 s per 100 MB here. */
export const FULL_CHECK_BYTES = 128 * 1024 * 1024

/** Tables that stay small however many items the archive holds: checked in full at any size. */
const SMALL_TABLES = new Set([
  'sqlite_schema',
  'sqlite_sequence',
  'sqlite_stat1',
  'sqlite_stat4',
  'tags',
  'collections',
  'saved_searches',
  'citation_lists',
  'articles_fts_config',
  'article_count',
  'tag_counts',
])

const HEADER_BYTES = 100
const SQLITE_MAGIC = 'SQLite format 3\u0000'

/** What is wrong with a damaged file: a cause for people's words in any language, and the detail. */
export interface ArchiveDamage {
  cause: DamageCause
  problem: string
}

export type ArchiveHealth = { ok: true } | ({ ok: false } & ArchiveDamage)

export interface HealthCheckOptions {
  /** Files up to this size get the whole quick_check; larger ones the sampled check. */
  fullCheckBytes?: number
}

/**
 * Whether the archive file at `file` can be opened safely; a missing or empty file is a new archive.
 * Damage is the answer; anything else that stops the check (no permission to read, a lock held by
 * a restore) is thrown as it is.
 */
export async function checkArchiveHealth(
  file: string,
  options: HealthCheckOptions = {},
): Promise<ArchiveHealth> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true }
    throw error
  }
  if (size === 0) return { ok: true }
  const walBytes = await walSize(file)
  const layout = checkLayout(await readHeader(file), size, walBytes)
  if (layout) return { ok: false, ...layout }
  let db: SqliteFile | null = null
  try {
    db = await SqliteFile.open(file, 'read')
    // Another process (the app, an import) may be writing: a WAL reader waits out a checkpoint's lock.
    await db.exec('PRAGMA busy_timeout = 5000')
    if (size + walBytes <= (options.fullCheckBytes ?? FULL_CHECK_BYTES)) {
      const problems = await quickCheck(db, null)
      return problems === ''
        ? { ok: true }
        : { ok: false, cause: 'malformed', problem: `SQLite's check finds it damaged: ${problems}` }
    }
    return await sampledCheck(db)
  } catch (error) {
    const damage = damageOf(error)
    if (damage) return { ok: false, ...damage }
    throw error
  } finally {
    await db?.close()
  }
}

async function sampledCheck(db: SqliteFile): Promise<ArchiveHealth> {
  const tables = await db.all<{ name: string; sql: string | null }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name",
  )
  for (const { name, sql } of [{ name: 'sqlite_schema', sql: null }, ...tables]) {
    // A virtual table keeps its rows in shadow tables, which are checked as tables of their own.
    if (sql !== null && /^CREATE\s+VIRTUAL/i.test(sql)) continue
    if (SMALL_TABLES.has(name)) {
      const problems = await quickCheck(db, name)
      if (problems !== '')
        return { ok: false, cause: 'malformed', problem: `the table ${name} is damaged: ${problems}` }
      continue
    }
    await readAcross(db, name, sql ?? '')
  }
  return { ok: true }
}

/** Read the first and last rows of a large table, whole (blobs only by length). */
async function readAcross(db: SqliteFile, name: string, sql: string): Promise<void> {
  const table = quoteName(name)
  const columns = await db.all<{ name: string; type: string; pk: number }>(
    `SELECT name, type, pk FROM pragma_table_info(?)`,
    [name],
  )
  // A stored original may be a 200 MB blob: its length is read, not its bytes.
  const selected = columns
    .map((column) =>
      /BLOB/i.test(column.type) ? `length(${quoteName(column.name)})` : quoteName(column.name),
    )
    .join(', ')
  // A WITHOUT ROWID table is ordered by its primary key.
  const key = /WITHOUT\s+ROWID\s*$/i.test(sql)
    ? columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => quoteName(column.name))
    : ['rowid']
  const order = (direction: 'ASC' | 'DESC') => key.map((column) => `${column} ${direction}`).join(', ')
  await db.all(`SELECT ${selected} FROM ${table} ORDER BY ${order('ASC')} LIMIT 1`)
  await db.all(`SELECT ${selected} FROM ${table} ORDER BY ${order('DESC')} LIMIT 1`)
}

/** SQLite's quick_check of one table (or of everything, `table` null): '' when it is sound. */
async function quickCheck(db: SqliteFile, table: string | null): Promise<string> {
  const rows = await db.all<{ quick_check: string }>(
    table === null ? 'PRAGMA quick_check(5)' : `PRAGMA quick_check(${quoteName(table)})`,
  )
  return rows
    .map((row) => row.quick_check)
    .filter((line) => line !== 'ok')
    .slice(0, 2)
    .join('; ')
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

async function readHeader(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(HEADER_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function walSize(file: string): Promise<number> {
  try {
    return (await stat(`${file}-wal`)).size
  } catch {
    return 0
  }
}

/** What is wrong with the file's header or length, or null. */
export function checkLayout(header: Buffer, size: number, walBytes: number): ArchiveDamage | null {
  if (header.length < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    return {
      cause: 'not-a-database',
      problem:
        'it is not an SQLite database any more: its first bytes were overwritten, or it is another file',
    }
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    return { cause: 'malformed', problem: 'its header is damaged: it gives an impossible page size' }
  if (size % pageSize !== 0)
    return { cause: 'cut-short', problem: 'it was cut short: its length is not a whole number of pages' }
  // The page count in the header is valid when its "version valid for" matches the change counter.
  const pageCount = header.readUInt32BE(28)
  const countIsValid = header.readUInt32BE(92) === header.readUInt32BE(24)
  if (countIsValid && walBytes === 0 && size < pageCount * pageSize)
    return {
      cause: 'cut-short',
      problem: `it was cut short: ${size / pageSize} of its ${pageCount} pages are there`,
    }
  return null
}

/** SQLite's report of a damaged file, or null for any other failure (permissions, locks...). */
export function damageOf(error: unknown): ArchiveDamage | null {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_NOTADB') return { cause: 'not-a-database', problem: plainSqliteProblem(error) }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_FORMAT')
    return { cause: 'malformed', problem: plainSqliteProblem(error) }
  if (code === 'SQLITE_IOERR') return { cause: 'unreadable', problem: plainSqliteProblem(error) }
  return null
}

/** SQLite's errors about a broken file, in plain words. */
export function plainSqliteProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/SQLITE_NOTADB/.test(message)) return 'it is not an SQLite database any more'
  if (/SQLITE_CORRUPT|malformed/i.test(message)) return 'SQLite reports it as malformed'
  if (/SQLITE_IOERR/.test(message)) return 'it cannot be read (a disk or file system error)'
  return message.replace(/^SQLITE_\w+: /, '')
}
