import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../api'
import { callApi } from '../dispatch'
import { autoBackupName, backupDatabase, restoreDatabase, startAutoBackup } from './index'
import { SCHEMA_VERSION } from '../db/index'
import { DATABASE_FILE } from '../paths'
import type { BackupResult } from '../../../common/types'
import { tempFolder, writeSamplePages } from '../../../../tests/support/helpers'

let folder: Awaited<ReturnType<typeof tempFolder>>
let archive: Archive | null

beforeEach(async () => {
  folder = await tempFolder('backup')
  archive = null
})

afterEach(async () => {
  await archive?.close()
  await folder.cleanup()
})

async function archiveWithPages(name: string, count: number): Promise<Archive> {
  const pages = join(folder.dir, `${name}-pages`)
  await mkdir(pages)
  await writeSamplePages(pages, count)
  const opened = await Archive.open({ dir: join(folder.dir, name) })
  const report = await opened.importPaths({ paths: [pages] })
  expect(report.imported).toBe(count)
  return opened
}

/** Run SQL on a database file with a connection of its own. */
function query<Row>(file: string, sql: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError)
      db.all<Row>(sql, (error: Error | null, rows: Row[]) =>
        db.close(() => (error ? reject(error) : resolve(rows))),
      )
    })
  })
}

async function integrity(file: string): Promise<string> {
  const rows = await query<{ integrity_check: string }>(file, 'PRAGMA integrity_check')
  return rows.map((row) => row.integrity_check).join('; ')
}

describe('backupArchive', () => {
  it('writes a complete, standalone copy that opens as an archive', async () => {
    archive = await archiveWithPages('main', 6)
    await archive.tagArticles({ ids: [1, 2], add: ['Кавказ'] })
    const file = join(folder.dir, 'copy.sqlite')
    const result = await archive.backupArchive({ file })
    expect(result).toMatchObject({ file, articleCount: 6, schemaVersion: SCHEMA_VERSION })
    expect(await integrity(file)).toBe('ok')
    // Standalone: rollback journal, no WAL file needed beside it.
    expect((await query<{ journal_mode: string }>(file, 'PRAGMA journal_mode'))[0]?.journal_mode).toBe(
      'delete',
    )
    const restoredDir = join(folder.dir, 'from-copy')
    await mkdir(restoredDir)
    await writeFile(join(restoredDir, DATABASE_FILE), await readFile(file))
    const copy = await Archive.open({ dir: restoredDir })
    try {
      expect((await copy.listArticles({})).total).toBe(6)
      expect(await copy.listTags({})).toEqual(await archive.listTags({}))
      expect(await copy.getArticle({ id: 3 })).toEqual(await archive.getArticle({ id: 3 }))
    } finally {
      await copy.close()
    }
  })

  it('gives a consistent copy while an import is writing to the archive', async () => {
    archive = await Archive.open({ dir: join(folder.dir, 'busy') })
    const pages = join(folder.dir, 'busy-pages')
    await mkdir(pages)
    await writeSamplePages(pages, 60)
    const importing = archive.importPaths({ paths: [pages] })
    const backups: BackupResult[] = []
    for (let n = 0; n < 4; n++)
      backups.push(await archive.backupArchive({ file: join(folder.dir, `during-${n}.sqlite`) }))
    expect((await importing).imported).toBe(60)
    for (const backup of backups) {
      expect(await integrity(backup.file)).toBe('ok')
      const [counts] = await query<{ articles: number; orphans: number }>(
        backup.file,
        `SELECT (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM articles a WHERE NOT EXISTS
                   (SELECT 1 FROM originals o WHERE o.sha256 = a.original_sha256)) AS orphans`,
      )
      expect(counts?.articles).toBe(backup.articleCount)
      expect(counts?.orphans).toBe(0)
    }
  })

  it('is validated like every API call when it comes through a transport', async () => {
    archive = await archiveWithPages('main', 1)
    await expect(callApi(archive, 'backupArchive', { file: 42 })).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    await expect(
      callApi(archive, 'backupArchive', { file: '/tmp/x.sqlite', extra: true }),
    ).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    const file = join(folder.dir, 'via-dispatch.sqlite')
    await expect(callApi(archive, 'backupArchive', { file })).resolves.toMatchObject({
      file,
      articleCount: 1,
    })
  })

  it('never overwrites a file, and refuses a relative path or a missing folder', async () => {
    archive = await archiveWithPages('main', 1)
    const existing = join(folder.dir, 'existing.sqlite')
    await writeFile(existing, 'precious')
    await expect(archive.backupArchive({ file: existing })).rejects.toMatchObject({ code: 'conflict' })
    expect(await readFile(existing, 'utf8')).toBe('precious')
    await expect(archive.backupArchive({ file: 'relative.sqlite' })).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    await expect(
      archive.backupArchive({ file: join(folder.dir, 'no', 'such', 'b.sqlite') }),
    ).rejects.toMatchObject({
      code: 'not-found',
    })
    // No half-written leftovers beside the target.
    expect((await readdir(folder.dir)).filter((name) => name.includes('partial'))).toEqual([])
  })
})

