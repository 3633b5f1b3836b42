/**
 * Attaching a page or a PDF to an item: a reference read from a file gets its reading copy later, or a
 * page gets another copy of itself. The item keeps its record (and its id, tags, lists and notes); the
 * file becomes its original and its reading copy. The original it had stays in the archive.
 */
import { createHash } from 'node:crypto'
import { ApiError } from '../../../common/api'
import { updateArticleContent } from '../db/articles'
import type { Database } from '../db/database'
import { ExtractError, extractDocument } from '../extract/index'
import { writeItemRecord } from '../items/edit'
import { ITEM_COLUMNS, itemOfRow, type ItemRow } from '../items/record'
import { reanchorHighlights } from '../highlights/store'
import { flushSearchIndex } from '../search/indexer'

export async function attachFile(
  db: Database,
  id: number,
  file: { name: string; bytes: Buffer },
  now: string,
): Promise<void> {
  const known = await db.get<{ id: number }>('SELECT id FROM articles WHERE id = ?', [id])
  if (!known)
    throw new ApiError('not-found', `no article with id ${id}`, {
      messageKey: 'article-not-found',
      params: { ids: String(id) },
    })
  let extracted: Awaited<ReturnType<typeof extractDocument>>
  try {
    extracted = await extractDocument({ name: file.name, bytes: file.bytes })
  } catch (error) {
    if (error instanceof ExtractError) throw new ApiError('unsupported', error.message, error.ref)
    throw error
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  await db.transaction(async () => {
    const row = await db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = ?`, [id])
    if (!row)
      throw new ApiError('not-found', `no article with id ${id}`, {
        messageKey: 'article-not-found',
        params: { ids: String(id) },
      })
    await db.run('INSERT OR IGNORE INTO originals (sha256, bytes, size, name) VALUES (?, ?, ?, ?)', [
      sha256,
      file.bytes,
      file.bytes.length,
      file.name,
    ])
    await updateArticleContent(db, id, extracted, now, { sourceName: file.name, sha256 })
    if (row.csl !== null) {
      // The record describes the item; the page only adds what the record did not have.
      const item = itemOfRow(row)
      if (!item.URL && extracted.url) item.URL = extracted.url
      if (!item.language && extracted.language) item.language = extracted.language
      await writeItemRecord(db, id, item, now)
    }
    await reanchorHighlights(db, id, extracted.contentText)
    await flushSearchIndex(db)
  })
}
