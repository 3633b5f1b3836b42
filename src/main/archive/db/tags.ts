import { ApiError } from '../../../common/api'
import type { DeletedTag, TagCount, TagUndo } from '../../../common/types'
import type { Database } from './database'

const tagOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true })

/** Separates the levels of a nested tag: "region/caucasus". */
export const TAG_PATH_SEPARATOR = '/'

interface TagRow {
  id: number
  name: string
  name_key: string
  color: string | null
  pinned: number
}

/**
 * The name as stored: Unicode NFC, each level of the path trimmed with inner whitespace
 * collapsed, empty levels dropped (" region / caucasus " → "region/caucasus").
 */
export function normalizeTagName(name: string): string {
  return name
    .normalize('NFC')
    .split(TAG_PATH_SEPARATOR)
    .map((level) => level.trim().replace(/\s+/g, ' '))
    .filter((level) => level !== '')
    .join(TAG_PATH_SEPARATOR)
}

/** Case-folded identity of a tag, so "Кавказ" and "кавказ" are the same tag. */
export function tagKey(name: string): string {
  return normalizeTagName(name).toLowerCase()
}

/** "region/caucasus" → "region"; null at the top. */
export function parentTagName(name: string): string | null {
  const cut = name.lastIndexOf(TAG_PATH_SEPARATOR)
  return cut === -1 ? null : name.slice(0, cut)
}

/** Tree order: parents before their children, levels compared as words (numbers by value). */
export function compareTagNames(a: string, b: string): number {
  const levelsA = a.split(TAG_PATH_SEPARATOR)
  const levelsB = b.split(TAG_PATH_SEPARATOR)
  for (let i = 0; i < Math.min(levelsA.length, levelsB.length); i++) {
    const order = tagOrder.compare(levelsA[i]!, levelsB[i]!)
    if (order !== 0) return order
  }
  return levelsA.length - levelsB.length || a.localeCompare(b)
}

/** SQL matching a tag row `t` that is the tag with key ?1 or nested under it (params: key, key/, key0). */
const SUBTREE = '(t.name_key = ? OR (t.name_key >= ? AND t.name_key < ?))'

function subtreeParams(key: string): string[] {
  return [key, `${key}${TAG_PATH_SEPARATOR}`, `${key}0`]
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
  for (const names of byArticle.values()) names.sort(compareTagNames)
  return byArticle
}

/**
 * Every tag in tree order with its own count and the count of its subtree, as the triggers of
 * tag_counts keep them (db/migrations.ts).
 */
export async function listTags(db: Database): Promise<TagCount[]> {
  const rows = await db.all<{ name: string; color: string | null; count: number; total: number }>(
    `SELECT t.name, t.color, c.articles AS count, c.subtree_articles AS total
     FROM tags t JOIN tag_counts c ON c.tag_id = t.id`,
  )
  return rows
    .map((row) => ({
      name: row.name,
      count: row.count,
      total: row.total,
      parent: parentTagName(row.name),
      color: row.color,
    }))
    .sort((a, b) => compareTagNames(a.name, b.name))
}

export async function getTag(db: Database, name: string): Promise<TagCount | undefined> {
  const key = tagKey(name)
  return (await listTags(db)).find((tag) => tagKey(tag.name) === key)
}

/**
 * Create the tag and its missing parents; returns the stored tag's id. Levels that exist keep
 * their spelling: with "Region" stored, "region/europe" is stored as "Region/europe".
 */
export async function ensureTag(db: Database, name: string): Promise<number> {
  const normalized = normalizeTagName(name)
  if (normalized === '')
    throw new ApiError('invalid-arguments', 'a tag name cannot be empty', {
      messageKey: 'name-empty',
    })
  let id = 0
  let storedPath = ''
  for (const level of normalized.split(TAG_PATH_SEPARATOR)) {
    const path = storedPath === '' ? level : `${storedPath}${TAG_PATH_SEPARATOR}${level}`
    await db.run('INSERT OR IGNORE INTO tags (name, name_key) VALUES (?, ?)', [path, tagKey(path)])
    const row = await db.get<{ id: number; name: string }>('SELECT id, name FROM tags WHERE name_key = ?', [
      tagKey(path),
    ])
    if (!row) throw new ApiError('conflict', `the tag "${path}" clashes with an existing tag`)
    id = row.id
    storedPath = row.name
  }
  return id
}

