import type { ListItem, ListPage, ListQuery, SortField } from '../../../common/types'
import { countArticles, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../db/articles'
import type { Database } from '../db/database'
import { tagsByArticle } from '../db/tags'
import type { CompiledQuery } from './compile'
import { countSelected } from './facets'
import { filterConditions } from './filters'
import { ensureSearchIndex } from './indexer'
import {
  COLUMN_LOADING,
  currentLibraryColumns,
  loadLibraryColumnsLater,
  type ColumnLoading,
  type LibraryColumns,
} from './library-columns'
import { RANK_WINDOW, rankSelection, type HitRow } from './search'
import { selectArticles, selectedIds, storeSelection, storedIds, type Selection } from './selection'
import { makeSnippet } from './snippet'

export const DEFAULT_PAGE_SIZE = 50

/** An order of the list and the index that gives it, so a sorted page never sorts the selection. */
interface ListOrder {
  index: string
  sql: string
}

// Undated and siteless articles go last in either direction. NULL sorts first in SQLite, so
// descending order needs no help, and ascending order puts "IS NULL" first; each form has an index.
const ORDER_BY: Record<SortField, (direction: 'ASC' | 'DESC') => ListOrder> = {
  addedAt: (d) => ({ index: 'articles_by_added_at', sql: `a.added_at ${d}, a.id ${d}` }),
  publishedAt: (d) =>
    d === 'ASC'
      ? { index: 'articles_by_published_at_nulls_last', sql: 'a.published_at IS NULL, a.published_at, a.id' }
      : { index: 'articles_by_published_at', sql: 'a.published_at DESC, a.id DESC' },
  title: (d) => ({ index: 'articles_by_title', sql: `a.title COLLATE NOCASE ${d}, a.id ${d}` }),
  siteName: (d) =>
    d === 'ASC'
      ? {
          index: 'articles_by_site_name_nulls_last',
          sql: 'a.site_name IS NULL, a.site_name COLLATE NOCASE, a.id',
        }
      : { index: 'articles_by_site_name', sql: 'a.site_name COLLATE NOCASE DESC, a.id DESC' },
}

interface PageRequest {
  limit: number
  offset: number
  /** The counts' columns when the call asked for counts and they are at hand; otherwise null. */
  columns: LibraryColumns | null
}

/**
 * The library's list: the archive narrowed by its filters and words, sorted (or in search order),
 * a page at a time, with the total and, when asked, the counts per filter value. The selection
 * is made once per call and the page, the total and the counts all read it. In a large archive
 * whose counts' columns are not in memory yet (the first call, or the first after a change), the
 * page comes without the counts and the columns load in the background for `facets` to answer.
 */
export async function listArticles(
  db: Database,
  query: ListQuery,
  loading: ColumnLoading = COLUMN_LOADING,
): Promise<ListPage> {
  const text = query.query ?? ''
  if (text.trim() !== '') await ensureSearchIndex(db)
  const page = await db.exclusive(async () => {
    const request: PageRequest = {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
      columns: query.facets ? await currentLibraryColumns(db, loading) : null,
    }
    const selection = await selectArticles(db, text, filterConditions(query))
    if (query.sort === 'relevance') return relevancePage(db, selection, request)
    const direction = (query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC'
    return sortedPage(db, selection, ORDER_BY[query.sort ?? 'addedAt'](direction), request)
  })
  // Started once the lock is released, so the load's reads queue behind other calls.
  if (query.facets && page.facets === undefined) loadLibraryColumnsLater(db, loading)
  return page
}

async function sortedPage(
  db: Database,
  selection: Selection,
  order: ListOrder,
  { limit, offset, columns }: PageRequest,
): Promise<ListPage> {
  const stored = await storeSelection(db, selection)
  // The order's index is walked and each entry tested against the selection ("+": never a
  // lookup per selected id and value); only the rows of the page are read.
  const rows = await db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a INDEXED BY ${order.index}
     ${stored ? `WHERE +a.id IN (SELECT id FROM ${stored.table})` : ''}
     ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
    [limit, offset],
  )
  const tags = await tagsByArticle(
    db,
    rows.map((row) => row.id),
  )
  return {
    items: rows.map((row) => toSummary(row, tags.get(row.id) ?? [])),
    total: stored?.count ?? (await countArticles(db)),
    ...(columns ? { facets: countSelected(columns, stored ? await storedIds(db, stored) : null) } : {}),
  }
}

async function relevancePage(
  db: Database,
  selection: Selection,
  { limit, offset, columns }: PageRequest,
): Promise<ListPage> {
  const ids = await selectedIds(db, selection)
  const hits = await rankSelection(db, selection, { limit, offset, window: RANK_WINDOW })
  return {
    items: await hitItems(db, hits, selection.compiled),
    total: ids?.length ?? (await countArticles(db)),
    ...(columns ? { facets: countSelected(columns, ids) } : {}),
  }
}

/** Summaries of ranked hits in their order, each with its snippet and score. */
async function hitItems(db: Database, hits: readonly HitRow[], compiled: CompiledQuery): Promise<ListItem[]> {
  if (hits.length === 0) return []
  const rows = await db.all<SummaryRow & { content_text: string }>(
    `SELECT ${SUMMARY_COLUMNS}, a.content_text FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(hits.map((hit) => hit.id))],
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const tags = await tagsByArticle(
    db,
    rows.map((row) => row.id),
  )
  return hits.flatMap((hit) => {
    const row = byId.get(hit.id)
    if (!row) return []
    const { content_text: text, ...summary } = row
    return [
      {
        ...toSummary(summary, tags.get(hit.id) ?? []),
        snippet: makeSnippet(text, compiled.terms),
        score: hit.score,
      },
    ]
  })
}
