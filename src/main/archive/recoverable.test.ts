import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArchiveEvents } from '../../common/api'
import { cutShort, garbleHeader, overwritePages, pagesOf, queryFile } from '../../../tests/support/damage'
import { tempFolder, writeSamplePages } from '../../../tests/support/helpers'
import { Archive } from './api'
import { autoBackupName } from './backup/index'
import { callApi } from './dispatch'
import { DATABASE_FILE } from './paths'
import { openRecoverableArchive, type RecoverableArchive } from './recoverable'

let folder: Awaited<ReturnType<typeof tempFolder>>
let opened: RecoverableArchive | null

beforeEach(async () => {
  folder = await tempFolder('recoverable')
  opened = null
})

afterEach(async () => {
  await opened?.close()
  await folder.cleanup()
})

const archiveDir = () => join(folder.dir, 'archive')
const archiveFile = () => join(archiveDir(), DATABASE_FILE)

/** An archive of `count` pages with automatic backups made after `backedUp` of them, one per date. */
async function archiveWithBackups(
  count: number,
  backups: Array<{ at: string; pages: number }>,
): Promise<void> {
  const pages = join(folder.dir, 'pages')
  await mkdir(pages)
  const files = await writeSamplePages(pages, count)
  const archive = await Archive.open({ dir: archiveDir() })
  try {
    await mkdir(join(archiveDir(), 'backups'))
    let imported = 0
    for (const backup of backups) {
      await archive.importPaths({ paths: files.slice(imported, backup.pages) })
      imported = backup.pages
      await archive.backupArchive({
        file: join(archiveDir(), 'backups', autoBackupName(new Date(backup.at))),
      })
    }
    await archive.importPaths({ paths: files.slice(imported) })
  } finally {
    await archive.close()
  }
}

function recordEvents(archive: RecoverableArchive): Array<ArchiveEvents['archiveChanged']> {
  const changes: Array<ArchiveEvents['archiveChanged']> = []
  archive.on('archiveChanged', (change) => changes.push(change))
  return changes
}

