/**
 * Is the archive file whole? Checked when an archive is opened, before anything is written to it, so
 * a damaged file (a bad sector, a sync tool that copied it mid-write, a file cut short) is reported in
 * plain words and left as it is for a restore. The check stays cheap at any size: the file's header
 * and length, the schema, the small tables in full, and both ends of every large table; damage deep
 * inside a large table is found when a read reaches it (SQLite reports it then, see dispatch.ts).
 */
import { open, stat } from 'node:fs/promises'
import { SqliteFile } from './sqlite-files'

/** Tables that grow with the archive: only their first and last rows are read at open. */
const LARGE_TABLES = new Set([
  'articles',
  'originals',
  'article_tags',
  'article_fingerprints',
  'article_fingerprint_bands',
  'search_words',
])

const HEADER_BYTES = 100
const SQLITE_MAGIC = 'SQLite format 3\u0000'

export type ArchiveHealth = { ok: true } | { ok: false; problem: string }

/** Whether the archive file at `file` can be opened safely; a missing or empty file is a new archive. */
export async function checkArchiveHealth(file: string): Promise<ArchiveHealth> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch {
    return { ok: true }
  }
  if (size === 0) return { ok: true }
  const header = await readHeader(file)
  const layout = checkLayout(header, size, await walSize(file))
  if (layout) return { ok: false, problem: layout }
  let db: SqliteFile
  try {
    db = await SqliteFile.open(file, 'read')
  } catch (error) {
    return { ok: false, problem: plainSqliteProblem(error) }
  }
  try {
    const tables = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    for (const { name } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`
      if (LARGE_TABLES.has(name)) {
        await db.all(`SELECT * FROM ${quoted} ORDER BY rowid LIMIT 1`)
        await db.all(`SELECT * FROM ${quoted} ORDER BY rowid DESC LIMIT 1`)
        continue
      }
      const rows = await db.all<{ quick_check: string }>(`PRAGMA quick_check(${quoted})`)
      const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
      if (problems.length > 0)
        return { ok: false, problem: `the table ${name} is damaged (${problems.slice(0, 2).join('; ')})` }
    }
    return { ok: true }
  } catch (error) {
    return { ok: false, problem: plainSqliteProblem(error) }
  } finally {
    await db.close()
  }
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
export function checkLayout(header: Buffer, size: number, walBytes: number): string | null {
  if (header.length < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    return 'it is not an SQLite database any more (its first bytes were overwritten or it is another file)'
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    return 'its header is damaged (an impossible page size)'
  if (size % pageSize !== 0) return 'it was cut short (its length is not a whole number of pages)'
  // The page count in the header is valid when its "version valid for" matches the change counter.
  const pageCount = header.readUInt32BE(28)
  const countIsValid = header.readUInt32BE(92) === header.readUInt32BE(24)
  if (countIsValid && walBytes === 0 && size < pageCount * pageSize)
    return `it was cut short (${size / pageSize} of its ${pageCount} pages are there)`
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
