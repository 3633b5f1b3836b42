import type { SearchHit, SearchQuery } from '../../../common/types'
import type { Database } from '../db/database'
import { buildMatchExpression } from './query'

export const DEFAULT_SEARCH_LIMIT = 20

/** Marks around matched words in snippets (see SearchHit.snippet). */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

const CONTENT_COLUMN = 4
const SNIPPET_TOKENS = 32

/**
 * Ranked full-text search. `ORDER BY rank` lets FTS5 sort by its configured bm25 weights
 * (title over body) and compute snippets only for the rows of the requested page.
 */
export async function searchArticles(db: Database, query: SearchQuery): Promise<SearchHit[]> {
  const expression = buildMatchExpression(query.query)
  if (expression === null) return []
  const rows = await db.all<SearchHit>(
    `SELECT a.id, a.title, a.site_name AS siteName, a.published_at AS publishedAt, hit.snippet, -hit.rank AS score
     FROM (
       SELECT rowid, rank, snippet(articles_fts, ${CONTENT_COLUMN}, $start, $end, '…', ${SNIPPET_TOKENS}) AS snippet
       FROM articles_fts WHERE articles_fts MATCH $expression
       ORDER BY rank LIMIT $limit OFFSET $offset
     ) AS hit
     JOIN articles a ON a.id = hit.rowid
     ORDER BY hit.rank, a.id`,
    {
      $expression: expression,
      $start: MATCH_START,
      $end: MATCH_END,
      $limit: query.limit ?? DEFAULT_SEARCH_LIMIT,
      $offset: query.offset ?? 0,
    },
  )
  return rows
}