describe('a damaged archive, served by the hosts', () => {
  it('is reported by info, refuses every other call, and is restored from the newest good backup', async () => {
    await archiveWithBackups(6, [
      { at: '2026-11-25T10:00:00.000Z', pages: 2 },
      { at: '2026-11-26T10:00:00.000Z', pages: 4 },
    ])
    await cutShort(archiveFile(), 0.5)
    const damagedBytes = await readFile(archiveFile())

    opened = await openRecoverableArchive({ dir: archiveDir(), appVersion: '9.9.9' })
    const changes = recordEvents(opened)
    const info = await opened.info({})
    expect(info).toMatchObject({
      articleCount: 0,
      version: '9.9.9',
      damaged: {
        file: archiveFile(),
        cause: 'cut-short',
        problem: expect.stringContaining('cut short'),
        backup: {
          file: join(archiveDir(), 'backups', 'lectern-2026-11-26T10-00-00.000Z.sqlite'),
          createdAt: '2026-11-26T10:00:00.000Z',
          articleCount: 4,
        },
      },
    })
    for (const [method, args] of [
      ['listArticles', {}],
      ['search', { query: 'trade' }],
      ['tagArticles', { ids: [1], add: ['x'] }],
      ['backupArchive', { file: join(folder.dir, 'copy.sqlite') }],
    ] as const) {
      await expect(callApi(opened, method, args)).rejects.toMatchObject({
        code: 'damaged',
        message: expect.stringContaining(archiveFile()),
      })
    }
    // The window still speaks the user's language.
    await opened.setPreferences({ patch: { language: 'ru' } })
    expect(await opened.getPreferences({})).toEqual({ language: 'ru' })
    expect((await readFile(archiveFile())).equals(damagedBytes)).toBe(true)

    const restored = await callApi(opened, 'restoreLatestBackup', {})
    expect(restored).toEqual({
      backup: info.damaged?.backup,
      previousCopy: expect.stringMatching(/lectern\.sqlite\.damaged-\d{4}-/),
    })
    const { previousCopy } = restored as { previousCopy: string }
    expect((await readFile(previousCopy)).equals(damagedBytes)).toBe(true)
    expect(changes).toEqual([{ reason: 'restore' }])

    expect(await opened.info({})).not.toHaveProperty('damaged')
    expect((await opened.listArticles({})).total).toBe(4)
    const pages = join(folder.dir, 'after')
    await mkdir(pages)
    await writeFile(
      join(pages, 'new.html'),
      '<title>After the restore</title><p>A page imported after the restore.</p>',
    )
    expect((await opened.importPaths({ paths: [pages] })).imported).toBe(1)
    expect(changes.at(-1)).toMatchObject({ reason: 'import' })
  })

  it('passes over a damaged newest backup for the one before it', async () => {
    await archiveWithBackups(5, [
      { at: '2026-11-20T08:00:00.000Z', pages: 1 },
      { at: '2026-11-21T08:00:00.000Z', pages: 3 },
    ])
    await garbleHeader(join(archiveDir(), 'backups', 'lectern-2026-11-21T08-00-00.000Z.sqlite'))
    await garbleHeader(archiveFile())
    opened = await openRecoverableArchive({ dir: archiveDir() })
    expect((await opened.info({})).damaged).toMatchObject({
      cause: 'not-a-database',
      backup: { createdAt: '2026-11-20T08:00:00.000Z', articleCount: 1 },
    })
    expect(await opened.restoreLatestBackup({})).toMatchObject({ backup: { articleCount: 1 } })
    expect((await opened.listArticles({})).total).toBe(1)
  })

  it('says so when there is no backup, and leaves the file alone', async () => {
    await archiveWithBackups(3, [])
    await garbleHeader(archiveFile())
    const before = await readFile(archiveFile())
    opened = await openRecoverableArchive({ dir: archiveDir() })
    const { damaged } = await opened.info({})
    expect(damaged).toBeDefined()
    expect(damaged).not.toHaveProperty('backup')
    await expect(callApi(opened, 'restoreLatestBackup', {})).rejects.toMatchObject({
      code: 'unsupported',
      message: `there is no automatic backup in ${join(archiveDir(), 'backups')} to restore`,
    })
    expect((await readFile(archiveFile())).equals(before)).toBe(true)
    await expect(opened.listArticles({})).rejects.toMatchObject({ code: 'damaged' })
  })

  it('refuses to replace an archive that is not damaged', async () => {
    await archiveWithBackups(2, [{ at: '2026-11-20T08:00:00.000Z', pages: 1 }])
    opened = await openRecoverableArchive({ dir: archiveDir() })
    await expect(callApi(opened, 'restoreLatestBackup', {})).rejects.toMatchObject({ code: 'conflict' })
    expect((await opened.listArticles({})).total).toBe(2)
  })

  it('stops using the file when a read meets damage the open did not see', async () => {
    await archiveWithBackups(30, [{ at: '2026-11-20T08:00:00.000Z', pages: 10 }])
    opened = await openRecoverableArchive({ dir: archiveDir() })
    const changes = recordEvents(opened)
    // Damage a page of the search index's words, which opening did not read: the next search does.
    await queryFile(archiveFile(), 'PRAGMA wal_checkpoint(TRUNCATE)', true)
    const [wordsPage] = await pagesOf(archiveFile(), 'articles_fts_data', 'leaf')
    await overwritePages(archiveFile(), wordsPage as number, 1)
    await expect(callApi(opened, 'search', { query: 'merchants' })).rejects.toMatchObject({ code: 'damaged' })
    expect(changes).toEqual([{ reason: 'damaged' }])
    expect((await opened.info({})).damaged).toMatchObject({
      cause: 'malformed',
      backup: { articleCount: 10 },
    })
    await expect(opened.listArticles({})).rejects.toMatchObject({ code: 'damaged' })
  })
})
