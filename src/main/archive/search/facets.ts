import type { FacetCount, FacetQuery, Facets } from '../../../common/types'
import type { Database } from '../db/database'
import { listTags } from '../db/tags'
import { filterConditions, type SqlCondition } from './filters'
import { ensureSearchIndex } from './indexer'
import { fillScope } from './scope'
import { prepareQuery } from './search'

/** Longer value lists (sites of a huge archive) are cut to the most frequent. */
const MAX_VALUES = 500

/**
 * How many articles the query and filters select, in total and split by tag, site, language,
 * publication year, read state and annotation. The selection is computed once into a temporary table, and
 * every count reads an index rather than the (large) article rows.
 */
export async function countFacets(db: Database, query: FacetQuery): Promise<Facets> {
  const text = query.query?.trim() ?? ''
  if (text !== '') await ensureSearchIndex(db)
  return db.exclusive(async () => {
    const scoped = await buildScope(db, text, filterConditions(query))
    const scope = scoped ? 'WHERE a.id IN (SELECT id FROM temp.facet_scope)' : ''
    const grouped = (index: string, expression: string, groupBy = expression) =>
      db.all<FacetCount>(
        `SELECT ${expression} AS value, count(*) AS count FROM articles a INDEXED BY ${index} ${scope}
         GROUP BY ${groupBy} ORDER BY count DESC, value LIMIT ${MAX_VALUES}`,
      )
    const totals = await db.get<{ total: number; read: number }>(
      `SELECT count(*) AS total, count(a.read_at) AS read FROM articles a INDEXED BY articles_by_read_at ${scope}`,
    )
    // Distinct ids straight from the highlights index, each tested against the small scope table.
    const annotated = await db.get<{ count: number }>(
      `SELECT count(DISTINCT h.article_id) AS count FROM highlights h INDEXED BY highlights_by_article
       ${scoped ? 'WHERE h.article_id IN (SELECT id FROM temp.facet_scope)' : ''}`,
    )
    const withNotes = annotated?.count ?? 0
    const facets: Facets = {
      total: totals?.total ?? 0,
      tags: await listTags(db, scoped ? { sql: 'SELECT id FROM temp.facet_scope', params: [] } : undefined),
      // Spellings that differ only in case count as one site.
      sites: await grouped('articles_by_site_name', 'a.site_name', 'a.site_name COLLATE NOCASE'),
      languages: await grouped('articles_by_language', 'a.language'),
      years: await grouped('articles_by_published_at', 'substr(a.published_at, 1, 4)'),
      read: totals?.read ?? 0,
      unread: (totals?.total ?? 0) - (totals?.read ?? 0),
      withNotes,
      withoutNotes: (totals?.total ?? 0) - withNotes,
    }
    facets.years.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''))
    return facets
  })
}

/**
 * Fill temp.facet_scope with the selected ids; returns false when nothing narrows the
 * selection (every article counts).
 */
async function buildScope(db: Database, text: string, filters: SqlCondition[]): Promise<boolean> {
  const compiled = text === '' ? null : await prepareQuery(db, text)
  const conditions = [...filters, ...(compiled?.conditions ?? [])]
  if (compiled?.exclude) {
    conditions.push({
      sql: 'a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)',
      params: [compiled.exclude],
    })
  }
  if (!compiled?.match && conditions.length === 0) return false
  const matches = compiled?.match
    ? { sql: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [compiled.match] }
    : null
  await fillScope(db, 'facet_scope', matches, conditions)
  return true
}
