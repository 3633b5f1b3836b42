import type { SearchHit, SearchQuery } from '../../../common/types'
import type { Database } from '../db/database'
import type { CompiledQuery } from './compile'
import { filterConditions } from './filters'
import { ensureSearchIndex } from './indexer'
import { collectFilter, filterRows, matchedRows, narrows, selectArticles, type Selection } from './selection'
import { makeSnippet } from './snippet'

export const DEFAULT_SEARCH_LIMIT = 20
/** bm25 weights of title, subtitle, authors, site, body and annotations: a title hit counts most. */
export const COLUMN_WEIGHTS = '10.0, 4.0, 3.0, 2.0, 1.0, 2.0'
/** Above this many matches, ranking looks at the newest this many (see rankedMatches). */
export const RANK_WINDOW = 10_000
/**
 * A query made only of filters first looks for its page among this many of the newest articles
 * (some 10 ms at a million items) before it collects every id the filters select.
 */
const FILTER_PROBE_ROWS = 20_000

/** A ranked article: its id and its bm25 score (0 where there are no words to rank by). */
export interface HitRow {
  id: number
  score: number
}

interface HitDetails {
  id: number
  title: string
  site_name: string | null
  published_at: string | null
  content_text: string
}

/**
 * Ranked full-text search in the query language of query.ts. Text queries are ranked by bm25
 * with the title weighted over the body; queries made only of filters list the newest articles
 * first. Snippets are made for the requested page only.
 */
export async function searchArticles(
  db: Database,
  query: SearchQuery,
  options: { rankWindow?: number } = {},
): Promise<SearchHit[]> {
  await ensureSearchIndex(db)
  return db.exclusive(async () => {
    const selection = await selectArticles(db, query.query, filterConditions(query))
    if (!narrows(selection)) return []
    const hits = await rankSelection(db, selection, {
      limit: query.limit ?? DEFAULT_SEARCH_LIMIT,
      offset: query.offset ?? 0,
      window: options.rankWindow ?? RANK_WINDOW,
    })
    return withSnippets(db, hits, selection.compiled)
  })
}

/** Where a page of ranked hits starts and ends, and how many of the newest matches are ranked. */
export interface RankPage {
  limit: number
  offset: number
  window: number
  /** How many of the newest articles a query of filters alone looks in first; FILTER_PROBE_ROWS. */
  probe?: number
}

/**
 * One page of a selection in search order: best match first for a query with words, newest
 * published first for one made only of filters (or nothing: then every article).
 */
export async function rankSelection(db: Database, selection: Selection, page: RankPage): Promise<HitRow[]> {
  if (selection.compiled.match !== null) return rankedMatches(db, selection, page)
  if (selection.filter === null) {
    // The date index gives the order and the id; the article rows are never read.
    return db.all<HitRow>(
      `SELECT a.id, 0 AS score FROM articles a INDEXED BY articles_by_published_at
       ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`,
      [page.limit, page.offset],
    )
  }
  const newest = await newestFiltered(db, selection, page)
  if (newest) return newest
  const { table } = await collectFilter(db, selection)
  return db.all<HitRow>(
    `SELECT a.id, 0 AS score FROM articles a INDEXED BY articles_by_published_at
     WHERE +a.id IN (SELECT id FROM ${table})
     ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`,
    [page.limit, page.offset],
  )
}

/**
 * The page of a query of filters alone among the most recently published `probe` articles, each
 * tested as filterRows does; null when fewer of them pass than the page needs (a narrow filter,
 * or a deep page), and the filters' ids must be collected instead.
 */
async function newestFiltered(
  db: Database,
  selection: Selection,
  { limit, offset, probe = FILTER_PROBE_ROWS }: RankPage,
): Promise<HitRow[] | null> {
  const end = offset + limit
  if (end > probe) return null
  const { join, where } = filterRows(selection)
  const rows = await db.all<HitRow>(
    `SELECT f.rowid AS id, 0 AS score FROM (
       SELECT id AS rowid, published_at FROM articles INDEXED BY articles_by_published_at
       ORDER BY published_at DESC, id DESC LIMIT ?
     ) f ${join} WHERE ${where.sql}
     ORDER BY f.published_at DESC, f.rowid DESC LIMIT ?`,
    [probe, ...where.params, end],
  )
  // Fewer rows than the page reaches, among the probed rows: the next ones may lie beyond them.
  if (rows.length < end) return null
  return rows.slice(offset)
}

/**
 * One page of matches, best first. bm25 needs every candidate's column sizes, which costs about
 * a microsecond per row; a query of very common words ("the", "и") matches most of the archive,
 * so only the most recently added `window` matches are ranked, unless the page itself lies
 * deeper. FTS5 walks its doclists newest first and stops there: one pass finds the window and
 * scores it.
 */
async function rankedMatches(
  db: Database,
  selection: Selection,
  { limit, offset, window }: RankPage,
): Promise<HitRow[]> {
  const rows = matchedRows(selection)
  return db.all<HitRow>(
    `SELECT id, score FROM (
       SELECT f.rowid AS id, -bm25(articles_fts, ${COLUMN_WEIGHTS}) AS score FROM ${rows.sql}
       ORDER BY f.rowid DESC LIMIT ?
     ) ORDER BY score DESC, id DESC LIMIT ? OFFSET ?`,
    // LIMIT -1: no limit.
    [...rows.params, offset + limit <= window ? window : -1, limit, offset],
  )
}

async function withSnippets(
  db: Database,
  hits: readonly HitRow[],
  compiled: CompiledQuery,
): Promise<SearchHit[]> {
  if (hits.length === 0) return []
  const rows = await db.all<HitDetails>(
    `SELECT id, title, site_name, published_at, content_text FROM articles
     WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(hits.map((hit) => hit.id))],
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  return hits.flatMap((hit) => {
    const row = byId.get(hit.id)
    if (!row) return []
    return [
      {
        id: row.id,
        title: row.title,
        siteName: row.site_name,
        publishedAt: row.published_at,
        snippet: makeSnippet(row.content_text, compiled.terms),
        score: hit.score,
      },
    ]
  })
}
