import type { ReadingState } from '../../../common/types'
import type { Database } from '../db/database'

/** Favourites and how far the reader got: columns of the article row, saved apart from its content. */

/** Returns the ids whose flag changed. */
export async function setFavourite(
  db: Database,
  ids: readonly number[],
  favourite: boolean,
): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `UPDATE articles SET favourite = ? WHERE favourite != ? AND id IN (SELECT value FROM json_each(?))
     RETURNING id`,
    [favourite ? 1 : 0, favourite ? 1 : 0, JSON.stringify(ids)],
  )
  return rows.map((row) => row.id)
}

export async function setReadingProgress(
  db: Database,
  id: number,
  progress: number,
  now: string,
): Promise<boolean> {
  const result = await db.run('UPDATE articles SET reading_progress = ?, last_read_at = ? WHERE id = ?', [
    progress,
    now,
    id,
  ])
  return result.changes > 0
}

export async function readingState(db: Database, id: number): Promise<ReadingState | undefined> {
  const row = await db.get<{
    id: number
    favourite: number
    reading_progress: number
    last_read_at: string | null
  }>('SELECT id, favourite, reading_progress, last_read_at FROM articles WHERE id = ?', [id])
  return (
    row && {
      id: row.id,
      favourite: row.favourite === 1,
      readingProgress: row.reading_progress,
      lastReadAt: row.last_read_at,
    }
  )
}
