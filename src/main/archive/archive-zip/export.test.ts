import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import sqlite3 from 'sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../api'
import { EXPORT_FORMAT_VERSION } from './index'
import { USER_TABLES } from './format'
import { readZipEntries } from './zip-stream'
import { DATABASE_FILE } from '../paths'
import type { Article } from '../../../common/types'
import { samplePage, tempFolder, uniqueWord } from '../../../../tests/support/helpers'

let folder: Awaited<ReturnType<typeof tempFolder>>
const opened: Archive[] = []

beforeEach(async () => {
  folder = await tempFolder('export')
})

afterEach(async () => {
  for (const archive of opened.splice(0)) await archive.close()
  await folder.cleanup()
})

async function openArchive(name: string): Promise<Archive> {
  const archive = await Archive.open({ dir: join(folder.dir, name), appVersion: 'test' })
  opened.push(archive)
  return archive
}

/** Run SQL on an archive's file through a connection of its own (for tables the API may not expose yet). */
function sql<Row>(archive: Archive, statement: string, params: unknown[] = []): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(archive.dir, DATABASE_FILE), (openError) => {
      if (openError) return reject(openError)
      db.all<Row>(statement, params, (error: Error | null, rows: Row[]) =>
        db.close(() => (error ? reject(error) : resolve(rows))),
      )
    })
  })
}

async function tableExists(archive: Archive, table: string): Promise<boolean> {
  const rows = await sql<{ name: string }>(
    archive,
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?",
    [table],
  )
  return rows.length > 0
}

/** Every row of every user table, bytes included, in a comparable form. */
async function dumpUserTables(archive: Archive): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {}
  for (const table of USER_TABLES) {
    if (!(await tableExists(archive, table.name))) continue
    const rows = await sql<Record<string, unknown>>(archive, `SELECT * FROM "${table.name}"`)
    dump[table.name] = rows
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            Buffer.isBuffer(value) ? value.toString('base64') : value,
          ]),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  return dump
}

async function allArticles(archive: Archive): Promise<Article[]> {
  const { items } = await archive.listArticles({ limit: 1_000, sort: 'addedAt', order: 'asc' })
  return Promise.all(items.map((item) => archive.getArticle({ id: item.id })))
}

/** A varied archive: EN and RU pages, a paste, edits, tags, a gap in the ids, lists when the schema has them. */
async function richArchive(name = 'source'): Promise<Archive> {
  const archive = await openArchive(name)
  const files = Array.from({ length: 8 }, (_, index) => ({
    name: `page-${index}.html`,
    dataBase64: Buffer.from(samplePage(index)).toString('base64'),
  }))
  expect((await archive.importFiles({ files })).imported).toBe(8)
  expect(
    (await archive.importPaste({ text: 'Заметка из буфера обмена.\n\nВторой абзац заметки.' })).status,
  ).toBe('imported')
  await archive.deleteArticles({ ids: [4] })
  await archive.updateArticle({ id: 2, patch: { title: 'Исправленный заголовок', authors: ['И. Петрова'] } })
  await archive.tagArticles({ ids: [1, 2, 3], add: ['Кавказ', 'trade routes'] })
  await archive.tagArticles({ ids: [9], add: ['заметки'] })
  if (await tableExists(archive, 'collections')) {
    await sql(
      archive,
      "INSERT INTO collections (id, name, name_key, created_at) VALUES (5, 'Статья для журнала', 'статья для журнала', '2026-01-02T03:04:05.000Z')",
    )
    await sql(
      archive,
      "INSERT INTO collection_articles (collection_id, article_id, added_at) VALUES (5, 3, '2026-01-02T03:04:06.000Z'), (5, 1, '2026-01-02T03:04:07.000Z')",
    )
  }
  if (await tableExists(archive, 'citation_lists')) {
    await sql(
      archive,
      "INSERT INTO citation_lists (id, name, name_key, style, locale, created_at, updated_at) VALUES (2, 'Диссертация', 'диссертация', 'gost-r-7.0.100-2018', 'ru-RU', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z')",
    )
    await sql(
      archive,
      'INSERT INTO citation_list_items (list_id, article_id, position) VALUES (2, 7, 0), (2, 2, 1)',
    )
  }
  if (await tableExists(archive, 'highlights')) {
    await sql(
      archive,
      "INSERT INTO highlights (id, article_id, color, quote, prefix, suffix, text_offset, note, created_at, updated_at) VALUES (3, 2, 'yellow', 'Купцы пересекали море', '', ' с шёлком', 0, 'важно', '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z')",
    )
  }
  return archive
}

