import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { storeSample } from '../../../../tests/support/articles'
import { tempFolder } from '../../../../tests/support/helpers'
import { Archive } from '../api'
import { countArticles } from './articles'
import { Database } from './database'
import { MIGRATIONS, migrate } from './migrations'

/** The schema version that brings the kept count. */
const COUNT_VERSION = 9

let folder: Awaited<ReturnType<typeof tempFolder>>

beforeEach(async () => {
  folder = await tempFolder('article-count')
})

afterEach(async () => {
  await folder.cleanup()
})

async function counted(db: Database): Promise<number> {
  return (await db.get<{ total: number }>('SELECT count(*) AS total FROM articles'))?.total ?? -1
}

it('an archive from before the count gets it on upgrade, and inserts and deletes keep it', async () => {
  const db = await Database.open(join(folder.dir, 'older.sqlite'))
  try {
    expect(MIGRATIONS[COUNT_VERSION - 1]?.sql).toContain('CREATE TABLE article_count')
    await migrate(db, MIGRATIONS.slice(0, COUNT_VERSION - 1))
    for (let n = 0; n < 5; n++) await storeSample(db, { title: `Article ${n}`, contentText: `Body ${n}` })
    await migrate(db)
    expect(await countArticles(db)).toBe(5)
    await storeSample(db, { title: 'One more', contentText: 'Another body' })
    await db.run('DELETE FROM articles WHERE id IN (1, 3)')
    expect(await countArticles(db)).toBe(await counted(db))
    expect(await countArticles(db)).toBe(4)
  } finally {
    await db.close()
  }
})

it('the library, info and an export loaded into another archive agree with the rows', async () => {
  const archive = await Archive.open({ dir: join(folder.dir, 'archive') })
  const copy = await Archive.open({ dir: join(folder.dir, 'copy') })
  try {
    await archive.importPaste({ text: 'First pasted note\n\nIt has a paragraph about the harbour.' })
    await archive.importPaste({ text: 'Second pasted note\n\nIt has a paragraph about the ferries.' })
    await archive.importPaste({ text: 'Third pasted note\n\nIt has a paragraph about the cranes.' })
    await archive.deleteArticles({ ids: [2] })
    expect((await archive.info({})).articleCount).toBe(2)
    expect((await archive.listArticles({})).total).toBe(2)
    const zip = join(folder.dir, 'export.zip')
    await archive.exportArchive({ file: zip })
    await copy.importArchive({ file: zip })
    expect((await copy.info({})).articleCount).toBe(2)
    expect((await copy.listArticles({})).total).toBe(2)
  } finally {
    await archive.close()
    await copy.close()
  }
})
