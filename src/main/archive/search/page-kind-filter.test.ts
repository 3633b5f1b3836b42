import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiSchemas } from '../../../common/schema'
import { sampleExtracted, storeSample } from '../../../../tests/support/articles'
import { tempFolder } from '../../../../tests/support/helpers'
import { updateArticleContent } from '../db/articles'
import { type Database, openArchiveDatabase } from '../db/index'
import { countFacets } from './facets'
import { listArticles } from './library'

let folder: Awaited<ReturnType<typeof tempFolder>>
let db: Database
const ids: Record<'thread' | 'otherThread' | 'docs' | 'article' | 'copy', number> = {
  thread: 0,
  otherThread: 0,
  docs: 0,
  article: 0,
  copy: 0,
}

beforeAll(async () => {
  folder = await tempFolder('page-kind-filter')
  db = await openArchiveDatabase(join(folder.dir, 'lectern.sqlite'))
  ids.thread = await storeSample(db, {
    format: 'html',
    title: 'Keeping pages citable',
    pageKind: 'forum',
    language: 'en',
  })
  ids.otherThread = await storeSample(db, {
    format: 'html',
    title: 'Как цитировать форум',
    pageKind: 'forum',
    language: 'ru',
  })
  ids.docs = await storeSample(db, {
    format: 'html',
    title: 'Configuring styles',
    pageKind: 'documentation',
    language: 'en',
  })
  ids.article = await storeSample(db, {
    format: 'html',
    title: 'Harbour report',
    pageKind: 'article',
    language: 'en',
  })
  ids.copy = await storeSample(db, { format: 'text', title: 'A text copy', language: 'en' })
})

afterAll(async () => {
  await db.close()
  await folder.cleanup()
})

const listedIds = async (query: Parameters<typeof listArticles>[1]) =>
  (await listArticles(db, query)).items.map((item) => item.id).sort((a, b) => a - b)

describe('the library filtered by the kind of page', () => {
  it('keeps only the pages of that kind, with the other filters and in the query language', async () => {
    expect(await listedIds({ pageKind: 'forum' })).toEqual([ids.thread, ids.otherThread])
    expect(await listedIds({ pageKind: 'forum', language: 'ru' })).toEqual([ids.otherThread])
    expect(await listedIds({ pageKind: 'documentation' })).toEqual([ids.docs])
    expect(await listedIds({ pageKind: 'product' })).toEqual([])
    expect(await listedIds({ query: 'kind:docs' })).toEqual([ids.docs])
    expect(await listedIds({ query: 'вид:форум lang:en' })).toEqual([ids.thread])
    // A text copy has no kind: leaving out articles keeps it.
    expect(await listedIds({ query: '-kind:article' })).toEqual([
      ids.thread,
      ids.otherThread,
      ids.docs,
      ids.copy,
    ])
    expect((await listArticles(db, { pageKind: 'forum', facets: true })).total).toBe(2)
  })

  it('counts every kind, the pages without one under null, and follows a re-extraction', async () => {
    const counts = async () => (await countFacets(db, {})).pageKinds
    expect(await counts()).toEqual([
      { value: 'forum', count: 2 },
      { value: null, count: 1 },
      { value: 'article', count: 1 },
      { value: 'documentation', count: 1 },
    ])
    expect((await countFacets(db, { language: 'ru' })).pageKinds).toEqual([{ value: 'forum', count: 1 }])
    await updateArticleContent(
      db,
      ids.article,
      sampleExtracted({ format: 'html', title: 'Harbour report', pageKind: 'listing', language: 'en' }),
      new Date().toISOString(),
    )
    expect(await counts()).toContainEqual({ value: 'listing', count: 1 })
    expect(await counts()).not.toContainEqual({ value: 'article', count: 1 })
    expect(await listedIds({ pageKind: 'listing' })).toEqual([ids.article])
  })

  it('reads the kind from the filter index, never from the large article rows', async () => {
    const plan = await db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT a.id FROM articles a INDEXED BY articles_filter_fields
       WHERE a.page_kind IS ? AND a.language = ?`,
      ['forum', 'en'],
    )
    expect(plan.map((step) => step.detail).join('\n')).toContain(
      'USING COVERING INDEX articles_filter_fields',
    )
  })

  it('refuses a kind that does not exist, naming it', () => {
    const parsed = apiSchemas.listArticles.safeParse({ pageKind: 'video' })
    expect(parsed.success).toBe(false)
    expect(JSON.stringify(parsed.error?.issues)).toContain('pageKind')
  })
})
