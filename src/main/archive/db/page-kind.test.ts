import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleExtracted, storeSample } from '../../../../tests/support/articles'
import { tempFolder } from '../../../../tests/support/helpers'
import { listArticles } from '../search/library'
import { getArticle, updateArticleContent } from './articles'
import { type Database, openArchiveDatabase } from './index'

let folder: Awaited<ReturnType<typeof tempFolder>>
let db: Database

beforeAll(async () => {
  folder = await tempFolder('page-kind')
  db = await openArchiveDatabase(join(folder.dir, 'lectern.sqlite'))
})

afterAll(async () => {
  await db.close()
  await folder.cleanup()
})

describe('the kind of page, stored with the article', () => {
  it('is kept, listed and shown; a thread is cited as a post', async () => {
    const id = await storeSample(db, { format: 'html', title: 'Best first telescope?', pageKind: 'forum' })
    const article = await getArticle(db, id)
    expect(article?.pageKind).toBe('forum')
    expect(article?.itemType).toBe('post')
    expect(article?.item.type).toBe('post')
    const listed = (await listArticles(db, {})).items.find((item) => item.id === id)
    expect(listed?.pageKind).toBe('forum')
    expect(listed?.itemType).toBe('post')
  })

  it('follows a re-extraction, and stays when the new one recognises no kind', async () => {
    const id = await storeSample(db, { format: 'html', title: 'Harbour CLI', pageKind: 'article' })
    const now = new Date().toISOString()
    await updateArticleContent(
      db,
      id,
      sampleExtracted({ format: 'html', title: 'Harbour CLI', pageKind: 'documentation' }),
      now,
    )
    expect((await getArticle(db, id))?.pageKind).toBe('documentation')
    await updateArticleContent(db, id, sampleExtracted({ format: 'text', title: 'Harbour CLI' }), now)
    expect((await getArticle(db, id))?.pageKind).toBe('documentation')
    expect((await getArticle(db, id))?.itemType).toBe('webpage')
  })

  it('is null for an article stored without one', async () => {
    const id = await storeSample(db, { title: 'A pasted note' })
    expect((await getArticle(db, id))?.pageKind).toBeNull()
  })
})
