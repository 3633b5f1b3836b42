import { z } from 'zod'

/**
 * The Lectern export: one zip file that holds everything the archive knows, table by table.
 *
 *   manifest.json            what this is, the schema version it came from, how many rows of each table
 *   tables/originals.json    the originals table without its bytes: [{ sha256, size, name }, ...]
 *   originals/<sha256>       the bytes of each imported file, exactly as imported
 *   articles/<id>.json       one articles row: metadata and the reading copies (content_text, content_html)
 *   tables/<table>.json      every other user table (tags, article_tags, collections, ...) as rows
 *
 * Rows keep their column names, so a table or column added by a later schema travels without a
 * new format; a reader refuses what it cannot store (a newer format, an unknown table or column)
 * instead of dropping it. Entries come in the order above, and each original comes before the
 * first article that uses it, so the importer reads the zip as a stream.
 */
export const EXPORT_FORMAT = 'lectern-export'
export const EXPORT_FORMAT_VERSION = 1

export const MANIFEST_ENTRY = 'manifest.json'
export const ORIGINAL_PREFIX = 'originals/'
export const ARTICLE_PREFIX = 'articles/'
export const TABLE_PREFIX = 'tables/'

export function originalEntry(sha256: string): string {
  return `${ORIGINAL_PREFIX}${sha256}`
}

export function articleEntry(id: number): string {
  return `${ARTICLE_PREFIX}${id}.json`
}

export function tableEntry(table: string): string {
  return `${TABLE_PREFIX}${table}.json`
}

/**
 * How a user table is exported and merged. `id`: its INTEGER PRIMARY KEY (kept when importing
 * into an empty archive, renumbered when merging). `mergeKey`: the column(s) that identify the
 * same thing in another archive (compared after `refs` are renumbered). `refs`: columns holding ids of rows in other tables.
 */
export interface TableSpec {
  name: string
  id?: string
  mergeKey?: string | readonly string[]
  refs?: Readonly<Record<string, string>>
}

/**
 * Every table that holds user data, parents before children. A new table must be added here or
 * to DERIVED_TABLES: the exporter refuses an archive with a table in neither list.
 */
export const USER_TABLES: readonly TableSpec[] = [
  { name: 'originals', mergeKey: 'sha256' },
  { name: 'articles', id: 'id', mergeKey: 'original_sha256' },
  { name: 'tags', id: 'id', mergeKey: 'name_key' },
  { name: 'article_tags', refs: { article_id: 'articles', tag_id: 'tags' } },
  { name: 'collections', id: 'id', mergeKey: 'name_key' },
  { name: 'collection_articles', refs: { collection_id: 'collections', article_id: 'articles' } },
  { name: 'saved_searches', id: 'id', mergeKey: 'name_key' },
  { name: 'citation_lists', id: 'id', mergeKey: 'name_key' },
  { name: 'citation_list_items', refs: { list_id: 'citation_lists', article_id: 'articles' } },
  {
    name: 'highlights',
    id: 'id',
    mergeKey: ['article_id', 'quote', 'created_at'],
    refs: { article_id: 'articles' },
  },
]

/** Tables rebuilt from user data (the search index and its helpers): never exported. */
export const DERIVED_TABLES: readonly RegExp[] = [
  /^articles_fts(_.*)?$/,
  /^search_pending$/,
  /^search_words$/,
  // Near-duplicate fingerprints (import/duplicates.ts); rebuilt lazily after an import.
  /^article_fingerprint(s|_bands)$/,
  /^fingerprint_pending$/,
  // The version the library's counts in memory check (search/library-columns.ts).
  /^library_version$/,
  // The number of articles (db/migrations.ts), kept by triggers as articles come and go.
  /^article_count$/,
  // The number of articles of each tag (db/migrations.ts), kept by triggers as tags come and go.
  /^tag_counts$/,
  /^sqlite_/,
]

/** Columns kept outside the table's JSON (the bytes travel as their own entries). */
export const SEPARATE_COLUMNS: Readonly<Record<string, readonly string[]>> = { originals: ['bytes'] }

export type RowValue = string | number | null
export type Row = Record<string, RowValue>

const rowSchema = z.record(
  z.string().regex(/^[a-z_][a-z0-9_]*$/),
  z.union([z.string(), z.number(), z.null()]),
)
export const rowsSchema = z.array(rowSchema)
export const articleRowSchema = rowSchema.and(
  z.object({ id: z.number().int().positive(), original_sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
)
export const originalRowSchema = rowSchema.and(
  z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) }),
)

export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int().positive(),
  exportedAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  /** Rows per table, in the order the tables appear. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0) })),
})
export type ExportManifest = z.infer<typeof manifestSchema>

/** What an export or an import did: rows per table. */
export interface ExportSummary {
  file: string
  articles: number
  originals: number
  tags: number
  tables: Record<string, number>
}

export interface ImportArchiveSummary extends ExportSummary {
  /** With `merge`: articles whose original was already in the archive (their tags and lists are merged). */
  duplicates: number
}
