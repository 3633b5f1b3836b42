import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkArchiveWhole } from '../../../../tests/support/crash-harness'
import { nearlyFullArchive, type NearlyFullArchive } from '../../../../tests/support/full-disk'
import { tempFolder, writeSamplePages } from '../../../../tests/support/helpers'
import { Archive } from '../api'

const PAGES = 40
/** Room for a handful of the sample pages beyond what the archive holds when the import starts. */
const ROOM_PAGES = 24

let folder: Awaited<ReturnType<typeof tempFolder>>
let pagesDir: string
let nearlyFull: NearlyFullArchive | null

beforeEach(async () => {
  folder = await tempFolder('full-disk')
  pagesDir = join(folder.dir, 'pages')
  await mkdir(pagesDir)
  await writeSamplePages(pagesDir, PAGES)
  nearlyFull = null
})

afterEach(async () => {
  await nearlyFull?.close()
  await folder.cleanup()
})

const archiveDir = () => join(folder.dir, 'archive')

describe('a full disk in the middle of an import', () => {
  it('stops the batch at the file it was on, keeps what came before whole, and the archive works after', async () => {
    nearlyFull = await nearlyFullArchive(archiveDir(), ROOM_PAGES)
    const report = await nearlyFull.importer.importPaths({ paths: [pagesDir] })

    const imported = report.imported
    expect(imported).toBeGreaterThan(0)
    expect(imported).toBeLessThan(PAGES - 1)
    const stoppedAt = join(pagesDir, `page-${String(imported).padStart(4, '0')}.html`)
    expect(report.stopped).toEqual({
      file: stoppedAt,
      code: 'storage-full',
      notImported: PAGES - imported - 1,
    })
    // One failed line, for the file it was on: not one per file it did not reach.
    expect(report.failed).toBe(1)
    expect(report.items).toHaveLength(imported + 1)
    expect(report.items.at(-1)).toEqual({
      file: stoppedAt,
      status: 'failed',
      error:
        `${stoppedAt}: the disk is full (or the archive reached its size limit), so the import stopped here; ` +
        `the ${imported} items imported before it are stored and intact, and the ${PAGES - imported - 1} files ` +
        'after it were not imported. Free some space and import again: what is already in is skipped as a duplicate.',
    })
    await nearlyFull.close()

    // Everything committed before the stop is whole: integrity_check, originals, fields, search.
    const check = await checkArchiveWhole(archiveDir())
    expect(check).toEqual({ articles: imported, problems: [] })

    const archive = await Archive.open({ dir: archiveDir() })
    try {
      expect((await archive.listArticles({})).total).toBe(imported)
      const again = await archive.importPaths({ paths: [pagesDir] })
      expect(again).toMatchObject({ imported: PAGES - imported, duplicates: imported, failed: 0 })
      expect(again).not.toHaveProperty('stopped')
      expect((await archive.listArticles({})).total).toBe(PAGES)
    } finally {
      await archive.close()
    }
    expect(await checkArchiveWhole(archiveDir())).toEqual({ articles: PAGES, problems: [] })
  })
})
