import type { ArticleFilter } from '../../../common/types'
import type { SqlValue } from '../db/database'
import { tagKey } from '../db/tags'

/** A piece of WHERE clause over `articles a`, with positional parameters. */
export interface SqlCondition {
  sql: string
  params: SqlValue[]
  /**
   * The same condition as a SELECT of article ids that never reads the articles table (whose
   * rows are large), taking the same params; set where such a form exists.
   */
  idsSql?: string
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
  const idsSql = `SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE ${anyTag.sql}`
  return { sql: `a.id IN (${idsSql})`, params: anyTag.params, idsSql }
}

export function tagCondition(name: string): SqlCondition {
  return tagsCondition([name])
}

/** As a SELECT of article ids (see SqlCondition.idsSql). */
export function idsOf(condition: SqlCondition): string {
  return condition.idsSql ?? `SELECT a.id FROM articles a WHERE ${condition.sql}`
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
  const annotated = 'SELECT article_id FROM highlights'
  if (hasNotes) return { sql: `a.id IN (${annotated})`, params: [], idsSql: annotated }
  return {
    sql: `a.id NOT IN (${annotated})`,
    params: [],
    // A small index holds every id, so the large article rows are never read.
    idsSql: `SELECT a.id FROM articles a INDEXED BY articles_by_read_at WHERE a.id NOT IN (${annotated})`,
  }
}

export function languageCondition(language: string): SqlCondition {
  return { sql: 'a.language = ?', params: [language.toLowerCase()] }
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
  if (filter.collection !== undefined) {
    const idsSql = 'SELECT article_id FROM collection_articles WHERE collection_id = ?'
    conditions.push({ sql: `a.id IN (${idsSql})`, params: [filter.collection], idsSql })
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

/** `WHERE …` for a list of conditions, or an empty clause. */
export function whereClause(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '', params: [] }
  const combined = and(conditions)
  return { sql: `WHERE (${combined.sql})`, params: combined.params }
}

function join(conditions: readonly SqlCondition[], operator: string, empty: string): SqlCondition {
  if (conditions.length === 0) return { sql: empty, params: [] }
  if (conditions.length === 1) return conditions[0]!
  return {
    sql: conditions.map((condition) => `(${condition.sql})`).join(` ${operator} `),
    params: conditions.flatMap((condition) => condition.params),
  }
}
