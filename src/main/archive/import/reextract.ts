import { ApiError } from '../../../common/api'
import type { ExtractedArticle, PasteInput, ReextractResult } from '../../../common/types'
import { updateArticleContent } from '../db/articles'
import type { Database } from '../db/database'
import { extractDocument, extractPaste } from '../extract/index'
import { settleItemAfterContent } from '../items/edit'
import { flushSearchIndex } from '../search/indexer'
import { reanchorHighlights } from '../highlights/store'

interface SourceRow {
  id: number
  title: string
  format: string
  source_name: string | null
  url: string | null
  bytes: Buffer
  name: string | null
}

/** Extract the kept original again, the way import did. */
async function extractOriginal(row: SourceRow): Promise<ExtractedArticle> {
  if (row.format === 'reference') {
    throw new ApiError(
      'unsupported',
      `article ${row.id} came from a reference list and has no page to extract`,
    )
  }
  if (row.format === 'paste-text' || row.format === 'paste-html') {
    const paste = JSON.parse(row.bytes.toString('utf8')) as PasteInput
    return extractPaste(paste)
  }
  return extractDocument({
    name: row.source_name ?? row.name ?? `article-${row.id}`,
    bytes: row.bytes,
    ...(row.url ? { url: row.url } : {}),
  })
}

/**
 * Re-run extraction on an article's original bytes and store the result in one transaction. The
 * id, tags, collections, reading state and highlights stay; highlights are found again in the
 * new text (or kept as orphaned). Fields the new extraction leaves empty keep their stored value.
 */
export async function reextractArticle(db: Database, id: number, now: string): Promise<ReextractResult> {
  const row = await db.get<SourceRow>(
    `SELECT a.id, a.title, a.format, a.source_name, a.url, o.bytes, o.name
     FROM articles a JOIN originals o ON o.sha256 = a.original_sha256 WHERE a.id = ?`,
    [id],
  )
  if (!row)
    throw new ApiError('not-found', `no article with id ${id}`, {
      messageKey: 'article-not-found',
      params: { ids: String(id) },
    })
  const extracted = await extractOriginal(row)
  return db.transaction(async () => {
    await updateArticleContent(db, id, extracted, now)
    await settleItemAfterContent(db, id, extracted, now)
    await flushSearchIndex(db)
    const { anchored, orphaned } = await reanchorHighlights(db, id, extracted.contentText)
    return {
      id,
      title: extracted.title,
      highlightsAnchored: anchored,
      highlightsOrphaned: orphaned,
      warnings: extracted.warnings,
    }
  })
}
