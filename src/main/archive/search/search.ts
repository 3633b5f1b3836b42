import type { SearchHit, SearchQuery } from '../../../common/types'
import type { Database } from '../db/database'
import { compileQuery, prefixWords, type CompiledQuery } from './compile'
import { filterConditions, whereClause, type SqlCondition } from './filters'
import { ensureSearchIndex } from './indexer'
import { parseQuery } from './query'
import { fillScope } from './scope'
import { makeSnippet } from './snippet'

export const DEFAULT_SEARCH_LIMIT = 20
/** bm25 weights of title, subtitle, authors, site, body and annotations: a title hit counts most. */
const COLUMN_WEIGHTS = '10.0, 4.0, 3.0, 2.0, 1.0, 2.0'
/** Above this many matches, ranking looks at the newest this many (see rankedMatches). */
export const RANK_WINDOW = 10_000
/** A prefix reaches at most this many stems that do not begin with it (see search_words). */
const MAX_PREFIX_STEMS = 50
/** Sorts after every string that begins with a given prefix. */
const PREFIX_END = '\u{10FFFF}'

interface HitRow {
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
    const compiled = await prepareQuery(db, query.query)
    const conditions = [...filterConditions(query), ...compiled.conditions]
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT
    const offset = query.offset ?? 0
    let hits: HitRow[]
    if (compiled.match !== null) {
      const window = options.rankWindow ?? RANK_WINDOW
      hits = await rankedMatches(db, compiled.match, conditions, { limit, offset, window })
    } else if (conditions.length > 0 || compiled.exclude !== null) {
      const where = whereClause([...conditions, ...exclusionConditions(compiled)])
      hits = await db.all<HitRow>(
        `SELECT a.id, 0 AS score FROM articles a ${where.sql}
         ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`,
        [...where.params, limit, offset],
      )
    } else {
      return []
    }
    return withSnippets(db, hits, compiled)
  })
}

/**
 * One page of matches, best first. bm25 needs every candidate's column sizes, which costs about
 * a microsecond per row; a query of very common words ("the", "и") matches most of the archive,
 * so past `window` candidates only the most recently added `window` are ranked (FTS5 walks
 * its doclists newest first and stops there), unless the page itself lies deeper.
 */
async function rankedMatches(
  db: Database,
  match: string,
  conditions: readonly SqlCondition[],
  { limit, offset, window }: { limit: number; offset: number; window: number },
): Promise<HitRow[]> {
  // The filters' ids are collected once; "+" keeps SQLite from handing the membership test to
  // FTS5, which would rerun the MATCH once per id.
  let filterSql = ''
  if (conditions.length > 0) {
    await fillScope(db, 'search_scope', null, conditions)
    filterSql = 'AND +f.rowid IN (SELECT id FROM temp.search_scope)'
  }
  let lowestRowid: number | null = null
  if (offset + limit <= window) {
    // The window's oldest match; none when fewer than `window` articles match.
    const edge = await db.get<{ rowid: number }>(
      `SELECT f.rowid FROM articles_fts f WHERE f.articles_fts MATCH ? ${filterSql}
       ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`,
      [match, window - 1],
    )
    lowestRowid = edge?.rowid ?? null
  }
  return db.all<HitRow>(
    `SELECT f.rowid AS id, -bm25(articles_fts, ${COLUMN_WEIGHTS}) AS score FROM articles_fts f
     WHERE f.articles_fts MATCH ? ${filterSql} ${lowestRowid === null ? '' : 'AND f.rowid >= ?'}
     ORDER BY score DESC, f.rowid DESC LIMIT ? OFFSET ?`,
    [match, ...(lowestRowid === null ? [] : [lowestRowid]), limit, offset],
  )
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

/**
 * A query as plain conditions over `articles a`, for lists and counts that do not need ranking.
 * Call `ensureSearchIndex` first.
 */
export async function queryConditions(db: Database, text: string): Promise<SqlCondition[]> {
  const compiled = await prepareQuery(db, text)
  const conditions = [...compiled.conditions, ...exclusionConditions(compiled)]
  if (compiled.match !== null) {
    conditions.push({
      sql: 'a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)',
      params: [compiled.match],
    })
  }
  return conditions
}

function exclusionConditions(compiled: CompiledQuery): SqlCondition[] {
  if (compiled.exclude === null) return []
  return [
    {
      sql: 'a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)',
      params: [compiled.exclude],
    },
  ]
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
