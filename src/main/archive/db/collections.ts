import { ApiError } from '../../../common/api'
import type { Collection } from '../../../common/types'
import type { Database } from './database'

interface CollectionRow {
  id: number
  name: string
  created_at: string
  count: number
}

export const nameOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true })

/** The name as stored, and its case-folded identity (one per name, ignoring case). */
export function cleanName(name: string): { name: string; key: string } {
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (cleaned === '')
    throw new ApiError('invalid-arguments', 'a name cannot be empty', { messageKey: 'name-empty' })
  return { name: cleaned, key: cleaned.toLowerCase() }
}

const COLLECTION_SELECT = `SELECT c.id, c.name, c.created_at,
  (SELECT count(*) FROM collection_articles ca WHERE ca.collection_id = c.id) AS count
  FROM collections c`

function toCollection(row: CollectionRow): Collection {
  return { id: row.id, name: row.name, count: row.count, createdAt: row.created_at }
}

export async function listCollections(db: Database): Promise<Collection[]> {
  const rows = await db.all<CollectionRow>(COLLECTION_SELECT)
  return rows.map(toCollection).sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id)
}

export async function getCollection(db: Database, id: number): Promise<Collection> {
  const row = await db.get<CollectionRow>(`${COLLECTION_SELECT} WHERE c.id = ?`, [id])
  if (!row)
    throw new ApiError('not-found', `no collection with id ${id}`, {
      messageKey: 'collection-not-found',
      params: { id },
    })
  return toCollection(row)
}

export async function createCollection(db: Database, name: string, now: string): Promise<Collection> {
  const cleaned = cleanName(name)
  await refuseTakenName(db, cleaned.key)
  const result = await db.run('INSERT INTO collections (name, name_key, created_at) VALUES (?, ?, ?)', [
    cleaned.name,
    cleaned.key,
    now,
  ])
  return getCollection(db, result.lastID)
}

export async function renameCollection(db: Database, id: number, name: string): Promise<Collection> {
  const cleaned = cleanName(name)
  await getCollection(db, id)
  await refuseTakenName(db, cleaned.key, id)
  await db.run('UPDATE collections SET name = ?, name_key = ? WHERE id = ?', [cleaned.name, cleaned.key, id])
  return getCollection(db, id)
}

export async function deleteCollection(db: Database, id: number): Promise<boolean> {
  const result = await db.run('DELETE FROM collections WHERE id = ?', [id])
  return result.changes > 0
}

/** Add articles (the caller checked they exist); returns the ids that were not in it yet. */
export async function addToCollection(
  db: Database,
  id: number,
  articleIds: readonly number[],
  now: string,
): Promise<number[]> {
  await getCollection(db, id)
  const rows = await db.all<{ article_id: number }>(
    `INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at)
     SELECT ?, a.id, ? FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
     RETURNING article_id`,
    [id, now, JSON.stringify(articleIds)],
  )
  return rows.map((row) => row.article_id)
}

export async function removeFromCollection(
  db: Database,
  id: number,
  articleIds: readonly number[],
): Promise<number[]> {
  await getCollection(db, id)
  const rows = await db.all<{ article_id: number }>(
    `DELETE FROM collection_articles
     WHERE collection_id = ? AND article_id IN (SELECT value FROM json_each(?))
     RETURNING article_id`,
    [id, JSON.stringify(articleIds)],
  )
  return rows.map((row) => row.article_id)
}

async function refuseTakenName(db: Database, key: string, exceptId?: number): Promise<void> {
  const taken = await db.get<{ id: number; name: string }>(
    'SELECT id, name FROM collections WHERE name_key = ?',
    [key],
  )
  if (taken && taken.id !== exceptId) {
    throw new ApiError('conflict', `a collection named "${taken.name}" already exists`, {
      messageKey: 'collection-name-taken',
      params: { name: taken.name },
    })
  }
}
