/**
 * Real archive files, damaged the ways disks and sync tools damage them, for the unit and e2e tests
 * of a damaged archive. Each helper changes the file in place and knows nothing of Lectern's code.
 */
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'

/** Run SQL on a database file with a connection of its own (read only unless `write`). */
export function queryFile<Row>(file: string, sql: string, write = false): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const mode = write ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READONLY
    const db = new sqlite3.Database(file, mode, (openError) => {
      if (openError) return reject(openError)
      db.all<Row>(sql, (error: Error | null, rows: Row[]) =>
        db.close(() => (error ? reject(error) : resolve(rows))),
      )
    })
  })
}

/** SQLite's whole integrity_check of a file, 'ok' when sound (or the error it gives). */
export async function integrityOf(file: string): Promise<string> {
  try {
    const rows = await queryFile<{ integrity_check: string }>(file, 'PRAGMA integrity_check')
    return rows.map((row) => row.integrity_check).join('; ')
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export async function pageSizeOf(file: string): Promise<number> {
  const header = await readFile(file)
  const raw = header.readUInt16BE(16)
  return raw === 1 ? 65_536 : raw
}

/** A file cut short: only its first `fraction` of pages (plus half a page) are left. */
export async function cutShort(file: string, fraction: number): Promise<void> {
  const bytes = await readFile(file)
  const pageSize = await pageSizeOf(file)
  const pages = Math.max(1, Math.floor((bytes.length / pageSize) * fraction))
  await truncate(file, pages * pageSize + pageSize / 2)
}

/** `count` whole pages from page number `first` (1-based) overwritten with one byte value, as bit rot would. */
export async function overwritePages(
  file: string,
  first: number,
  count: number,
  value = 0x5a,
): Promise<void> {
  const bytes = await readFile(file)
  const pageSize = await pageSizeOf(file)
  bytes.fill(value, (first - 1) * pageSize, Math.min(bytes.length, (first - 1 + count) * pageSize))
  await writeFile(file, bytes)
}

/** The first 100 bytes (SQLite's header) replaced with text, as when another program writes over the file. */
export async function garbleHeader(file: string): Promise<void> {
  const bytes = await readFile(file)
  bytes.write('This is not a database: a sync tool wrote a conflict note here.'.padEnd(100, '.'), 0, 'latin1')
  await writeFile(file, bytes)
}

/** The pages of one table or index (from SQLite's dbstat), by kind: 'leaf', 'internal' or 'overflow'. */
export async function pagesOf(
  file: string,
  name: string,
  kind: 'leaf' | 'internal' | 'overflow',
): Promise<number[]> {
  const rows = await queryFile<{ pageno: number }>(
    file,
    `SELECT pageno FROM dbstat WHERE name = '${name.replace(/'/g, "''")}' AND pagetype = '${kind}' ORDER BY pageno`,
  )
  return rows.map((row) => row.pageno)
}

/**
 * What a sync tool copies while the archive is being written: it reads the file front to back, and a
 * checkpoint moves pages from the WAL into the file between its reads. `between` does that writing
 * (an import, then a checkpoint); the copy holds the file's first `fraction` as it was before and the
 * rest as it is after, and no -wal file. Written to `folder`/lectern.sqlite.
 */
export async function tornCopy(
  file: string,
  folder: string,
  fraction: number,
  between: () => Promise<void>,
): Promise<string> {
  const before = await readFile(file)
  const pageSize = await pageSizeOf(file)
  const split = Math.floor((before.length / pageSize) * fraction) * pageSize
  await between()
  const after = await readFile(file)
  await mkdir(folder, { recursive: true })
  const copy = join(folder, 'lectern.sqlite')
  await writeFile(copy, Buffer.concat([before.subarray(0, split), after.subarray(split)]))
  return copy
}
