import type { TagCount } from '../../../common/types'
import type { Database } from './database'

const tagOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true })

/** The name as stored: trimmed, inner whitespace collapsed, Unicode NFC. */
export function normalizeTagName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** Case-folded identity of a tag, so "Кавказ" and "кавказ" are the same tag. */
export function tagKey(name: string): string {
  return normalizeTagName(name).toLowerCase()
}

/** Tag names of each article, in one query for the whole set of ids. */
export async function tagsByArticle(
  db: Database,
  articleIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>()
  if (articleIds.length === 0) return byArticle
  const rows = await db.all<{ article_id: number; name: string }>(
    `SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(articleIds)],
  )
  for (const row of rows) {
    const names = byArticle.get(row.article_id)
    if (names) names.push(row.name)
    else byArticle.set(row.article_id, [row.name])
  }
  for (const names of byArticle.values()) names.sort(tagOrder.compare)
  return byArticle
}

export async function listTags(db: Database): Promise<TagCount[]> {
  const rows = await db.all<TagCount>(
    `SELECT t.name, count(at.article_id) AS count FROM tags t
     LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id`,
  )
  return rows.sort((a, b) => tagOrder.compare(a.name, b.name) || a.name.localeCompare(b.name))
}

/** Attach tags (created on demand) to articles; returns the ids of articles that gained a tag. */
export async function addTags(
  db: Database,
  articleIds: readonly number[],
  names: readonly string[],
): Promise<number[]> {
  const changed: number[] = []
  for (const name of names) {
    const normalized = normalizeTagName(name)
    if (normalized === '') continue
    await db.run('INSERT OR IGNORE INTO tags (name, name_key) VALUES (?, ?)', [
      normalized,
      tagKey(normalized),
    ])
    const rows = await db.all<{ article_id: number }>(
      `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
       SELECT a.id, t.id FROM articles a, tags t
       WHERE a.id IN (SELECT value FROM json_each(?)) AND t.name_key = ?
       RETURNING article_id`,
      [JSON.stringify(articleIds), tagKey(normalized)],
    )
    changed.push(...rows.map((row) => row.article_id))
  }
  return changed
}

/** Detach tags from articles; returns the ids of articles that lost a tag. */
export async function removeTags(
  db: Database,
  articleIds: readonly number[],
  names: readonly string[],
): Promise<number[]> {
  const rows = await db.all<{ article_id: number }>(
    `DELETE FROM article_tags
     WHERE article_id IN (SELECT value FROM json_each(?))
       AND tag_id IN (SELECT id FROM tags WHERE name_key IN (SELECT value FROM json_each(?)))
     RETURNING article_id`,
    [JSON.stringify(articleIds), JSON.stringify(names.map(tagKey))],
  )
  return rows.map((row) => row.article_id)
}

/** A tag lives only while some article carries it. */
export async function deleteUnusedTags(db: Database): Promise<void> {
  await db.run('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)')
}