describe('export and import-archive', () => {
  it('round-trips every article, original, tag and list into an empty archive with nothing lost', async () => {
    const source = await richArchive()
    const file = join(folder.dir, 'everything.zip')
    const exported = await source.exportArchive({ file })
    expect(exported).toMatchObject({ file, articles: 8, originals: 8 })

    const target = await openArchive('target')
    const imported = await target.importArchive({ file })
    expect(imported).toMatchObject({ articles: 8, originals: 8, tags: exported.tags, duplicates: 0 })

    const before = await allArticles(source)
    const after = await allArticles(target)
    expect(after).toHaveLength(8)
    expect(after).toEqual(before)
    expect(await target.listTags({})).toEqual(await source.listTags({}))
    expect(await dumpUserTables(target)).toEqual(await dumpUserTables(source))
    // Searchable again: the index is rebuilt from the imported articles.
    expect((await target.search({ query: uniqueWord(6) })).map((hit) => hit.id)).toEqual([7])
  })

  it('lays the zip out as documented: manifest first, originals before their articles', async () => {
    const source = await richArchive()
    const file = join(folder.dir, 'layout.zip')
    await source.exportArchive({ file })
    const entries = Object.keys(unzipSync(await readFile(file)))
    expect(entries[0]).toBe('manifest.json')
    expect(entries[1]).toBe('tables/originals.json')
    const manifest = JSON.parse(
      Buffer.from(unzipSync(await readFile(file))['manifest.json'] as Uint8Array).toString(),
    )
    expect(manifest).toMatchObject({ format: 'lectern-export', formatVersion: EXPORT_FORMAT_VERSION })
    const article = await source.getArticle({ id: 3 })
    const originalAt = entries.indexOf(`originals/${article.originalSha256}`)
    expect(originalAt).toBeGreaterThan(1)
    expect(originalAt).toBeLessThan(entries.indexOf('articles/3.json'))
    expect(entries).toContain('tables/tags.json')
    expect(entries).not.toContain('articles/4.json')
  })

  it('refuses an archive that is not empty unless merging, and merges without duplicates', async () => {
    const source = await richArchive()
    const file = join(folder.dir, 'merge.zip')
    await source.exportArchive({ file })

    const target = await openArchive('target')
    const own = await target.importFiles({
      files: [
        { name: 'mine.html', dataBase64: Buffer.from(samplePage(100)).toString('base64') },
        // The same bytes as source's article 1.
        { name: 'same.html', dataBase64: Buffer.from(samplePage(0)).toString('base64') },
      ],
    })
    expect(own.imported).toBe(2)
    await target.tagArticles({ ids: [2], add: ['local'] })
    await expect(target.importArchive({ file })).rejects.toMatchObject({ code: 'conflict' })
    expect((await target.listArticles({})).total).toBe(2)

    const merged = await target.importArchive({ file, merge: true })
    expect(merged.duplicates).toBe(1)
    expect((await target.listArticles({})).total).toBe(2 + 7)
    // The duplicate kept its own tag and gained the exported ones.
    expect([...(await target.getArticle({ id: 2 })).tags].sort()).toEqual(['local', 'trade routes', 'Кавказ'])
    // Merging the same export again adds nothing.
    const again = await target.importArchive({ file, merge: true })
    expect(again.duplicates).toBe(8)
    expect((await target.listArticles({})).total).toBe(9)
    if (await tableExists(target, 'highlights')) {
      expect(await sql(target, 'SELECT quote FROM highlights')).toEqual([{ quote: 'Купцы пересекали море' }])
    }
  })

  it('exports one consistent snapshot while an import is writing', async () => {
    const source = await openArchive('busy')
    const files = Array.from({ length: 40 }, (_, index) => ({
      name: `busy-${index}.html`,
      dataBase64: Buffer.from(samplePage(500 + index)).toString('base64'),
    }))
    const importing = source.importFiles({ files })
    const exported = await source.exportArchive({ file: join(folder.dir, 'busy.zip') })
    expect((await importing).imported).toBe(40)
    const target = await openArchive('busy-target')
    const imported = await target.importArchive({ file: exported.file })
    // Whatever moment the snapshot caught, it is complete in itself.
    expect(imported.articles).toBe(exported.articles)
    expect(imported.originals).toBe(exported.articles)
    expect((await target.listArticles({})).total).toBe(exported.articles)
  })

  it('never overwrites an existing file', async () => {
    const source = await richArchive()
    const file = join(folder.dir, 'taken.zip')
    await writeFile(file, 'precious')
    await expect(source.exportArchive({ file })).rejects.toMatchObject({ code: 'conflict' })
    expect(await readFile(file, 'utf8')).toBe('precious')
  })
})

