import type { Database } from '../db/database'
import { compileQuery, prefixWords, type CompiledQuery } from './compile'
import { and, type SqlCondition } from './filters'
import { parseQuery } from './query'

/** A prefix reaches at most this many stems that do not begin with it (see search_words). */
const MAX_PREFIX_STEMS = 50
/** Sorts after every string that begins with a given prefix. */
const PREFIX_END = '\u{10FFFF}'
/**
 * A search with words starts from a filter's ids when the filter admits at most this many (a small
 * tag or collection, the annotated articles): each id is looked up in the full-text index, some
 * 25 µs an id at a million items, where testing every match of a common word against the filter
 * walks half a million matches (25-60 ms). The cost of a lookup does not depend on the words, so
 * the limit is low enough that a rare word, whose matches are few, loses at most a millisecond or two.
 */
export const FILTER_FIRST_IDS = 64

/**
 * Which articles a library query selects: its filters (the filter panel's, and the query's own
 * tag:, lang:, before:, after:, is:, has: terms and exclusions) and the words the full-text index
 * matches. No filter reads the large article rows: they are answered from the index of the filter
 * columns (articles_filter_fields) and the small tables of tags, highlights and collections.
 *
 * With words, the filters are tested on each match (matchedRows), or, when a filter admits few ids,
 * each of those ids is tested against the words first (survivors); without words, the filters' ids
 * are collected into temp.library_filter when a call needs them all (collectFilter). Run inside
 * `db.exclusive`: the temporary tables belong to the call that filled them.
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
  /**
   * With words and a filter of at most FILTER_FIRST_IDS ids: the selected ids, ascending, found by
   * testing each of the filter's ids against the words and the other filters. Null: the matches of
   * the words are tested against the filters instead.
   */
  survivors: number[] | null
}

/** How selectArticles may select. */
export interface SelectOptions {
  /** Start from a filter's ids when it admits at most this many; FILTER_FIRST_IDS. */
  filterFirstUpTo?: number
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
  { filterFirstUpTo = FILTER_FIRST_IDS }: SelectOptions = {},
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
  const selection: Selection = {
    compiled,
    filter: conditions.length === 0 ? null : and(conditions),
    rowidFilter: onRowid.length === 0 ? null : and(onRowid),
    columnFilter: onColumns.length === 0 ? null : and(onColumns),
    collected: null,
    survivors: null,
  }
  if (compiled.match !== null) {
    const candidates = await fewestIds(db, conditions, filterFirstUpTo)
    if (candidates) selection.survivors = await matchingAmong(db, selection, candidates)
  }
  return selection
}

/**
 * The ids of the condition that admits the fewest, if one of them admits at most `limit`: each is
 * listed up to one id past the limit, from its small table.
 */
async function fewestIds(
  db: Database,
  conditions: readonly SqlCondition[],
  limit: number,
): Promise<number[] | null> {
  if (limit <= 0) return null
  let fewest: number[] | null = null
  for (const { ids } of conditions) {
    if (!ids) continue
    const row = await db.get<{ ids: string }>(
      `SELECT json_group_array(id) AS ids FROM (SELECT DISTINCT id FROM (${ids.sql}) LIMIT ?)`,
      [...ids.params, Math.min(limit, fewest?.length ?? limit) + 1],
    )
    const listed = JSON.parse(row?.ids ?? '[]') as number[]
    if (listed.length <= limit && (!fewest || listed.length < fewest.length)) fewest = listed
  }
  return fewest
}

/**
 * Which of `candidates` the words match and the filters leave, ascending: FTS5 is handed each id
 * (`rowid = ?`) with the words, so it looks the id up instead of walking every match.
 */
async function matchingAmong(db: Database, selection: Selection, candidates: number[]): Promise<number[]> {
  const { join, where } = filterRows(selection)
  const row = await db.get<{ ids: string }>(
    `SELECT json_group_array(f.rowid) AS ids
     FROM (SELECT value AS id FROM json_each(?) ORDER BY value) c
     CROSS JOIN articles_fts f ON f.rowid = c.id ${join}
     WHERE f.articles_fts MATCH ? AND (${where.sql})`,
    [JSON.stringify(candidates), selection.compiled.match, ...where.params],
  )
  return (JSON.parse(row?.ids ?? '[]') as number[]).sort((a, b) => a - b)
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

/**
 * FROM and WHERE of the full-text rows `f` that the words match and the filters leave. With
 * survivors, the rows are those ids, and FTS5 reads only the matches from the first to the last
 * of them (ranking needs one pass: bm25 counts each word's articles in the whole index once per
 * pass, 12 ms for "the" at a million items, so ranking each survivor by itself would cost that
 * count each time).
 */
export function matchedRows(selection: Selection): SqlCondition {
  const { match } = selection.compiled
  if (match === null) throw new Error('matchedRows: the selection has no words')
  const { survivors } = selection
  if (survivors) {
    if (survivors.length === 0)
      return { sql: 'articles_fts f WHERE f.articles_fts MATCH ? AND 0', params: [match] }
    return {
      sql: `articles_fts f WHERE f.articles_fts MATCH ? AND f.rowid >= ? AND f.rowid <= ?
            AND +f.rowid IN (SELECT value FROM json_each(?))`,
      params: [match, survivors[0]!, survivors[survivors.length - 1]!, JSON.stringify(survivors)],
    }
  }
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
  if (selection.survivors) return [...selection.survivors]
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
  await db.run('CREATE TEMP TABLE IF NOT EXISTS library_selection (id INTEGER PRIMARY KEY)')
  await db.run('DELETE FROM temp.library_selection')
  if (selection.survivors) {
    const inserted = await db.run('INSERT INTO temp.library_selection (id) SELECT value FROM json_each(?)', [
      JSON.stringify(selection.survivors),
    ])
    return { table: 'temp.library_selection', count: inserted.changes }
  }
  const rows = matchedRows(selection)
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
