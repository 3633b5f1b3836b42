import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { ApiError } from '../../../common/api'
import type { Database } from '../db/database'
import { SCHEMA_VERSION } from '../db/index'
import { MAX_IMPORT_BYTES } from '../import/importer'
import { flushSearchIndex } from '../search/indexer'
import {
  ARTICLE_PREFIX,
  EXPORT_FORMAT_VERSION,
  MANIFEST_ENTRY,
  ORIGINAL_PREFIX,
  TABLE_PREFIX,
  USER_TABLES,
  articleRowSchema,
  manifestSchema,
  originalRowSchema,
  rowsSchema,
  type ExportManifest,
  type ImportArchiveSummary,
  type Row,
  type RowValue,
  type TableSpec,
} from './format'
import { readZipEntries, type ZipEntry } from './zip-stream'

/** No entry of an export is larger than the biggest importable file, except whole-table JSON. */
const MAX_ENTRY_BYTES = Math.max(MAX_IMPORT_BYTES + 1024, 1024 * 1024 * 1024)

/**
 * Load a Lectern export (see format.ts) into the archive, all or nothing (one transaction).
 * Without `merge` the archive must be empty, and every row keeps its id. With `merge`, an
 * article whose original is already in the archive is not added again (its tags and list
 * memberships are merged), and tags, lists and saved searches with the same name are merged.
 */
export async function importArchiveZip(
  db: Database,
  options: { file: string; merge: boolean },
): Promise<ImportArchiveSummary> {
  const { file } = options
  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    throw new ApiError('not-found', `cannot read ${file}: ${messageOf(error)}`)
  }
  try {
    return await db.transaction(async () => {
      const loader = new ExportLoader(db, options)
      if (!options.merge) await loader.requireEmptyArchive()
      try {
        await readZipEntries(handle, MAX_ENTRY_BYTES, (entry) => loader.load(entry))
      } catch (error) {
        if (error instanceof ApiError) throw error
        throw new ApiError('unsupported', `${file} is not a readable Lectern export (${messageOf(error)})`)
      }
      const summary = loader.finish()
      // The search index is part of the all-or-nothing import too.
      await flushSearchIndex(db)
      return summary
    })
  } finally {
    await handle.close()
  }
}

class ExportLoader {
  private manifest: ExportManifest | null = null
  private originals = new Map<string, Row>()
  private readonly storedOriginals = new Set<string>()
  /** Exported id -> id in this archive, per table. */
  private readonly ids = new Map<string, Map<number, number>>()
  private readonly rowsRead = new Map<string, number>()
  private readonly columns = new Map<string, Set<string>>()
  private duplicates = 0

  constructor(
    private readonly db: Database,
    private readonly options: { file: string; merge: boolean },
  ) {}

  async requireEmptyArchive(): Promise<void> {
    for (const table of USER_TABLES) {
      if ((await this.tableColumns(table.name)).size === 0) continue
      const row = await this.db.get<{ found: number }>(
        `SELECT EXISTS (SELECT 1 FROM "${table.name}") AS found`,
      )
      if (row?.found) {
        throw new ApiError(
          'conflict',
          `the archive already holds data (in its ${table.name}); import an export into a new, empty ` +
            'archive, or merge it into this one',
        )
      }
    }
  }

  async load(entry: ZipEntry): Promise<void> {
    const { name } = entry
    if (this.manifest === null) {
      if (name !== MANIFEST_ENTRY) throw this.problem('it does not start with manifest.json')
      this.manifest = await this.readManifest(entry)
    } else if (name === `${TABLE_PREFIX}originals.json`) {
      for (const raw of this.parse(entry, rowsSchema)) {
        const row = this.parseValue(name, originalRowSchema, raw)
        this.originals.set(row.sha256, row)
      }
    } else if (name.startsWith(ORIGINAL_PREFIX)) {
      await this.storeOriginal(name.slice(ORIGINAL_PREFIX.length), entry.data)
    } else if (name.startsWith(ARTICLE_PREFIX) && name.endsWith('.json')) {
      await this.storeArticle(this.parseValue(name, articleRowSchema, this.parseJson(entry)))
    } else if (name.startsWith(TABLE_PREFIX) && name.endsWith('.json')) {
      const table = this.spec(name.slice(TABLE_PREFIX.length, -'.json'.length), name)
      for (const row of this.parse(entry, rowsSchema)) await this.storeRow(table, row)
    } else {
      throw this.problem(`it has an entry this version does not know: ${name}`)
    }
  }

  finish(): ImportArchiveSummary {
    if (this.manifest === null) throw this.problem('it has no manifest.json')
    for (const table of this.manifest.tables) {
      const read = this.rowsRead.get(table.name) ?? 0
      if (read !== table.rows) {
        throw this.problem(`it is incomplete: ${table.name} has ${read} of ${table.rows} rows`)
      }
    }
    const tables = Object.fromEntries(this.manifest.tables.map((table) => [table.name, table.rows]))
    return {
      file: this.options.file,
      articles: tables.articles ?? 0,
      originals: tables.originals ?? 0,
      tags: tables.tags ?? 0,
      tables,
      duplicates: this.duplicates,
    }
  }

