/**
 * Editing an article's bibliographic item. A page keeps deriving its item from its own fields until a
 * change reaches beyond them (a CSL variable, the kind of source, a citation key); from then on the
 * item is stored as its record, and the library's columns follow the record.
 */
import type { CslItem } from '../../../common/csl'
import type {
  ArticleCitationPatch,
  ArticlePatch,
  CslItemPatch,
  ExtractedArticle,
} from '../../../common/types'
import { KIND_TO_TYPE, parseDate, parseName } from '../citations/csl-item'
import type { Database } from '../db/database'
import { ITEM_COLUMNS, itemOfRow, mirrorOf, pageRecord, type ItemRow } from './record'

export type ItemEdit = ArticlePatch & ArticleCitationPatch

/** Whether an edit needs the item stored as a record (a page's own columns cannot hold it). */
function reachesBeyondColumns(edit: ItemEdit): boolean {
  return edit.item !== undefined || edit.itemType !== undefined || edit.citationKey !== undefined
}

/** The item after an edit: the page fields, the citation fields, then the CSL variables given. */
export function editedItem(item: CslItem, edit: ItemEdit): CslItem {
  const next: CslItem = { ...item }
  const set = (variable: keyof CslItem, value: unknown): void => {
    const record = next as Record<string, unknown>
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      delete record[variable]
    else record[variable] = value
  }
  if (edit.title !== undefined) set('title', edit.title)
  if (edit.subtitle !== undefined) set('subtitle', edit.subtitle)
  if (edit.authors !== undefined)
    set(
      'author',
      edit.authors.map(parseName).filter((name) => name !== null),
    )
  if (edit.siteName !== undefined) set('container-title', edit.siteName)
  if (edit.section !== undefined) set('section', edit.section)
  if (edit.publishedAt !== undefined) set('issued', parseDate(edit.publishedAt))
  if (edit.language !== undefined) set('language', edit.language)
  if (edit.url !== undefined) set('URL', edit.url)
  if (edit.accessedAt !== undefined) set('accessed', parseDate(edit.accessedAt))
  if (edit.citeKind !== undefined && edit.citeKind !== null) next.type = KIND_TO_TYPE[edit.citeKind]
  if (edit.itemType !== undefined) next.type = edit.itemType
  for (const [variable, value] of Object.entries(edit.item ?? ({} as CslItemPatch)))
    set(variable as keyof CslItem, value)
  if (edit.citationKey !== undefined) set('citation-key', edit.citationKey)
  return next
}

/**
 * Apply an edit to a stored record, or to a page's item when the edit needs a record. Returns false
 * when the article keeps deriving its item (the caller updates its columns), or when it does not exist.
 * Call inside a transaction.
 */
export async function editItemRecord(
  db: Database,
  id: number,
  edit: ItemEdit,
  now: string,
): Promise<boolean> {
  const row = await db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = ?`, [id])
  if (!row || (row.csl === null && !reachesBeyondColumns(edit))) return false
  await writeItemRecord(db, id, editedItem(itemOfRow(row), edit), now)
  return true
}

/**
 * After an article's content was stored from an extraction (import, re-extraction, a replacing
 * import): a stored record stays the item (the library's columns follow it again), and a page without
 * one gets one when the extraction found what the page is as a publication. Call inside a transaction.
 */
export async function settleItemAfterContent(
  db: Database,
  id: number,
  extracted: ExtractedArticle,
  now: string,
): Promise<void> {
  const row = await db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = ?`, [id])
  if (!row) return
  if (row.csl !== null) {
    await writeItemRecord(db, id, itemOfRow(row), now)
    return
  }
  const record = pageRecord(extracted, row.added_at)
  if (record) await writeItemRecord(db, id, { ...record, id: String(id) }, now)
}

/** Store an item as the article's record and bring the library's columns in line with it. */
export async function writeItemRecord(db: Database, id: number, item: CslItem, now: string): Promise<void> {
  const { id: _id, 'citation-key': citationKey, ...record } = item
  const columns = mirrorOf(item)
  await db.run(
    `UPDATE articles SET csl = $csl, citation_key = $key, title = $title, subtitle = $subtitle, authors = $authors,
       site_name = $site, section = $section, published_at = $published, language = $language, url = $url,
       updated_at = $now
     WHERE id = $id`,
    {
      $id: id,
      $csl: JSON.stringify(record),
      $key: citationKey ?? null,
      $title: columns.title,
      $subtitle: columns.subtitle,
      $authors: JSON.stringify(columns.authors),
      $site: columns.siteName,
      $section: columns.section,
      $published: columns.publishedAt,
      $language: columns.language,
      $url: columns.url,
      $now: now,
    },
  )
}
