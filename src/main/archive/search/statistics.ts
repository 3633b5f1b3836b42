import type { FacetCount } from '../../../common/types'
import type { Database } from '../db/database'

/** Articles per month of publication ("2026-02"), oldest first; undated ones as one null entry. */
export async function articlesPerMonth(db: Database): Promise<FacetCount[]> {
  const rows = await db.all<{ value: string | null; count: number }>(
    `SELECT CASE WHEN length(published_at) >= 7 THEN substr(published_at, 1, 7) END AS value, count(*) AS count
     FROM articles GROUP BY value ORDER BY value IS NULL, value`,
  )
  return rows.map((row) => ({ value: row.value, count: row.count }))
}
