import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cutShort,
  garbleHeader,
  integrityOf,
  overwritePages,
  pagesOf,
  pageSizeOf,
  queryFile,
  tornCopy,
} from '../../../../tests/support/damage'
import { tempFolder, writeSamplePages } from '../../../../tests/support/helpers'
import { Archive } from '../api'
import { DamagedArchiveError } from '../damage'
import { DATABASE_FILE } from '../paths'
import { checkArchiveHealth, checkLayout } from './health'

let folder: Awaited<ReturnType<typeof tempFolder>>

beforeEach(async () => {
  folder = await tempFolder('health')
})

afterEach(async () => {
  await folder.cleanup()
})

/** A long page: its row in the articles table spills into overflow pages. */
function longPage(index: number): string {
  const paragraph = `Report ${index}: the harbour authority published its ledger of ships, cargo and crews for the season.`
  return `<!doctype html><html lang="en"><head><title>Harbour ledger ${index}</title></head><body><article>
<h1>Harbour ledger ${index}</h1>${Array.from({ length: 60 }, (_, n) => `<p>${paragraph} Entry ${n}.</p>`).join('\n')}
</article></body></html>`
}

/** A closed archive of `count` imported sample pages (and `long` long ones); returns its database file. */
async function archiveFile(name: string, count: number, long = 0): Promise<string> {
  const pages = join(folder.dir, `${name}-pages`)
  await mkdir(pages)
  await writeSamplePages(pages, count)
  for (let index = 0; index < long; index++)
    await writeFile(join(pages, `long-${index}.html`), longPage(index))
  const archive = await Archive.open({ dir: join(folder.dir, name) })
  try {
    expect((await archive.importPaths({ paths: [pages] })).imported).toBe(count + long)
    await archive.tagArticles({ ids: [1], add: ['region/caucasus'] })
  } finally {
    await archive.close()
  }
  return join(folder.dir, name, DATABASE_FILE)
}

/** Archive.open refuses the damaged file, and the file is byte for byte what it was. */
async function expectRefusedUntouched(file: string): Promise<DamagedArchiveError> {
  const before = await readFile(file)
  const error = await Archive.open({ dir: join(file, '..') }).then(
    async (archive) => {
      await archive.close()
      throw new Error('a damaged archive was opened')
    },
    (failure: unknown) => failure,
  )
  expect(error).toBeInstanceOf(DamagedArchiveError)
  expect((await readFile(file)).equals(before)).toBe(true)
  return error as DamagedArchiveError
}

describe('a damaged archive is found when it is opened, and left as it is', () => {
  it('a file cut short', async () => {
    const file = await archiveFile('cut', 12)
    await cutShort(file, 0.6)
    const error = await expectRefusedUntouched(file)
    expect(error.damage.cause).toBe('cut-short')
    expect(error.message).toContain(file)
    expect(error.message).toMatch(/cut short/)
  })

  it('a file cut at a page boundary', async () => {
    const file = await archiveFile('cut-pages', 12)
    const pageSize = await pageSizeOf(file)
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / pageSize / 2) * pageSize))
    expect((await expectRefusedUntouched(file)).damage).toMatchObject({
      cause: 'cut-short',
      problem: expect.stringMatching(/^it was cut short: \d+ of its \d+ pages are there$/),
    })
  })

  it('pages in the middle overwritten', async () => {
    const file = await archiveFile('rot', 12)
    const pageCount = (await readFile(file)).length / (await pageSizeOf(file))
    await overwritePages(file, Math.floor(pageCount / 2), 3)
    expect(await integrityOf(file)).not.toBe('ok')
    expect((await expectRefusedUntouched(file)).damage.cause).toBe('malformed')
  })

  it('a header that is not SQLite any more', async () => {
    const file = await archiveFile('header', 3)
    await garbleHeader(file)
    expect((await expectRefusedUntouched(file)).damage).toMatchObject({
      cause: 'not-a-database',
      problem: expect.stringContaining('not an SQLite database'),
    })
  })

  it('a copy a sync tool took while an import and a checkpoint were writing the file', async () => {
    const dir = join(folder.dir, 'live')
    const pages = join(folder.dir, 'more-pages')
    await mkdir(pages)
    await writeSamplePages(pages, 40)
    const archive = await Archive.open({ dir })
    let copy: string
    try {
      await archive.importPaths({ paths: [join(pages, 'page-0000.html'), join(pages, 'page-0001.html')] })
      const file = join(dir, DATABASE_FILE)
      await queryFile(file, 'PRAGMA wal_checkpoint(TRUNCATE)', true)
      copy = await tornCopy(file, join(folder.dir, 'synced'), 0.5, async () => {
        await archive.importPaths({ paths: [pages] })
        await queryFile(file, 'PRAGMA wal_checkpoint(TRUNCATE)', true)
      })
    } finally {
      await archive.close()
    }
    expect(await integrityOf(copy)).not.toBe('ok')
    expect((await expectRefusedUntouched(copy)).damage.cause).toBe('malformed')
  })

  it('a sound archive, a new folder and an empty file all open', async () => {
    const file = await archiveFile('sound', 3)
    expect(await checkArchiveHealth(file)).toEqual({ ok: true })
    expect(await checkArchiveHealth(join(folder.dir, 'nothing', DATABASE_FILE))).toEqual({ ok: true })
    await writeFile(join(folder.dir, 'empty.sqlite'), '')
    expect(await checkArchiveHealth(join(folder.dir, 'empty.sqlite'))).toEqual({ ok: true })
  })

  it('an archive being written by another connection is sound at every moment', async () => {
    const pages = join(folder.dir, 'busy-pages')
    await mkdir(pages)
    await writeSamplePages(pages, 60)
    const archive = await Archive.open({ dir: join(folder.dir, 'busy') })
    try {
      const importing = archive.importPaths({ paths: [pages] })
      const verdicts = []
      for (let check = 0; check < 6; check++) {
        verdicts.push(await checkArchiveHealth(join(folder.dir, 'busy', DATABASE_FILE)))
        verdicts.push(
          await checkArchiveHealth(join(folder.dir, 'busy', DATABASE_FILE), { fullCheckBytes: 0 }),
        )
      }
      expect((await importing).imported).toBe(60)
      expect(verdicts.every((verdict) => verdict.ok)).toBe(true)
    } finally {
      await archive.close()
    }
  })

  it('an unreadable file is an error of its own, not damage', async () => {
    const file = await archiveFile('locked', 1)
    const asFolder = join(folder.dir, 'folder.sqlite')
    await mkdir(asFolder)
    await expect(checkArchiveHealth(asFolder)).rejects.toMatchObject({ code: 'EISDIR' })
    expect(await checkArchiveHealth(file)).toEqual({ ok: true })
  })
})