describe('restore', () => {
  it('replaces the archive, keeps the replaced one, and can be undone', async () => {
    archive = await archiveWithPages('main', 3)
    const backup = join(folder.dir, 'three.sqlite')
    await archive.backupArchive({ file: backup })
    await archive.deleteArticles({ ids: [1, 2] })
    await archive.tagArticles({ ids: [3], add: ['after-backup'] })
    await archive.close()
    archive = null

    const archiveFile = join(folder.dir, 'main', DATABASE_FILE)
    const result = await restoreDatabase(archiveFile, backup)
    expect(result.articleCount).toBe(3)
    expect(result.previousCopy).not.toBeNull()
    archive = await Archive.open({ dir: join(folder.dir, 'main') })
    expect((await archive.listArticles({})).total).toBe(3)
    expect(await archive.listTags({})).toEqual([])
    await archive.close()
    archive = null

    // Undo: restore the side copy.
    const undo = await restoreDatabase(archiveFile, result.previousCopy as string)
    expect(undo.articleCount).toBe(1)
    archive = await Archive.open({ dir: join(folder.dir, 'main') })
    expect((await archive.listTags({})).map((tag) => tag.name)).toEqual(['after-backup'])
  })

  it('restores over a damaged archive and keeps the damaged one aside', async () => {
    archive = await archiveWithPages('main', 3)
    const backup = join(folder.dir, 'good.sqlite')
    await archive.backupArchive({ file: backup })
    await archive.close()
    archive = null
    const archiveFile = join(folder.dir, 'main', DATABASE_FILE)
    const bytes = await readFile(archiveFile)
    for (let offset = 4096; offset < bytes.length; offset += 89) bytes[offset] = 0xa5
    await writeFile(archiveFile, bytes)
    expect(await integrity(archiveFile).catch((error: Error) => error.message)).not.toBe('ok')

    const result = await restoreDatabase(archiveFile, backup)
    expect(result.articleCount).toBe(3)
    expect(await integrity(archiveFile)).toBe('ok')
    expect((await readFile(result.previousCopy as string)).subarray(4096).equals(bytes.subarray(4096))).toBe(
      true,
    )
  })

  it('restores over a file that is not a database any more and keeps it aside', async () => {
    archive = await archiveWithPages('main', 2)
    const backup = join(folder.dir, 'good.sqlite')
    await archive.backupArchive({ file: backup })
    await archive.close()
    archive = null
    const archiveFile = join(folder.dir, 'main', DATABASE_FILE)
    const bytes = await readFile(archiveFile)
    bytes.fill(0x41, 0, 100) // the header
    await writeFile(archiveFile, bytes)

    const result = await restoreDatabase(archiveFile, backup)
    expect(result.articleCount).toBe(2)
    expect(await integrity(archiveFile)).toBe('ok')
    expect((await readFile(result.previousCopy as string)).equals(bytes)).toBe(true)
  })

  it('restores into an archive folder that does not exist yet, with nothing to keep aside', async () => {
    archive = await archiveWithPages('main', 2)
    const backup = join(folder.dir, 'two.sqlite')
    await archive.backupArchive({ file: backup })
    const result = await restoreDatabase(join(folder.dir, 'fresh', DATABASE_FILE), backup)
    expect(result).toMatchObject({ articleCount: 2, previousCopy: null })
  })

  it('refuses while another connection (another Lectern process) has the archive open', async () => {
    archive = await archiveWithPages('main', 2)
    const backup = join(folder.dir, 'two.sqlite')
    await archive.backupArchive({ file: backup })
    await expect(restoreDatabase(join(folder.dir, 'main', DATABASE_FILE), backup)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('open in another Lectern process'),
    })
    expect((await archive.listArticles({})).total).toBe(2)
  })

  it('refuses files that are not sound Lectern archives, naming the file and leaving the archive alone', async () => {
    archive = await archiveWithPages('main', 2)
    await archive.close()
    archive = null
    const archiveFile = join(folder.dir, 'main', DATABASE_FILE)
    const before = await readFile(archiveFile)

    const text = join(folder.dir, 'notes.txt')
    await writeFile(text, 'not a database at all '.repeat(100))
    await expect(restoreDatabase(archiveFile, text)).rejects.toThrow(/notes\.txt is not a Lectern archive/)

    const otherDb = join(folder.dir, 'other.sqlite')
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(otherDb)
      db.exec('CREATE TABLE things (x); INSERT INTO things VALUES (1);', (error) =>
        db.close(() => (error ? reject(error) : resolve())),
      )
    })
    await expect(restoreDatabase(archiveFile, otherDb)).rejects.toThrow(
      /other\.sqlite is not a Lectern archive/,
    )

    const newer = join(folder.dir, 'newer.sqlite')
    await backupDatabase(archiveFile, newer)
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(newer)
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`, (error) =>
        db.close(() => (error ? reject(error) : resolve())),
      )
    })
    await expect(restoreDatabase(archiveFile, newer)).rejects.toThrow(
      /newer\.sqlite was made by a newer version/,
    )

    const damaged = join(folder.dir, 'damaged.sqlite')
    const bytes = await readFile(
      await backupDatabase(archiveFile, join(folder.dir, 'good.sqlite')).then((r) => r.file),
    )
    // Keep the header (page 1) and scribble over the pages after it.
    for (let offset = 4096; offset < bytes.length; offset += 97) bytes[offset] = 0x5a
    await writeFile(damaged, bytes)
    await expect(restoreDatabase(archiveFile, damaged)).rejects.toThrow(
      /damaged\.sqlite (is damaged|is not a Lectern)/,
    )

    await expect(restoreDatabase(archiveFile, join(folder.dir, 'missing.sqlite'))).rejects.toThrow(
      /missing\.sqlite/,
    )
    expect((await readFile(archiveFile)).equals(before)).toBe(true)
    expect(
      (await readdir(join(folder.dir, 'main'))).filter((name) => name.includes('before-restore')),
    ).toEqual([])
  })
})

describe('startAutoBackup', () => {
  it('backs up a new folder right away, then on every interval, keeping only the newest ones', async () => {
    archive = await archiveWithPages('main', 1)
    const dir = join(folder.dir, 'auto')
    await mkdir(dir)
    await writeFile(join(dir, 'my-notes.txt'), 'not a backup')
    const made: BackupResult[] = []
    const errors: unknown[] = []
    let enough: () => void = () => undefined
    const done = new Promise<void>((resolve) => (enough = resolve))
    const stop = startAutoBackup(archive, {
      dir,
      keep: 2,
      intervalMs: 1_000,
      onBackup: (result) => {
        made.push(result)
        if (made.length === 3) enough()
      },
      onError: (error) => errors.push(error),
    })
    await done
    await stop()
    expect(errors).toEqual([])
    const names = (await readdir(dir)).sort()
    expect(names).toHaveLength(3)
    expect(names).toContain('my-notes.txt')
    const backups = names.filter((name) => name !== 'my-notes.txt')
    for (const name of backups)
      expect(name).toMatch(/^lectern-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.sqlite$/)
    // The two kept are the two newest.
    expect(backups).toEqual(made.slice(1).map((result) => result.file.slice(dir.length + 1)))
  })

  it('waits out the interval after a recent backup, but backs up at once after an old one', async () => {
    archive = await archiveWithPages('main', 1)
    const dir = join(folder.dir, 'auto')
    await mkdir(dir)
    const recent = autoBackupName(new Date(Date.now() - 1_000))
    await writeFile(join(dir, recent), 'stand-in')
    const made: BackupResult[] = []
    let stop = startAutoBackup(archive, {
      dir,
      keep: 5,
      intervalMs: 3_600_000,
      onBackup: (r) => made.push(r),
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await stop()
    expect(made).toEqual([])

    const old = autoBackupName(new Date('2020-01-02T03:04:05.006Z'))
    await writeFile(join(dir, old), 'stand-in')
    await unlink(join(dir, recent))
    let first: () => void = () => undefined
    const backedUp = new Promise<void>((resolve) => (first = resolve))
    stop = startAutoBackup(archive, {
      dir,
      keep: 1,
      intervalMs: 3_600_000,
      onBackup: (r) => {
        made.push(r)
        first()
      },
    })
    await backedUp
    await stop()
    expect(made).toHaveLength(1)
    // keep: 1 pruned the 2020 one.
    expect(await readdir(dir)).toEqual([made[0]?.file.slice(dir.length + 1)])
  })

  it('reports a failing backup and keeps running; stop() is idempotent', async () => {
    const errors: unknown[] = []
    let failures = 0
    const stop = startAutoBackup(
      { backupArchive: () => Promise.reject(new Error(`disk full ${++failures}`)) },
      { dir: join(folder.dir, 'auto'), keep: 1, intervalMs: 1_000, onError: (error) => errors.push(error) },
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    await stop()
    await stop()
    expect(errors.length).toBeGreaterThanOrEqual(1)
    expect(String(errors[0])).toContain('disk full')
  })

  it('refuses nonsense settings', () => {
    const source = { backupArchive: () => Promise.reject(new Error('unused')) }
    expect(() => startAutoBackup(source, { dir: folder.dir, keep: 0, intervalMs: 60_000 })).toThrow(/keep/)
    expect(() => startAutoBackup(source, { dir: folder.dir, keep: 3, intervalMs: 0 })).toThrow(/intervalMs/)
  })
})
