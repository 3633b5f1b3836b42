import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sqlite3 from 'sqlite3'
import { Archive } from '../api'
import { DATABASE_FILE } from '../paths'
import {
  CLI_BUILD,
  checkArchiveWhole,
  cliIsBuilt,
  crashAndRecover,
  seededRandom,
} from '../../../../tests/support/crash-harness'
import { tempFolder, writeSamplePages } from '../../../../tests/support/helpers'

const PAGES = 300
const built = cliIsBuilt()
if (!built && !process.env.CI)
  console.warn(`crash.test.ts skipped: ${CLI_BUILD} is missing; run \`npm run build\` first`)

// CI builds first, so there these always run (and fail loudly if the build is missing).
describe.skipIf(!built && !process.env.CI)(
  'an import killed with SIGKILL (needs the built CLI: npm run build)',
  () => {
    let folder: Awaited<ReturnType<typeof tempFolder>>
    let pagesDir: string

    beforeAll(async () => {
      folder = await tempFolder('crash')
      pagesDir = join(folder.dir, 'pages')
      await mkdir(pagesDir)
      await writeSamplePages(pagesDir, PAGES)
    })

    afterAll(async () => {
      await folder?.cleanup()
    })

    it(`leaves every article whole or absent, and a second import adds exactly the missing ones (${PAGES} pages)`, async () => {
      const seed = Date.now() % 1_000_000
      const result = await crashAndRecover(join(folder.dir, 'archive'), pagesDir, PAGES, seededRandom(seed))
      const context = `seed ${seed}, killed after ${result.killedAfter} articles`
      expect(result.problems, context).toEqual([])
      expect(result.killed, `${context}: the import finished before the kill`).toBe(true)
      expect(result.before.articles, context).toBeLessThan(PAGES)
      expect(result.after.articles).toBe(PAGES)
    }, 180_000)
  },
)

describe('the crash checker itself', () => {
  it('notices an article whose original is gone', async () => {
    const folder = await tempFolder('checker')
    try {
      const pagesDir = join(folder.dir, 'pages')
      await mkdir(pagesDir)
      await writeSamplePages(pagesDir, 3)
      const archiveDir = join(folder.dir, 'archive')
      const archive = await Archive.open({ dir: archiveDir })
      await archive.importPaths({ paths: [pagesDir] })
      await archive.close()
      expect((await checkArchiveWhole(archiveDir)).problems).toEqual([])
      await new Promise<void>((resolve, reject) => {
        const db = new sqlite3.Database(join(archiveDir, DATABASE_FILE))
        db.exec(
          'PRAGMA foreign_keys = OFF; DELETE FROM originals WHERE sha256 = (SELECT original_sha256 FROM articles WHERE id = 2)',
          (error) => db.close(() => (error ? reject(error) : resolve())),
        )
      })
      const check = await checkArchiveWhole(archiveDir)
      expect(check.problems).toEqual([expect.stringMatching(/article #2 .*original is missing/)])
    } finally {
      await folder.cleanup()
    }
  })
})
