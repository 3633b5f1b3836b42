import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cutShort, garbleHeader, integrityOf, overwritePages } from '../../../tests/support/damage'
import { tempFolder, writeSamplePages } from '../../../tests/support/helpers'
import { Archive, DATABASE_FILE } from '../archive/index'
import { autoBackupName } from '../archive/backup/index'
import { runCli } from '../cli'

let folder: Awaited<ReturnType<typeof tempFolder>>

beforeEach(async () => {
  folder = await tempFolder('cli-damaged')
})

afterEach(async () => {
  await folder.cleanup()
})

const archiveDir = () => join(folder.dir, 'archive')
const archiveFile = () => join(archiveDir(), DATABASE_FILE)
const backupFile = (at: string) => join(archiveDir(), 'backups', autoBackupName(new Date(at)))

async function lectern(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...argv, '--archive', archiveDir()], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    cwd: folder.dir,
  })
  return { code, stdout, stderr }
}

/** An archive of `count` pages, with an automatic backup taken after the first `backedUp` of them at each time. */
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
      await archive.backupArchive({ file: backupFile(backup.at) })
    }
    await archive.importPaths({ paths: files.slice(imported) })
  } finally {
    await archive.close()
  }
}

describe('lectern on a damaged archive', () => {
  it('every command exits 1 with one plain message naming the file, the cause and what to run', async () => {
    await archiveWithBackups(6, [{ at: '2026-11-26T10:00:00.000Z', pages: 4 }])
    await cutShort(archiveFile(), 0.5)
    const damaged = await readFile(archiveFile())
    await writeFile(join(folder.dir, 'page.html'), '<title>New</title><p>A page to import.</p>')

    const commands = [
      ['list'],
      ['show', '1'],
      ['search', 'trade'],
      ['tag', '1', '--add', 'x'],
      ['delete', '1'],
      ['info'],
      ['import', 'page.html'],
      ['reextract', '--all'],
      ['cite', '1', '--style', 'apa'],
      ['export', 'everything.zip'],
      ['backup', 'copy.sqlite'],
    ]
    const expected =
      `lectern: the archive ${archiveFile()} is damaged (it was cut short: its length is not a whole ` +
      'number of pages); nothing was changed in it. Run `lectern restore --latest --archive ' +
      `"${archiveDir()}"\` to put the newest good backup in its place (2026-11-26 10:00 UTC, 4 articles); ` +
      'the damaged file is kept beside it.\n'
    for (const argv of commands) {
      const result = await lectern(...argv)
      expect({ argv, ...result }).toEqual({ argv, code: 1, stdout: '', stderr: expected })
    }
    const json = await lectern('list', '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'damaged', message: expected.slice('lectern: '.length, -1) },
    })
    expect((await readFile(archiveFile())).equals(damaged)).toBe(true)
    expect(existsSync(join(folder.dir, 'copy.sqlite'))).toBe(false)
    expect(existsSync(join(folder.dir, 'everything.zip'))).toBe(false)
  })

  it('says what else to do when there is no good backup', async () => {
    await archiveWithBackups(2, [])
    await garbleHeader(archiveFile())
    const result = await lectern('list')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `lectern: the archive ${archiveFile()} is damaged (it is not an SQLite database any more: its first ` +
        'bytes were overwritten, or it is another file); nothing was changed in it. There is no good ' +
        `automatic backup in ${join(archiveDir(), 'backups')}: restore a copy you made with ` +
        `\`lectern restore FILE --archive "${archiveDir()}"\` (the damaged file is kept beside it).\n`,
    )
  })

  it('restore --latest puts the newest good backup in place and keeps the damaged file as it was', async () => {
    await archiveWithBackups(8, [
      { at: '2026-11-24T09:30:00.000Z', pages: 2 },
      { at: '2026-11-25T09:30:00.000Z', pages: 5 },
      { at: '2026-11-26T09:30:00.000Z', pages: 7 },
    ])
    // The newest backup is damaged too: the one before it is used.
    await overwritePages(backupFile('2026-11-26T09:30:00.000Z'), 3, 2)
    const pageCount = (await readFile(archiveFile())).length / 4096
    await overwritePages(archiveFile(), Math.floor(pageCount / 2), 3)
    const damaged = await readFile(archiveFile())

    const result = await lectern('restore', '--latest')
    const names = await readdir(archiveDir())
    const kept = names.find((name) => name.startsWith('lectern.sqlite.damaged-'))
    expect(kept).toBeDefined()
    expect(result).toEqual({
      code: 0,
      stdout:
        `Restored 5 articles from ${backupFile('2026-11-25T09:30:00.000Z')} (the backup of 2026-11-25 09:30 UTC) ` +
        `into ${archiveDir()}\nThe damaged archive is kept as it was in ${join(archiveDir(), kept as string)}\n`,
      stderr: '',
    })
    expect((await readFile(join(archiveDir(), kept as string))).equals(damaged)).toBe(true)
    expect(await integrityOf(archiveFile())).toBe('ok')
    const list = await lectern('list', '--json')
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toHaveLength(5)
  })

  it('restore --latest with no good backup says so and changes nothing', async () => {
    await archiveWithBackups(3, [{ at: '2026-11-24T09:30:00.000Z', pages: 1 }])
    await garbleHeader(backupFile('2026-11-24T09:30:00.000Z'))
    await cutShort(archiveFile(), 0.4)
    const damaged = await readFile(archiveFile())
    const result = await lectern('restore', '--latest')
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^lectern: no automatic backup in .*backups passes the check \(lectern-2026-11-24T09-30-00\.000Z\.sqlite is damaged: it is not an SQLite database any more/,
    )
    expect(result.stderr.split('\n')).toHaveLength(2)
    expect((await readFile(archiveFile())).equals(damaged)).toBe(true)
    expect((await readdir(archiveDir())).filter((name) => name.includes('damaged-'))).toEqual([])
  })

  it('restore takes a file or --latest, not both', async () => {
    await archiveWithBackups(1, [])
    const result = await lectern('restore', 'some.sqlite', '--latest')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('give a backup file or --latest, not both')
  })
})