  private async readManifest(entry: ZipEntry): Promise<ExportManifest> {
    const manifest = this.parse(entry, manifestSchema)
    if (manifest.formatVersion > EXPORT_FORMAT_VERSION || manifest.schemaVersion > SCHEMA_VERSION) {
      throw new ApiError(
        'unsupported',
        `${this.options.file} was exported by a newer version of Lectern (${manifest.appVersion}); update Lectern to import it`,
      )
    }
    for (const table of manifest.tables) {
      this.spec(table.name, MANIFEST_ENTRY)
      if ((await this.tableColumns(table.name)).size === 0) {
        throw this.problem(`this version of Lectern has no table ${table.name} to hold its rows`)
      }
    }
    return manifest
  }

  private async storeOriginal(sha256: string, bytes: Buffer): Promise<void> {
    const meta = this.originals.get(sha256)
    if (!meta) throw this.problem(`originals/${sha256} is not listed in tables/originals.json`)
    const actual = createHash('sha256').update(bytes).digest('hex')
    if (actual !== sha256 || bytes.length !== meta.size) {
      throw this.problem(`originals/${sha256} is damaged (its bytes do not match their SHA-256)`)
    }
    if (this.storedOriginals.has(sha256)) throw this.problem(`originals/${sha256} appears twice`)
    await this.insert('originals', { ...meta, bytes }, this.options.merge ? 'OR IGNORE' : '')
    this.storedOriginals.add(sha256)
    this.count('originals')
  }

  private async storeArticle(row: Row & { id: number; original_sha256: string }): Promise<void> {
    if (!this.storedOriginals.has(row.original_sha256)) {
      throw this.problem(`article ${row.id} comes before its original ${row.original_sha256}`)
    }
    await this.storeRow(this.spec('articles', `${ARTICLE_PREFIX}${row.id}.json`), row)
  }

  private async storeRow(table: TableSpec, exported: Row): Promise<void> {
    const row: Row = { ...exported }
    for (const [column, target] of Object.entries(table.refs ?? {})) {
      const value = row[column]
      if (typeof value !== 'number') continue
      const mapped = this.ids.get(target)?.get(value)
      if (mapped === undefined)
        throw this.problem(`${table.name} refers to ${target} ${value}, which it does not hold`)
      row[column] = mapped
    }
    if (table.id === undefined) {
      await this.insert(table.name, row, this.options.merge ? 'OR IGNORE' : '')
    } else {
      const exportedId = row[table.id]
      if (typeof exportedId !== 'number') throw this.problem(`a row of ${table.name} has no ${table.id}`)
      let id: number | undefined
      const mergeKey = table.mergeKey === undefined ? [] : [table.mergeKey].flat()
      if (
        this.options.merge &&
        mergeKey.length > 0 &&
        mergeKey.every((column) => row[column] !== undefined)
      ) {
        const existing = await this.db.get<{ id: number }>(
          `SELECT "${table.id}" AS id FROM "${table.name}"
           WHERE ${mergeKey.map((column) => `"${column}" IS ?`).join(' AND ')} ORDER BY "${table.id}" LIMIT 1`,
          mergeKey.map((column) => row[column] ?? null),
        )
        id = existing?.id
        if (id !== undefined && table.name === 'articles') this.duplicates += 1
      }
      if (id === undefined) {
        if (this.options.merge) delete row[table.id]
        const result = await this.insert(table.name, row, '')
        id = this.options.merge ? result : exportedId
      }
      let map = this.ids.get(table.name)
      if (!map) this.ids.set(table.name, (map = new Map()))
      map.set(exportedId, id)
    }
    this.count(table.name)
  }

  private async insert(
    table: string,
    row: Record<string, RowValue | Buffer>,
    conflict: '' | 'OR IGNORE',
  ): Promise<number> {
    const known = await this.tableColumns(table)
    const names = Object.keys(row)
    const unknown = names.filter((name) => !known.has(name))
    if (unknown.length > 0) {
      throw this.problem(`${table} has columns this version of Lectern does not know: ${unknown.join(', ')}`)
    }
    const result = await this.db.run(
      `INSERT ${conflict} INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      names.map((name) => row[name] ?? null),
    )
    return result.lastID
  }

  private async tableColumns(table: string): Promise<Set<string>> {
    let columns = this.columns.get(table)
    if (!columns) {
      const rows = await this.db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table])
      columns = new Set(rows.map((row) => row.name))
      this.columns.set(table, columns)
    }
    return columns
  }

  private spec(name: string, entry: string): TableSpec {
    const table = USER_TABLES.find((candidate) => candidate.name === name)
    if (!table) throw this.problem(`${entry} names a table this version does not know: ${name}`)
    return table
  }

  private count(table: string): void {
    this.rowsRead.set(table, (this.rowsRead.get(table) ?? 0) + 1)
  }

  private parseJson(entry: ZipEntry): unknown {
    try {
      return JSON.parse(entry.data.toString('utf8'))
    } catch (error) {
      throw this.problem(`${entry.name} is not valid JSON (${messageOf(error)})`)
    }
  }

  private parse<T>(entry: ZipEntry, schema: { safeParse(value: unknown): ParseResult<T> }): T {
    return this.parseValue(entry.name, schema, this.parseJson(entry))
  }

  private parseValue<T>(
    label: string,
    schema: { safeParse(value: unknown): ParseResult<T> },
    value: unknown,
  ): T {
    const result = schema.safeParse(value)
    if (!result.success) {
      const issue = result.error.issues[0]
      throw this.problem(
        `${label} is not in the expected form (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      )
    }
    return result.data
  }

  private problem(detail: string): ApiError {
    return new ApiError('unsupported', `${this.options.file} is not a usable Lectern export: ${detail}`)
  }
}

type ParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
