import type { Database } from '../db/database'
import { compileQuery, prefixWords, type CompiledQuery } from './compile'
import { and, type SqlCondition } from './filters'
import { parseQuery } from './query'

/** A prefix reaches at most this many stems that do not begin with it (see search_words). */
const MAX_PREFIX_STEMS = 50
/** Sorts after every string that begins with a given prefix. */
const PREFIX_END = '\u{10FFFF}'

/**
 * Which articles a library query selects: its filters (the filter panel's, and the query's own
 * tag:, lang:, before:, after:, is:, has: terms and exclusions) and the words the full-text index
 * matches. The filters are applied once per call, in one pass over the index of the filter
 * columns (articles_filter_fields), so no filter reads the large article rows; their ids go to
 * temp.library_filter, and the words are matched against that table. Run inside `db.exclusive`:
 * the temporary tables belong to the call that filled them.
 */
export interface Selection {
  compiled: CompiledQuery
  /** How many articles the filters leave (their ids are in temp.library_filter); null: no filter. */
  filtered: number | null
}

/** Parse a query and look up what its prefixes reach. */
export async function prepareQuery(db: Database, text: string): Promise<CompiledQuery> {
  const node = parseQuery(text)
  const prefixStems = new Map<string, string[]>()
  for (const prefix of new Set(prefixWords(node))) {
    const rows = await db.all<{ stem: string }>(
      `SELECT DISTINCT stem FROM search_words
       WHERE word >= ? AND word < ? AND NOT (stem >= ? AND stem < ?) LIMIT ?`,
      [prefix, prefix + PREFIX_END, prefix, prefix + PREFIX_END, MAX_PREFIX_STEMS],
    )
    prefixStems.set(
      prefix,
      rows.map((row) => row.stem),
    )
  }
  return compileQuery(node, prefixStems)
}

/** Parse the query and apply every filter it and the panel set. */
export async function selectArticles(
  db: Database,
  text: string,
  filters: readonly SqlCondition[],
): Promise<Selection> {
  const compiled = await prepareQuery(db, text)
  const conditions = [...filters, ...compiled.conditions]
  if (compiled.exclude !== null) {
    conditions.push({
      sql: 'a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)',
      params: [compiled.exclude],
    })
  }
  if (conditions.length === 0) return { compiled, filtered: null }
  const where = and(conditions)
  await db.run('CREATE TEMP TABLE IF NOT EXISTS library_filter (id INTEGER PRIMARY KEY)')
  await db.run('DELETE FROM temp.library_filter')
  const inserted = await db.run(
    `INSERT INTO temp.library_filter (id)
     SELECT a.id FROM articles a INDEXED BY articles_filter_fields WHERE ${where.sql}`,
    where.params,
  )
  return { compiled, filtered: inserted.changes }
}

/** Whether the selection is narrower than the whole archive. */
export function narrows(selection: Selection): boolean {
  return selection.compiled.match !== null || selection.filtered !== null
}

/** `AND` the full-text row is one the filters leave; empty without filters. */
export function filteredRowids(selection: Selection): string {
  // "+" keeps SQLite from handing the membership test to FTS5, which would rerun the MATCH per id.
  return selection.filtered === null ? '' : 'AND +f.rowid IN (SELECT id FROM temp.library_filter)'
}

/** The selected ids; null when nothing narrows the selection (every article). */
export async function selectedIds(db: Database, selection: Selection): Promise<number[] | null> {
  const { match } = selection.compiled
  if (match !== null) {
    const row = await db.get<{ ids: string }>(
      `SELECT json_group_array(f.rowid) AS ids FROM articles_fts f
       WHERE f.articles_fts MATCH ? ${filteredRowids(selection)}`,
      [match],
    )
    return JSON.parse(row?.ids ?? '[]') as number[]
  }
  if (selection.filtered === null) return null
  return storedIds(db, { table: 'temp.library_filter', count: selection.filtered })
}

/** A temporary table holding the selected ids, and how many it holds. */
export interface StoredSelection {
  table: string
  count: number
}

/**
 * The selected ids as a table, for lists that sort them in SQL; null when nothing narrows the
 * selection (every article).
 */
export async function storeSelection(db: Database, selection: Selection): Promise<StoredSelection | null> {
  const { match } = selection.compiled
  if (match === null) {
    return selection.filtered === null ? null : { table: 'temp.library_filter', count: selection.filtered }
  }
  await db.run('CREATE TEMP TABLE IF NOT EXISTS library_selection (id INTEGER PRIMARY KEY)')
  await db.run('DELETE FROM temp.library_selection')
  const inserted = await db.run(
    `INSERT INTO temp.library_selection (id)
     SELECT f.rowid FROM articles_fts f WHERE f.articles_fts MATCH ? ${filteredRowids(selection)}`,
    [match],
  )
  return { table: 'temp.library_selection', count: inserted.changes }
}

/** The ids storeSelection put in its table. */
export async function storedIds(db: Database, stored: StoredSelection): Promise<number[]> {
  const row = await db.get<{ ids: string }>(`SELECT json_group_array(id) AS ids FROM ${stored.table}`)
  return JSON.parse(row?.ids ?? '[]') as number[]
}