describe('import-archive with bad or hostile zips', () => {
  let good: Record<string, Uint8Array>

  beforeEach(async () => {
    const source = await richArchive()
    const file = join(folder.dir, 'good.zip')
    await source.exportArchive({ file })
    good = unzipSync(await readFile(file))
  })

  async function importZip(name: string, entries: Zippable | Buffer): Promise<unknown> {
    const file = join(folder.dir, name)
    await writeFile(file, Buffer.isBuffer(entries) ? entries : zipSync(entries))
    const target = await openArchive(`target-${name}`)
    try {
      await target.importArchive({ file })
      return null
    } catch (error) {
      // All or nothing: a refused export leaves the archive empty.
      expect((await target.listArticles({})).total).toBe(0)
      expect(await target.listTags({})).toEqual([])
      return error
    }
  }

  const withEntry = (entries: Record<string, Uint8Array>, name: string, data: Uint8Array | null) => {
    // Replaced in place, so the entry order stays as exported.
    const copy: Record<string, Uint8Array> = {}
    for (const [key, value] of Object.entries(entries)) {
      if (key !== name) copy[key] = value
      else if (data !== null) copy[key] = data
    }
    if (data !== null && !(name in entries)) copy[name] = data
    return copy
  }

  it('names the file and the cause for each kind of damage', async () => {
    const firstOriginal = Object.keys(good).find((name) => name.startsWith('originals/')) as string
    const manifest = JSON.parse(Buffer.from(good['manifest.json'] as Uint8Array).toString())
    const cases: [string, Zippable | Buffer, RegExp][] = [
      ['text.zip', Buffer.from('this is not a zip file at all'), /text\.zip/],
      [
        'truncated.zip',
        Buffer.from(zipSync(good)).subarray(0, 3_000),
        /truncated\.zip is not a (readable|usable)/,
      ],
      ['no-manifest.zip', withEntry(good, 'manifest.json', null), /does not start with manifest\.json/],
      [
        'newer.zip',
        { ...good, 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 99 })) },
        /newer\.zip was exported by a newer version/,
      ],
      [
        'tampered.zip',
        withEntry(good, firstOriginal, strToU8('swapped bytes')),
        /tampered\.zip .*damaged \(its bytes do not match/,
      ],
      [
        'extra.zip',
        { ...good, '../../etc/passwd': strToU8('x') },
        /an entry this version does not know: \.\.\/\.\.\/etc\/passwd/,
      ],
      ['missing-original.zip', withEntry(good, firstOriginal, null), /comes before its original|incomplete/],
      [
        'missing-tagged-article.zip',
        withEntry(good, 'articles/3.json', null),
        /refers to articles 3, which it does not hold/,
      ],
      [
        'missing-article.zip',
        withEntry(good, 'articles/6.json', null),
        /incomplete: articles has 7 of 8 rows/,
      ],
      [
        'bad-json.zip',
        withEntry(good, 'tables/tags.json', strToU8('[{"name": ')),
        /tables\/tags\.json is not valid JSON/,
      ],
      [
        'sql-names.zip',
        withEntry(good, 'tables/tags.json', strToU8('[{"id": 1, "name\\"; DROP TABLE articles; --": "x"}]')),
        /tables\/tags\.json is not in the expected form/,
      ],
      [
        'unknown-column.zip',
        withEntry(
          good,
          'tables/tags.json',
          strToU8('[{"id": 1, "name": "x", "name_key": "x", "secret": 1}]'),
        ),
        /tags has columns this version of Lectern does not know: secret/,
      ],
    ]
    for (const [name, entries, expected] of cases) {
      const error = await importZip(name, entries)
      expect(error, name).toBeInstanceOf(Error)
      expect(String((error as Error).message), name).toMatch(expected)
    }
  })

  it('stops reading an entry that inflates beyond the limit (a zip bomb)', async () => {
    const file = join(folder.dir, 'bomb.zip')
    await writeFile(file, zipSync({ 'manifest.json': new Uint8Array(5_000_000) }, { level: 9 }))
    expect((await readFile(file)).length).toBeLessThan(100_000)
    const handle = await open(file, 'r')
    try {
      await expect(readZipEntries(handle, 1_000_000, async () => undefined)).rejects.toThrow(
        /manifest\.json is larger than 1000000 bytes/,
      )
    } finally {
      await handle.close()
    }
  })

  it('leaves no partial files behind when an export cannot be written', async () => {
    const source = await richArchive('second')
    await expect(source.exportArchive({ file: join(folder.dir, 'missing', 'x.zip') })).rejects.toMatchObject({
      code: 'not-found',
    })
    await mkdir(join(folder.dir, 'out'))
    await source.exportArchive({ file: join(folder.dir, 'out', 'ok.zip') })
    expect(await readdir(join(folder.dir, 'out'))).toEqual(['ok.zip'])
  })
})