describe('the sampled check of a large archive', () => {
  // fullCheckBytes 0: the check a large archive gets, on a small one.
  const sampled = { fullCheckBytes: 0 }

  it('passes a sound archive, WITHOUT ROWID tables and the full-text index included', async () => {
    const file = await archiveFile('sampled', 20)
    expect(await checkArchiveHealth(file, sampled)).toEqual({ ok: true })
  })

  it('reads small tables in full', async () => {
    const file = await archiveFile('tags', 20)
    const [tagsPage] = await pagesOf(file, 'tags', 'leaf')
    await overwritePages(file, tagsPage as number, 1)
    expect(await checkArchiveHealth(file, sampled)).toMatchObject({
      ok: false,
      cause: 'malformed',
    })
  })

  it('reaches the last rows of a large table and the overflow pages of the rows it reads', async () => {
    const file = await archiveFile('ends', 20, 3)
    const leaves = await pagesOf(file, 'articles', 'leaf')
    const damaged = join(folder.dir, 'last-leaf.sqlite')
    await copyFile(file, damaged)
    await overwritePages(damaged, leaves[leaves.length - 1] as number, 1)
    expect(await checkArchiveHealth(damaged, sampled)).toMatchObject({ ok: false, cause: 'malformed' })

    const overflow = await pagesOf(file, 'articles', 'overflow')
    await rm(damaged)
    await copyFile(file, damaged)
    await overwritePages(damaged, overflow[0] as number, 1)
    expect(await checkArchiveHealth(damaged, sampled)).toMatchObject({ ok: false })
  })
})

describe('checkLayout', () => {
  const header = (pageSize: number, pages: number): Buffer => {
    const bytes = Buffer.alloc(100)
    bytes.write('SQLite format 3\u0000', 0, 'latin1')
    bytes.writeUInt16BE(pageSize === 65_536 ? 1 : pageSize, 16)
    bytes.writeUInt32BE(7, 24)
    bytes.writeUInt32BE(pages, 28)
    bytes.writeUInt32BE(7, 92)
    return bytes
  }

  it('judges the header and the length', () => {
    expect(checkLayout(header(4096, 10), 40_960, 0)).toBeNull()
    expect(checkLayout(header(65_536, 2), 131_072, 0)).toBeNull()
    expect(checkLayout(header(4096, 10), 40_000, 0)?.cause).toBe('cut-short')
    expect(checkLayout(header(4096, 10), 8_192, 0)?.problem).toBe(
      'it was cut short: 2 of its 10 pages are there',
    )
    // With a WAL beside it, the header's page count may be behind: the length alone is judged.
    expect(checkLayout(header(4096, 10), 8_192, 4_096)).toBeNull()
    expect(checkLayout(header(3000, 10), 30_000, 0)?.cause).toBe('malformed')
    expect(checkLayout(Buffer.from('PK\u0003\u0004'), 4096, 0)?.cause).toBe('not-a-database')
  })
})
