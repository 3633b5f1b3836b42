import { createHash } from 'node:crypto'
import type { ExtractedArticle } from '../../src/common/types'
import { insertArticle } from '../../src/main/archive/db/articles'
import type { Database } from '../../src/main/archive/db/database'
import { flushSearchIndex } from '../../src/main/archive/search/indexer'

/** Test support: an extracted article with sensible defaults. */
export function sampleExtracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const contentText = overrides.contentText ?? 'A short body paragraph.'
  return {
    format: 'text',
    title: 'Untitled sample',
    subtitle: null,
    authors: [],
    siteName: null,
    section: null,
    publishedAt: null,
    language: null,
    url: null,
    excerpt: null,
    rights: null,
    wordCount: contentText.split(/\s+/).filter(Boolean).length,
    contentText,
    contentHtml: `<p>${contentText}</p>`,
    warnings: [],
    ...overrides,
  }
}

/** Test support: store an article directly (no extraction), its "original" being its own JSON. */
export async function storeSample(db: Database, overrides: Partial<ExtractedArticle> = {}): Promise<number> {
  const extracted = sampleExtracted(overrides)
  const bytes = Buffer.from(JSON.stringify(extracted), 'utf8')
  return db.transaction(async () => {
    const id = await insertArticle(db, {
      extracted,
      sourceName: 'sample.txt',
      original: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes, name: 'sample.txt' },
      addedAt: new Date().toISOString(),
    })
    await flushSearchIndex(db)
    return id
  })
}
