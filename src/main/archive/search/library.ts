import type { ListPage, ListQuery, SortField } from '../../../common/types'
import { countArticles, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../db/articles'
import type { Database } from '../db/database'
import { tagsByArticle } from '../db/tags'
import { filterConditions, whereClause } from './filters'
import { ensureSearchIndex } from './indexer'
import { queryConditions } from './search'

export const DEFAULT_PAGE_SIZE = 50

// Undated and siteless articles go last in either direction. NULL sorts first in SQLite, so
// descending order needs no help, and ascending order puts "IS NULL" first; each form has an index.
const ORDER_BY: Record<SortField, (direction: 'ASC' | 'DESC') => string> = {
  addedAt: (d) => `a.added_at ${d}, a.id ${d}`,
  publishedAt: (d) =>
    d === 'ASC' ? 'a.published_at IS NULL, a.published_at, a.id' : 'a.published_at DESC, a.id DESC',
  title: (d) => `a.title COLLATE NOCASE ${d}, a.id ${d}`,
  siteName: (d) =>
    d === 'ASC'
      ? 'a.site_name IS NULL, a.site_name COLLATE NOCASE, a.id'
      : 'a.site_name COLLATE NOCASE DESC, a.id DESC',
}

/** The library's list: the archive narrowed by its filters and words, sorted, a page at a time. */
export async function listArticles(db: Database, query: ListQuery): Promise<ListPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const offset = query.offset ?? 0
  const direction = (query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC'
  const orderBy = ORDER_BY[query.sort ?? 'addedAt'](direction)
  const hasQuery = query.query !== undefined && query.query.trim() !== ''
  if (hasQuery) await ensureSearchIndex(db)
  return db.exclusive(async () => {
    const conditions = filterConditions(query)
    if (hasQuery) conditions.push(...(await queryConditions(db, query.query ?? '')))
    const where = whereClause(conditions)
    const rows = await db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    )
    // The whole library's count is kept by triggers; a narrowed list is counted.
    const total =
      conditions.length === 0
        ? await countArticles(db)
        : ((
            await db.get<{ total: number }>(
              `SELECT count(*) AS total FROM articles a ${where.sql}`,
              where.params,
            )
          )?.total ?? 0)
    const tags = await tagsByArticle(
      db,
      rows.map((row) => row.id),
    )
    return {
      items: rows.map((row) => toSummary(row, tags.get(row.id) ?? [])),
      total,
    }
  })
}
