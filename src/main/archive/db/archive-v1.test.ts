import { createHash } from 'node:crypto'
import { copyFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../api'
import { restoreDatabase } from '../backup/index'
import { Database, MIGRATIONS, SCHEMA_VERSION, migrate } from './index'
import { DATABASE_FILE } from '../paths'
import {
  EXPECTED_FILE,
  FIXTURE_FILE,
  makeArchiveV1,
  type ExpectedArticle,
} from '../../../../tests/fixtures/make-archive-v1'
import { tempFolder } from '../../../../tests/support/helpers'

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

function readUserVersion(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError)
      db.get<{ user_version: number }>(
        'PRAGMA user_version',
        (error: Error | null, row?: { user_version: number }) =>
          db.close(() => (error ? reject(error) : resolve(row?.user_version ?? -1))),
      )
    })
  })
}

// Run on demand only (LECTERN_WRITE_FIXTURES=1): it rewrites the committed fixture the tests below read.
describe.runIf(process.env.LECTERN_WRITE_FIXTURES === '1')('regenerating the v1 fixture', () => {
  it('writes tests/fixtures/archive-v1.sqlite and its expectations', async () => {
    const expected = await makeArchiveV1()
    expect(expected).toHaveLength(4)
    expect(await readUserVersion(FIXTURE_FILE)).toBe(1)
  })
})

/** The schema a database file holds, as comparable text. */
async function schemaOf(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError)
      db.all<{ sql: string }>(
        'SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name',
        (error: Error | null, rows: { sql: string }[]) =>
          db.close(() => (error ? reject(error) : resolve(rows.map((row) => row.sql)))),
      )
    })
  })
}

describe('migration 1', () => {
  it('still creates exactly the schema of the committed version-1 archive', async () => {
    const folder = await tempFolder('migration-1')
    try {
      const file = join(folder.dir, 'v1.sqlite')
      const db = await Database.open(file)
      await migrate(db, MIGRATIONS.slice(0, 1))
      await db.close()
      // A released migration must never change: archives made with it exist. If this fails while
      // version 1 is still unreleased, regenerate the fixture (see tests/fixtures/make-archive-v1.ts).
      expect(await schemaOf(file)).toEqual(await schemaOf(FIXTURE_FILE))
    } finally {
      await folder.cleanup()
    }
  })
})

describe('a version-1 archive opened by the current code', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>
  let archive: Archive
  let expected: ExpectedArticle[]

  beforeAll(async () => {
    if (!existsSync(FIXTURE_FILE))
      throw new Error(`${FIXTURE_FILE} is missing; see tests/fixtures/make-archive-v1.ts`)
    expect(await readUserVersion(FIXTURE_FILE)).toBe(1)
    expected = JSON.parse(await readFile(EXPECTED_FILE, 'utf8')) as ExpectedArticle[]
    // Opening migrates the file: work on a copy, never on the fixture.
    folder = await tempFolder('archive-v1')
    await copyFile(FIXTURE_FILE, join(folder.dir, DATABASE_FILE))
    archive = await Archive.open({ dir: folder.dir })
  })

  afterAll(async () => {
    await archive?.close()
    await folder?.cleanup()
  })

  it('is migrated to the current schema', async () => {
    expect((await archive.info({})).schemaVersion).toBe(SCHEMA_VERSION)
    expect(await readUserVersion(join(folder.dir, DATABASE_FILE))).toBe(SCHEMA_VERSION)
  })

  it('keeps every article, field for field, with its original bytes and tags', async () => {
    const page = await archive.listArticles({ limit: 100 })
    expect(page.total).toBe(expected.length)
    for (const want of expected) {
      const article = await archive.getArticle({ id: want.id })
      expect(
        {
          id: article.id,
          title: article.title,
          authors: article.authors,
          siteName: article.siteName,
          publishedAt: article.publishedAt,
          language: article.language,
          url: article.url,
          format: article.format,
          sourceName: article.sourceName,
          addedAt: article.addedAt,
          tags: [...article.tags].sort(),
          originalSha256: article.originalSha256,
          contentTextSha256: sha256(article.contentText),
          contentHtmlSha256: sha256(article.contentHtml),
        },
        `article ${want.id}`,
      ).toEqual(want)
    }
    const originals = await new Promise<{ sha256: string; bytes: Buffer }[]>((resolve, reject) => {
      const db = new sqlite3.Database(join(folder.dir, DATABASE_FILE), sqlite3.OPEN_READONLY, (openError) => {
        if (openError) return reject(openError)
        db.all<{ sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM originals', (error, rows) =>
          db.close(() => (error ? reject(error) : resolve(rows))),
        )
      })
    })
    expect(originals.map((row) => sha256(row.bytes)).sort()).toEqual(
      expected.map((a) => a.originalSha256).sort(),
    )
    expect(originals.every((row) => sha256(row.bytes) === row.sha256)).toBe(true)
  })

  it('keeps the tags with their counts', async () => {
    const counts = new Map<string, number>()
    for (const article of expected)
      for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const tags = await archive.listTags({})
    expect(Object.fromEntries(tags.map((tag) => [tag.name, tag.count]))).toEqual(Object.fromEntries(counts))
  })

  it('is searchable in Russian and English', async () => {
    const visit = await archive.search({ query: 'визит' })
    expect(visit.length).toBeGreaterThan(0)
    const russianPage = expected.find((article) => article.sourceName === 'vizit-v-baku.html')
    expect(visit.map((hit) => hit.id)).toContain(russianPage?.id)
    const spice = expected.find((article) => article.sourceName === 'zanzibar-spice-trade.html')
    expect((await archive.search({ query: 'spice' })).map((hit) => hit.id)).toContain(spice?.id)
  })
})

describe('a version-1 backup restored by the current code', () => {
  it('is accepted, then upgraded when the archive opens', async () => {
    const folder = await tempFolder('restore-v1')
    try {
      const archiveFile = join(folder.dir, DATABASE_FILE)
      const result = await restoreDatabase(archiveFile, FIXTURE_FILE)
      const expected = JSON.parse(await readFile(EXPECTED_FILE, 'utf8')) as ExpectedArticle[]
      expect(result).toMatchObject({ schemaVersion: 1, articleCount: expected.length, previousCopy: null })
      expect(await readUserVersion(FIXTURE_FILE)).toBe(1)
      const archive = await Archive.open({ dir: folder.dir })
      try {
        expect((await archive.info({})).schemaVersion).toBe(SCHEMA_VERSION)
        expect((await archive.listArticles({})).total).toBe(expected.length)
      } finally {
        await archive.close()
      }
    } finally {
      await folder.cleanup()
    }
  })
})
