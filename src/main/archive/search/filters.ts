import type { ArticleFilter, PageKind } from '../../../common/types'
import type { SqlValue } from '../db/database'
import { tagKey } from '../db/tags'

/**
 * A piece of WHERE clause over `articles a`, with positional parameters. It reads only the
 * columns of articles_filter_fields (id, site_name, language, published_at, read_at, page_kind),
 * so a selection never touches the large article rows (see selection.ts).
 */
export interface SqlCondition {
  sql: string
  params: SqlValue[]
  /**
   * For a condition that admits a set of ids listed cheaply from a small table (a tag's, a
   * collection's, the annotated articles): a SELECT of exactly those ids, as column `id`. A search
   * may start from them when they are few (selection.ts). Negations and alternatives have none.
   */
  ids?: SqlCondition
}

/** `a.id IN (ids)`, carrying the ids query for a search that starts from them. */
function amongIds(ids: SqlCondition): SqlCondition {
  return { sql: `a.id IN (${ids.sql})`, params: ids.params, ids }
}

/** Sorts after every character an ISO date may continue with, so `< '2026~'` ends 2026. */
const AFTER_PERIOD = '~'

/**
 * Articles carrying at least one of the tags, a tag also standing for every tag nested under
 * it ("region" includes "region/caucasus"). One subquery for all of them, so SQLite looks the
 * ids up instead of testing every article.
 */
export function tagsCondition(names: readonly string[]): SqlCondition {
  const perTag = names.map((name) => {
    const key = tagKey(name)
    return {
      sql: '(t.name_key = ? OR (t.name_key >= ? AND t.name_key < ?))',
      params: [key, `${key}/`, `${key}0`],
    }
  })
  const anyTag = or(perTag)
  return amongIds({
    sql: `SELECT at.article_id AS id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE ${anyTag.sql}`,
    params: anyTag.params,
  })
}

export function tagCondition(name: string): SqlCondition {
  return tagsCondition([name])
}

/** Published on or after the start of the period ("2026", "2026-02", "2026-02-07"). */
export function publishedFrom(date: string): SqlCondition {
  return { sql: 'a.published_at >= ?', params: [date] }
}

/** Published up to the end of the period. */
export function publishedUntil(date: string): SqlCondition {
  return { sql: 'a.published_at < ?', params: [`${date}${AFTER_PERIOD}`] }
}

/** Published after the end of the period ("after:2025" starts with 2026). */
export function publishedAfter(date: string): SqlCondition {
  return { sql: 'a.published_at > ?', params: [`${date}${AFTER_PERIOD}`] }
}

/** Published before the period starts. */
export function publishedBefore(date: string): SqlCondition {
  return { sql: 'a.published_at < ?', params: [date] }
}

export function readCondition(read: boolean): SqlCondition {
  return { sql: read ? 'a.read_at IS NOT NULL' : 'a.read_at IS NULL', params: [] }
}

/** With at least one highlight (a note always belongs to one), or with none. */
export function notesCondition(hasNotes: boolean): SqlCondition {
  const annotated = { sql: 'SELECT article_id AS id FROM highlights', params: [] }
  return hasNotes ? amongIds(annotated) : { sql: `a.id NOT IN (${annotated.sql})`, params: [] }
}

export function languageCondition(language: string): SqlCondition {
  return { sql: 'a.language = ?', params: [language.toLowerCase()] }
}

/**
 * Pages recognised as this kind (a forum thread, documentation…). IS rather than =, so that its
 * negation (-kind:article) keeps what has no kind at all: text copies, PDFs, references.
 */
export function pageKindCondition(pageKind: PageKind): SqlCondition {
  return { sql: 'a.page_kind IS ?', params: [pageKind] }
}

/** The conditions of the library's filter panel (everything but the text query). */
export function filterConditions(filter: ArticleFilter & { tag?: string }): SqlCondition[] {
  const conditions: SqlCondition[] = []
  const tagNames = [...(filter.tags ?? []), ...(filter.tag === undefined ? [] : [filter.tag])]
  if (tagNames.length > 0) {
    if (filter.tagMode === 'all') conditions.push(...tagNames.map(tagCondition))
    else conditions.push(tagsCondition(tagNames))
  }
  if (filter.site !== undefined) {
    conditions.push(
      filter.site === null
        ? { sql: 'a.site_name IS NULL', params: [] }
        : { sql: 'a.site_name = ? COLLATE NOCASE', params: [filter.site] },
    )
  }
  if (filter.language !== undefined) {
    conditions.push(
      filter.language === null
        ? { sql: 'a.language IS NULL', params: [] }
        : languageCondition(filter.language),
    )
  }
  if (filter.dateFrom !== undefined) conditions.push(publishedFrom(filter.dateFrom))
  if (filter.dateTo !== undefined) conditions.push(publishedUntil(filter.dateTo))
  if (filter.read !== undefined) conditions.push(readCondition(filter.read))
  if (filter.hasNotes !== undefined) conditions.push(notesCondition(filter.hasNotes))
  if (filter.pageKind !== undefined) conditions.push(pageKindCondition(filter.pageKind))
  if (filter.collection !== undefined) {
    conditions.push(
      amongIds({
        sql: 'SELECT article_id AS id FROM collection_articles WHERE collection_id = ?',
        params: [filter.collection],
      }),
    )
  }
  return conditions
}

export function and(conditions: readonly SqlCondition[]): SqlCondition {
  return join(conditions, 'AND', '1')
}

export function or(conditions: readonly SqlCondition[]): SqlCondition {
  return join(conditions, 'OR', '0')
}

export function not(condition: SqlCondition): SqlCondition {
  return { sql: `NOT (${condition.sql})`, params: condition.params }
}

function join(conditions: readonly SqlCondition[], operator: string, empty: string): SqlCondition {
  if (conditions.length === 0) return { sql: empty, params: [] }
  if (conditions.length === 1) return conditions[0]!
  return {
    sql: conditions.map((condition) => `(${condition.sql})`).join(` ${operator} `),
    params: conditions.flatMap((condition) => condition.params),
  }
}
