/** SQL for citation lists (migration 2) and the citation fields of articles (accessed_at, cite_kind). */
import { ApiError } from '../../../../common/api'
import type { CslItem } from '../../../../common/csl'
import type { CitationList, CitationListItem, CiteKind, CiteLocale } from '../../../../common/types'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../../db/articles'
import type { Database } from '../../db/database'
import { tagsByArticle } from '../../db/tags'
import { ITEM_COLUMNS, itemOfRow, type ItemRow } from '../../items/record'

interface ListRow {
  id: number
  name: string
  style: string
  locale: string
  created_at: string
  updated_at: string
  count: number
}

interface ListItemRow extends SummaryRow {
  position: number
}

/** An article's citation fields, as articleToCsl and the warnings need them. */

const LIST_SELECT = `SELECT l.id, l.name, l.style, l.locale, l.created_at, l.updated_at,
  (SELECT count(*) FROM citation_list_items i WHERE i.list_id = l.id) AS count
  FROM citation_lists l`

const nameOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true })

function cleanName(name: string): { name: string; key: string } {
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (cleaned === '')
    throw new ApiError('invalid-arguments', 'a list name cannot be empty', { messageKey: 'name-empty' })
  return { name: cleaned, key: cleaned.toLowerCase() }
}

function toList(row: ListRow): CitationList {
  return {
    id: row.id,
    name: row.name,
    style: row.style,
    locale: row.locale as CiteLocale,
    count: row.count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function listLists(db: Database): Promise<CitationList[]> {
  const rows = await db.all<ListRow>(LIST_SELECT)
  return rows.map(toList).sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id)
}

export async function getList(db: Database, id: number): Promise<CitationList> {
  const row = await db.get<ListRow>(`${LIST_SELECT} WHERE l.id = ?`, [id])
  if (!row)
    throw new ApiError('not-found', `no citation list with id ${id}`, {
      messageKey: 'list-not-found',
      params: { id },
    })
  return toList(row)
}

async function refuseTakenName(db: Database, key: string, exceptId?: number): Promise<void> {
  const taken = await db.get<{ id: number; name: string }>(
    'SELECT id, name FROM citation_lists WHERE name_key = ?',
    [key],
  )
  if (taken && taken.id !== exceptId)
    throw new ApiError('conflict', `a citation list named "${taken.name}" already exists`, {
      messageKey: 'list-name-taken',
      params: { name: taken.name },
    })
}

export async function createList(
  db: Database,
  list: { name: string; style: string; locale: CiteLocale },
  now: string,
): Promise<CitationList> {
  const cleaned = cleanName(list.name)
  await refuseTakenName(db, cleaned.key)
  const result = await db.run(
    `INSERT INTO citation_lists (name, name_key, style, locale, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [cleaned.name, cleaned.key, list.style, list.locale, now, now],
  )
  return getList(db, result.lastID)
}

export async function renameList(db: Database, id: number, name: string, now: string): Promise<CitationList> {
  const cleaned = cleanName(name)
  await getList(db, id)
  await refuseTakenName(db, cleaned.key, id)
  await db.run('UPDATE citation_lists SET name = ?, name_key = ?, updated_at = ? WHERE id = ?', [
    cleaned.name,
    cleaned.key,
    now,
    id,
  ])
  return getList(db, id)
}

export async function setListStyle(
  db: Database,
  id: number,
  style: string,
  locale: CiteLocale,
  now: string,
): Promise<CitationList> {
  await getList(db, id)
  await db.run('UPDATE citation_lists SET style = ?, locale = ?, updated_at = ? WHERE id = ?', [
    style,
    locale,
    now,
    id,
  ])
  return getList(db, id)
}

export async function deleteList(db: Database, id: number): Promise<boolean> {
  const result = await db.run('DELETE FROM citation_lists WHERE id = ?', [id])
  return result.changes > 0
}

/** The article ids of a list in list order. */
export async function listArticleIds(db: Database, listId: number): Promise<number[]> {
  const rows = await db.all<{ article_id: number }>(
    'SELECT article_id FROM citation_list_items WHERE list_id = ? ORDER BY position',
    [listId],
  )
  return rows.map((row) => row.article_id)
}

/** Appends the ids not yet in the list, in the order given; returns those added. */
export async function appendToList(
  db: Database,
  listId: number,
  articleIds: readonly number[],
  now: string,
): Promise<number[]> {
  const present = new Set(await listArticleIds(db, listId))
  const added: number[] = []
  for (const articleId of articleIds) {
    if (present.has(articleId)) continue
    present.add(articleId)
    added.push(articleId)
  }
  if (added.length === 0) return added
  await db.run(
    `INSERT INTO citation_list_items (list_id, article_id, position)
     SELECT ?, value, ? + key FROM json_each(?)`,
    [listId, present.size - added.length, JSON.stringify(added)],
  )
  await touch(db, listId, now)
  return added
}

/** Removes the given ids and closes the gaps; returns those that were in the list. */
export async function removeFromList(
  db: Database,
  listId: number,
  articleIds: readonly number[],
  now: string,
): Promise<number[]> {
  const current = await listArticleIds(db, listId)
  const removing = new Set(articleIds)
  const removed = current.filter((id) => removing.has(id))
  if (removed.length === 0) return removed
  await db.run(
    'DELETE FROM citation_list_items WHERE list_id = ? AND article_id IN (SELECT value FROM json_each(?))',
    [listId, JSON.stringify(removed)],
  )
  await writeOrder(
    db,
    listId,
    current.filter((id) => !removing.has(id)),
  )
  await touch(db, listId, now)
  return removed
}

/** Stores `order` (every article of the list, once each) as the list's positions. */
export async function writeOrder(db: Database, listId: number, order: readonly number[]): Promise<void> {
  await db.run(
    `UPDATE citation_list_items SET position = o.key
     FROM (SELECT key, value FROM json_each(?)) AS o
     WHERE citation_list_items.list_id = ? AND citation_list_items.article_id = o.value`,
    [JSON.stringify(order), listId],
  )
}

export async function touch(db: Database, listId: number, now: string): Promise<void> {
  await db.run('UPDATE citation_lists SET updated_at = ? WHERE id = ?', [now, listId])
}

export async function listItems(db: Database, listId: number): Promise<CitationListItem[]> {
  return db.exclusive(async () => {
    const rows = await db.all<ListItemRow>(
      `SELECT i.position, ${SUMMARY_COLUMNS} FROM citation_list_items i JOIN articles a ON a.id = i.article_id
       WHERE i.list_id = ? ORDER BY i.position`,
      [listId],
    )
    const tags = await tagsByArticle(
      db,
      rows.map((row) => row.id),
    )
    return rows.map((row) => toItem(row, tags.get(row.id) ?? []))
  })
}

/** The bibliographic items of the given articles, in the order of `ids`; throws not-found naming missing ids. */
export async function citationItems(db: Database, ids: readonly number[]): Promise<CslItem[]> {
  const rows = await db.all<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length > 0)
    throw new ApiError(
      'not-found',
      missing.length === 1
        ? `no article with id ${missing[0]}`
        : `no articles with ids ${missing.join(', ')}`,
      { messageKey: 'article-not-found', params: { ids: missing.join(', ') } },
    )
  return ids.map((id) => itemOfRow(byId.get(id)!))
}

/** Sets the given citation fields; returns false when the article does not exist. */
export async function updateArticleCitationFields(
  db: Database,
  id: number,
  fields: { accessedAt?: string | null; citeKind?: CiteKind | null; format?: 'reference' },
  now: string,
): Promise<boolean> {
  const assignments = ['updated_at = $now']
  const params: Record<string, string | number | null> = { $id: id, $now: now }
  if (fields.accessedAt !== undefined) {
    assignments.push('accessed_at = $accessed')
    params.$accessed = fields.accessedAt
  }
  if (fields.citeKind !== undefined) {
    assignments.push('cite_kind = $kind')
    params.$kind = fields.citeKind
  }
  if (fields.format !== undefined) {
    assignments.push('format = $format')
    params.$format = fields.format
  }
  const result = await db.run(`UPDATE articles SET ${assignments.join(', ')} WHERE id = $id`, params)
  return result.changes > 0
}

function toItem(row: ListItemRow, tags: string[]): CitationListItem {
  return {
    ...toSummary(row, tags),
    position: row.position,
    accessedAt: row.accessed_at,
    citeKind: row.cite_kind as CiteKind | null,
  }
}
