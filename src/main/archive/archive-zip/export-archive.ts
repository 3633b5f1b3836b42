import { randomUUID } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { moveIntoPlace, refuseExisting, requireFolder, syncFile } from '../backup/files'
import { SqliteFile } from '../backup/sqlite-files'
import {
  DERIVED_TABLES,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MANIFEST_ENTRY,
  SEPARATE_COLUMNS,
  USER_TABLES,
  articleEntry,
  originalEntry,
  tableEntry,
  type ExportManifest,
  type ExportSummary,
  type Row,
  type TableSpec,
} from './format'
import { ZipFileWriter } from './zip-stream'

const ARTICLE_PAGE = 100

/**
 * Write the whole archive at `databaseFile` to the new zip file `file` (see format.ts). Reads
 * one snapshot through a connection of its own, so the archive stays usable meanwhile and the
 * export is consistent. The zip appears under its name only when complete.
 */
export async function exportArchive(options: {
  databaseFile: string
  file: string
  appVersion: string
}): Promise<ExportSummary> {
  const { file } = options
  await refuseExisting(file)
  await requireFolder(dirname(file), file)
  const partial = join(dirname(file), `.${basename(file)}.${randomUUID()}.partial`)
  const db = await SqliteFile.open(options.databaseFile, 'read')
  try {
    await db.exec('BEGIN')
    const tables = await exportedTables(db)
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      appVersion: options.appVersion,
      schemaVersion: (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0,
      tables: [],
    }
    for (const table of tables) {
      const counted = await db.get<{ total: number }>(`SELECT count(*) AS total FROM "${table.name}"`)
      manifest.tables.push({ name: table.name, rows: counted?.total ?? 0 })
    }

    const handle = await open(partial, 'wx')
    try {
      const zip = new ZipFileWriter(handle)
      await zip.add(MANIFEST_ENTRY, json(manifest))
      await zip.add(tableEntry('originals'), json(await tableRows(db, 'originals')))
      const written = new Set<string>()
      const writeOriginal = async (sha256: string): Promise<void> => {
        if (written.has(sha256)) return
        const row = await db.get<{ bytes: Buffer }>('SELECT bytes FROM originals WHERE sha256 = ?', [sha256])
        if (!row) throw new Error(`the archive is missing the original ${sha256}`)
        await zip.add(originalEntry(sha256), row.bytes, isCompressed(row.bytes) ? 0 : 6)
        written.add(sha256)
      }
      const articleColumns = await exportedColumns(db, 'articles')
      for (let after = 0; ;) {
        const rows = await db.all<Row>(
          `SELECT ${articleColumns} FROM articles WHERE id > ? ORDER BY id LIMIT ${ARTICLE_PAGE}`,
          [after],
        )
        for (const row of rows) {
          await writeOriginal(String(row.original_sha256))
          await zip.add(articleEntry(Number(row.id)), json(checkedRow('articles', row)))
        }
        if (rows.length < ARTICLE_PAGE) break
        after = Number(rows[rows.length - 1]?.id)
      }
      // Originals no article refers to any more are kept too: nothing imported is lost.
      for (const { sha256 } of await db.all<{ sha256: string }>(
        'SELECT sha256 FROM originals ORDER BY sha256',
      )) {
        await writeOriginal(sha256)
      }
      for (const table of tables) {
        if (table.name === 'originals' || table.name === 'articles') continue
        await zip.add(tableEntry(table.name), json(await tableRows(db, table.name)))
      }
      await zip.finish()
    } finally {
      await handle.close()
    }
    await db.exec('COMMIT')
    await syncFile(partial)
    await moveIntoPlace(partial, file)
    const rowsOf = (name: string): number => manifest.tables.find((table) => table.name === name)?.rows ?? 0
    return {
      file,
      articles: rowsOf('articles'),
      originals: rowsOf('originals'),
      tags: rowsOf('tags'),
      tables: Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows])),
    }
  } finally {
    await db.close()
    await rm(partial, { force: true })
  }
}

/** The user tables present in this archive; refuses a table that is neither user data nor derived. */
async function exportedTables(db: SqliteFile): Promise<TableSpec[]> {
  const names = (await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")).map(
    (row) => row.name,
  )
  const unknown = names.filter(
    (name) =>
      !USER_TABLES.some((table) => table.name === name) && !DERIVED_TABLES.some((re) => re.test(name)),
  )
  if (unknown.length > 0) {
    throw new Error(
      `the archive has tables the export does not know (${unknown.join(', ')}); ` +
        'add them to USER_TABLES or DERIVED_TABLES in export/format.ts',
    )
  }
  return USER_TABLES.filter((table) => names.includes(table.name))
}

async function exportedColumns(db: SqliteFile, table: string): Promise<string> {
  const separate = SEPARATE_COLUMNS[table] ?? []
  const columns = await db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table])
  return columns
    .map((column) => column.name)
    .filter((name) => !separate.includes(name))
    .map((name) => `"${name}"`)
    .join(', ')
}

async function tableRows(db: SqliteFile, table: string): Promise<Row[]> {
  // Table scans come in key order (rowid or the WITHOUT ROWID primary key), so exports are stable.
  const rows = await db.all<Row>(`SELECT ${await exportedColumns(db, table)} FROM "${table}"`)
  return rows.map((row) => checkedRow(table, row))
}

/** JSON cannot carry bytes; a blob outside SEPARATE_COLUMNS would be lost, so refuse it. */
function checkedRow(table: string, row: Row): Row {
  for (const [column, value] of Object.entries(row)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${table}.${column} holds binary data the export cannot carry as JSON`)
    }
  }
  return row
}

function json(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value), 'utf8')
}

/** PDF, zip, gzip, images: deflating them again costs time and saves nothing. */
function isCompressed(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4).toString('latin1')
  return (
    head.startsWith('%PDF') ||
    head.startsWith('PK') ||
    head.startsWith('\x1f\x8b') ||
    head.startsWith('\x89PNG')
  )
}
