import type { Database } from '../db/database'
import { idsOf, type SqlCondition } from './filters'

/** Temporary tables that hold a selection of article ids for the queries that follow. */
export type ScopeTable = 'search_scope' | 'facet_scope'

/**
 * Fill a temporary table with the ids that `first` selects (a SELECT of ids) and every one of
 * `conditions` holds for. Each condition is applied on its own, so SQLite answers it from an
 * index instead of reading the (large) article rows; later queries test membership cheaply.
 */
export async function fillScope(
  db: Database,
  table: ScopeTable,
  first: { sql: string; params: SqlCondition['params'] } | null,
  conditions: readonly SqlCondition[],
): Promise<void> {
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`)
  await db.run(`DELETE FROM temp.${table}`)
  const rest = [...conditions]
  const seed = first ?? toIds(rest.shift())
  if (!seed) throw new Error('a scope needs at least one condition')
  // OR IGNORE: an id set may name an article twice (a tag and its child on one article).
  await db.run(`INSERT OR IGNORE INTO temp.${table} (id) ${seed.sql}`, seed.params)
  for (const condition of rest) {
    await db.run(`DELETE FROM temp.${table} WHERE id NOT IN (${idsOf(condition)})`, condition.params)
  }
}

function toIds(condition: SqlCondition | undefined): { sql: string; params: SqlCondition['params'] } | null {
  return condition ? { sql: idsOf(condition), params: condition.params } : null
}
