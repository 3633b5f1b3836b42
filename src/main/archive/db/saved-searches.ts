import type { ArticleFilter, SavedSearch } from '../../../common/types'
import { cleanName, nameOrder } from './collections'
import type { Database } from './database'

interface SavedSearchRow {
  id: number
  name: string
  query: string
  filters: string
  created_at: string
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  let filters: ArticleFilter = {}
  try {
    const parsed: unknown = JSON.parse(row.filters)
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      filters = parsed as ArticleFilter
  } catch {
    filters = {}
  }
  return { id: row.id, name: row.name, query: row.query, filters, createdAt: row.created_at }
}

export async function listSavedSearches(db: Database): Promise<SavedSearch[]> {
  const rows = await db.all<SavedSearchRow>('SELECT id, name, query, filters, created_at FROM saved_searches')
  return rows.map(toSavedSearch).sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id)
}

/** Save under a name; an existing search of that name (any case) is replaced. */
export async function saveSearch(
  db: Database,
  search: { name: string; query: string; filters?: ArticleFilter },
  now: string,
): Promise<SavedSearch> {
  const cleaned = cleanName(search.name)
  const filters = JSON.stringify(search.filters ?? {})
  const row = await db.get<SavedSearchRow>(
    `INSERT INTO saved_searches (name, name_key, query, filters, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, query = excluded.query, filters = excluded.filters
     RETURNING id, name, query, filters, created_at`,
    [cleaned.name, cleaned.key, search.query, filters, now],
  )
  if (!row) throw new Error('saving the search returned nothing')
  return toSavedSearch(row)
}

export async function deleteSavedSearch(db: Database, id: number): Promise<boolean> {
  const result = await db.run('DELETE FROM saved_searches WHERE id = ?', [id])
  return result.changes > 0
}
