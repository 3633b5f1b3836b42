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
 * matches. No filter reads the large article rows: they are answered from the index of the filter
 * columns (articles_filter_fields) and the small tables of tags, highlights and collections.
 *
 * With words, the filters are tested on each match (matchedRows); without, their ids are collected
 * into temp.library_filter when a call needs them all (collectFilter). Run inside `db.exclusive`:
 * the temporary tables belong to the call that filled them.
 */
export interface Selection {
  compiled: CompiledQuery
  /** Every filter, over `articles a`; null: no filter. */
  filter: SqlCondition | null
  /** The filters that read no column but the id, over the full-text row's id `f.rowid`. */
  rowidFilter: SqlCondition | null
  /** The other filters, over `articles a` read through articles_filter_fields. */
  columnFilter: SqlCondition | null
  /** How many ids collectFilter put into temp.library_filter; null until it ran. */
  collected: number | null
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

/** Parse the query and gather every filter it and the panel set. */
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
  const onRowid: SqlCondition[] = []
  const onColumns: SqlCondition[] = []
  for (const condition of conditions) {
    const rebound = onFullTextRowid(condition)
    if (rebound) onRowid.push(rebound)
    else onColumns.push(condition)
  }
  return {
    compiled,
    filter: conditions.length === 0 ? null : and(conditions),
    rowidFilter: onRowid.length === 0 ? null : and(onRowid),
    columnFilter: onColumns.length === 0 ? null : and(onColumns),
    collected: null,
  }
}

const ARTICLE_COLUMN = /\ba\.(\w+)/g

/**
 * A condition that reads only the article's id (a tag, a highlight, a collection, an exclusion:
 * `a.id IN (subquery)`), restated over the full-text row's id; null for one that reads any other
 * column. SQLite builds such a subquery once per statement and tests each match against it, which
 * costs a tenth of looking the match up in articles_filter_fields. "+": never handed to FTS5,
 * which would rerun its MATCH per id.
 */
function onFullTextRowid(condition: SqlCondition): SqlCondition | null {
  const columns = [...condition.sql.matchAll(ARTICLE_COLUMN)].map((match) => match[1])
  if (columns.some((column) => column !== 'id')) return null
  return { sql: condition.sql.replace(ARTICLE_COLUMN, '+f.rowid'), params: condition.params }
}

/** Whether the selection is narrower than the whole archive. */
export function narrows(selection: Selection): boolean {
  return selection.compiled.match !== null || selection.filter !== null
}

/**
 * The filters as a test of rows `f` whose `f.rowid` is an article id: a join to the row's entry
 * in articles_filter_fields (by id: one seek) when a filter reads its columns, and a condition over
 * both. So no filter is collected for all the archive.
 */
export function filterRows(selection: Selection): { join: string; where: SqlCondition } {
  const { rowidFilter, columnFilter } = selection
  return {
    // CROSS JOIN: `f` stays the outer loop, the order the rows are wanted in.
    join: columnFilter ? 'CROSS JOIN articles a INDEXED BY articles_filter_fields ON a.id = f.rowid' : '',
    where: and([rowidFilter, columnFilter].filter((part): part is SqlCondition => part !== null)),
  }
}

/** FROM and WHERE of the full-text rows `f` that the words match and the filters leave. */
export function matchedRows(selection: Selection): SqlCondition {
  const { match } = selection.compiled
  if (match === null) throw new Error('matchedRows: the selection has no words')
  const { join, where } = filterRows(selection)
  return {
    sql: `articles_fts f ${join} WHERE f.articles_fts MATCH ? AND (${where.sql})`,
    params: [match, ...where.params],
  }
}

/**
 * The ids the filters leave, in temp.library_filter (once per call), and how many; only for a
 * selection with filters and no words.
 */
export async function collectFilter(db: Database, selection: Selection): Promise<StoredSelection> {
  if (selection.filter === null) throw new Error('collectFilter: the selection has no filter')
  if (selection.collected === null) {
    await db.run('CREATE TEMP TABLE IF NOT EXISTS library_filter (id INTEGER PRIMARY KEY)')
    await db.run('DELETE FROM temp.library_filter')
    const inserted = await db.run(
      `INSERT INTO temp.library_filter (id)
       SELECT a.id FROM articles a INDEXED BY articles_filter_fields WHERE ${selection.filter.sql}`,
      selection.filter.params,
    )
    selection.collected = inserted.changes
  }
  return { table: 'temp.library_filter', count: selection.collected }
}

/** The selected ids; null when nothing narrows the selection (every article). */
export async function selectedIds(db: Database, selection: Selection): Promise<number[] | null> {
  if (selection.compiled.match !== null) {
    const rows = matchedRows(selection)
    const row = await db.get<{ ids: string }>(
      `SELECT json_group_array(f.rowid) AS ids FROM ${rows.sql}`,
      rows.params,
    )
    return JSON.parse(row?.ids ?? '[]') as number[]
  }
  if (selection.filter === null) return null
  return storedIds(db, await collectFilter(db, selection))
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
  if (selection.compiled.match === null) {
    return selection.filter === null ? null : collectFilter(db, selection)
  }
  const rows = matchedRows(selection)
  await db.run('CREATE TEMP TABLE IF NOT EXISTS library_selection (id INTEGER PRIMARY KEY)')
  await db.run('DELETE FROM temp.library_selection')
  const inserted = await db.run(
    `INSERT INTO temp.library_selection (id) SELECT f.rowid FROM ${rows.sql}`,
    rows.params,
  )
  return { table: 'temp.library_selection', count: inserted.changes }
}

/** The ids storeSelection put in its table. */
export async function storedIds(db: Database, stored: StoredSelection): Promise<number[]> {
  const row = await db.get<{ ids: string }>(`SELECT json_group_array(id) AS ids FROM ${stored.table}`)
  return JSON.parse(row?.ids ?? '[]') as number[]
}