/** Attach tags (created on demand) to articles; returns the ids of articles that gained a tag. */
export async function addTags(
  db: Database,
  articleIds: readonly number[],
  names: readonly string[],
): Promise<number[]> {
  const changed: number[] = []
  for (const name of names) {
    if (normalizeTagName(name) === '') continue
    const tagId = await ensureTag(db, name)
    changed.push(...(await linkArticles(db, tagId, articleIds)))
  }
  return changed
}

async function linkArticles(db: Database, tagId: number, articleIds: readonly number[]): Promise<number[]> {
  const rows = await db.all<{ article_id: number }>(
    `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
     SELECT a.id, ? FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
     RETURNING article_id`,
    [tagId, JSON.stringify(articleIds)],
  )
  return rows.map((row) => row.article_id)
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

/**
 * A tag made implicitly (by tagging) lives while some article carries it or a tag is nested
 * under it; one the user created or coloured stays until deleted.
 */
export async function deleteUnusedTags(db: Database): Promise<void> {
  for (;;) {
    const result = await db.run(
      `DELETE FROM tags WHERE pinned = 0 AND color IS NULL
         AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)
         AND NOT EXISTS (SELECT 1 FROM tags child
                         WHERE child.name_key >= tags.name_key || '/' AND child.name_key < tags.name_key || '0')`,
    )
    // Removing a leaf can leave its parent unused: go again until nothing changes.
    if (result.changes === 0) return
  }
}

/** A tag the user made on purpose: it stays even while no article carries it. */
export async function createTag(db: Database, name: string, color: string | null): Promise<TagCount> {
  const id = await ensureTag(db, name)
  await db.run('UPDATE tags SET pinned = 1, color = coalesce(?, color) WHERE id = ?', [color, id])
  return requireTag(db, name)
}

export async function setTagColor(db: Database, name: string, color: string | null): Promise<TagCount> {
  const row = await findTag(db, name)
  await db.run('UPDATE tags SET color = ? WHERE id = ?', [color, row.id])
  if (color === null) await deleteUnusedTags(db)
  return (
    (await getTag(db, row.name)) ?? {
      name: row.name,
      count: 0,
      total: 0,
      parent: parentTagName(row.name),
      color,
    }
  )
}

/** Rename a tag; the tags nested under it move along ("region" → "area" makes "area/caucasus"). */
export async function renameTag(db: Database, name: string, newName: string): Promise<TagCount> {
  const root = await findTag(db, name)
  const target = normalizeTagName(newName)
  if (target === '')
    throw new ApiError('invalid-arguments', 'a tag name cannot be empty', {
      messageKey: 'name-empty',
    })
  const targetKey = tagKey(target)
  if (targetKey.startsWith(`${root.name_key}${TAG_PATH_SEPARATOR}`)) {
    throw new ApiError('invalid-arguments', `cannot move the tag "${root.name}" under itself`)
  }
  const moving = await subtree(db, root.name_key)
  const movingIds = new Set(moving.map((row) => row.id))
  const renamed = moving.map((row) => ({ row, name: target + row.name.slice(root.name.length) }))
  for (const { name: renamedName } of renamed) {
    const clash = await db.get<{ id: number; name: string }>('SELECT id, name FROM tags WHERE name_key = ?', [
      tagKey(renamedName),
    ])
    if (clash && !movingIds.has(clash.id)) {
      throw new ApiError('conflict', `a tag named "${clash.name}" already exists; merge the tags instead`, {
        messageKey: 'tag-name-taken',
        params: { name: clash.name },
      })
    }
  }
  // Step aside first, so that renames within the moving set never meet a unique index mid-way.
  for (const { row } of renamed) {
    // No NUL here: COLLATE NOCASE stops comparing at a NUL, which would make these names clash.
    const aside = `\u0001renaming ${row.id}`
    await db.run('UPDATE tags SET name = ?, name_key = ? WHERE id = ?', [aside, aside, row.id])
  }
  for (const { row, name: renamedName } of renamed) {
    await db.run('UPDATE tags SET name = ?, name_key = ? WHERE id = ?', [
      renamedName,
      tagKey(renamedName),
      row.id,
    ])
  }
  await ensureTag(db, target)
  await deleteUnusedTags(db)
  return requireTag(db, target)
}

/** Move the articles of `names` to `into` (created if needed) and delete `names`. */
export async function mergeTags(db: Database, names: readonly string[], into: string): Promise<TagCount> {
  const targetId = await ensureTag(db, into)
  for (const name of names) {
    const source = await findTag(db, name)
    if (source.id === targetId) continue
    await db.run(
      `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
       SELECT article_id, ? FROM article_tags WHERE tag_id = ?`,
      [targetId, source.id],
    )
    await db.run('DELETE FROM tags WHERE id = ?', [source.id])
    // Tags nested under a merged tag keep their place; their parent comes back as a plain level.
    const children = await db.get<{ found: number }>(
      'SELECT EXISTS (SELECT 1 FROM tags WHERE name_key >= ? AND name_key < ?) AS found',
      [`${source.name_key}${TAG_PATH_SEPARATOR}`, `${source.name_key}0`],
    )
    if (children?.found) await ensureTag(db, source.name)
  }
  await deleteUnusedTags(db)
  return requireTag(db, into)
}

/** Delete a tag and every tag nested under it; returns what `restoreTags` needs to undo it. */
export async function deleteTag(db: Database, name: string): Promise<TagUndo> {
  const root = await findTag(db, name)
  const rows = await subtree(db, root.name_key)
  const tags: DeletedTag[] = []
  for (const row of rows) {
    const links = await db.all<{ article_id: number }>(
      'SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id',
      [row.id],
    )
    tags.push({
      name: row.name,
      color: row.color,
      pinned: row.pinned !== 0,
      articleIds: links.map((link) => link.article_id),
    })
  }
  await db.run(`DELETE FROM tags AS t WHERE ${SUBTREE}`, subtreeParams(root.name_key))
  await deleteUnusedTags(db)
  return { tags }
}

/** Bring deleted tags back onto the articles that still exist; returns how many tags came back. */
export async function restoreTags(
  db: Database,
  undo: TagUndo,
): Promise<{ restored: number; articleIds: number[] }> {
  const articleIds = new Set<number>()
  for (const tag of undo.tags) {
    const id = await ensureTag(db, tag.name)
    await db.run('UPDATE tags SET color = coalesce(?, color), pinned = max(pinned, ?) WHERE id = ?', [
      tag.color,
      tag.pinned ? 1 : 0,
      id,
    ])
    for (const articleId of await linkArticles(db, id, tag.articleIds)) articleIds.add(articleId)
  }
  await deleteUnusedTags(db)
  return { restored: undo.tags.length, articleIds: [...articleIds] }
}

async function findTag(db: Database, name: string): Promise<TagRow> {
  const row = await db.get<TagRow>('SELECT id, name, name_key, color, pinned FROM tags WHERE name_key = ?', [
    tagKey(name),
  ])
  if (!row)
    throw new ApiError('not-found', `no tag named "${normalizeTagName(name)}"`, {
      messageKey: 'tag-not-found',
      params: { name: normalizeTagName(name) },
    })
  return row
}

async function requireTag(db: Database, name: string): Promise<TagCount> {
  const tag = await getTag(db, name)
  if (!tag)
    throw new ApiError('not-found', `no tag named "${normalizeTagName(name)}"`, {
      messageKey: 'tag-not-found',
      params: { name: normalizeTagName(name) },
    })
  return tag
}

async function subtree(db: Database, key: string): Promise<TagRow[]> {
  return db.all<TagRow>(
    `SELECT t.id, t.name, t.name_key, t.color, t.pinned FROM tags t WHERE ${SUBTREE} ORDER BY t.name_key`,
    subtreeParams(key),
  )
}
