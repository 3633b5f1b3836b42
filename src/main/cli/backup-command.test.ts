import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import sqlite3 from 'sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../archive/api'
import { SCHEMA_VERSION } from '../archive/db/index'
import { DATABASE_FILE } from '../archive/paths'
import { runCli } from '../cli'
import { tempFolder, writeSamplePages } from '../../../tests/support/helpers'

function setUserVersion(file: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file)
    db.exec(`PRAGMA user_version = ${version}`, (error) =>
      db.close(() => (error ? reject(error) : resolve())),
    )
  })
}

describe('lectern backup, restore, export and import-archive', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>
  const run = async (argv: string[]) => {
    let stdout = ''
    let stderr = ''
    const code = await runCli(argv, {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: {},
      cwd: folder.dir,
    })
    return { code, stdout, stderr }
  }

  beforeAll(async () => {
    folder = await tempFolder('backup-cli')
    await mkdir(join(folder.dir, 'pages'))
    await writeSamplePages(join(folder.dir, 'pages'), 4)
    expect((await run(['import', 'pages', '--archive', 'main'])).code).toBe(0)
    expect((await run(['tag', '1', '2', '--add', 'Кавказ', '--archive', 'main'])).code).toBe(0)
  })

  afterAll(async () => {
    await folder?.cleanup()
  })

  it('backs up, refuses to overwrite, and restores with an undo copy', async () => {
    const backup = await run(['backup', 'main-backup.sqlite', '--archive', 'main', '--json'])
    expect(backup.code).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({
      file: join(folder.dir, 'main-backup.sqlite'),
      articleCount: 4,
    })
    const again = await run(['backup', 'main-backup.sqlite', '--archive', 'main'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/main-backup\.sqlite already exists/)

    expect((await run(['import', 'pages', '--archive', 'other'])).code).toBe(0)
    expect((await run(['tag', '3', '--add', 'other-only', '--archive', 'other'])).code).toBe(0)
    const restore = await run(['restore', 'main-backup.sqlite', '--archive', 'other'])
    expect(restore.code).toBe(0)
    expect(restore.stdout).toMatch(/^Restored 4 articles from .*main-backup\.sqlite into .*other$/m)
    expect(restore.stdout).toMatch(/To undo: lectern restore ".*before-restore-.*" --archive ".*other"/)
    const tags = await run(['list', '--archive', 'other', '--json'])
    expect(JSON.parse(tags.stdout).flatMap((item: { tags: string[] }) => item.tags)).not.toContain(
      'other-only',
    )
    expect((await readdir(join(folder.dir, 'other'))).some((name) => name.includes('before-restore'))).toBe(
      true,
    )
  })

  it('backs up the archive file as it is: no archive is an error, a newer one is copied untouched', async () => {
    const missing = await run(['backup', 'nothing.sqlite', '--archive', 'no-such-archive'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      `lectern: no archive at ${join(folder.dir, 'no-such-archive')}; \`lectern import\` creates one\n`,
    )
    expect(existsSync(join(folder.dir, 'no-such-archive'))).toBe(false)

    await mkdir(join(folder.dir, 'newer'))
    await copyFile(join(folder.dir, 'main', DATABASE_FILE), join(folder.dir, 'newer', DATABASE_FILE))
    await setUserVersion(join(folder.dir, 'newer', DATABASE_FILE), SCHEMA_VERSION + 1)
    const backup = await run(['backup', 'newer-copy.sqlite', '--archive', 'newer', '--json'])
    expect(backup.code, backup.stderr).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({ schemaVersion: SCHEMA_VERSION + 1, articleCount: 4 })
    const restore = await run(['restore', 'newer-copy.sqlite', '--archive', 'main'])
    expect(restore.code).toBe(1)
    expect(restore.stderr).toMatch(/made by a newer version of Lectern/)
  })

  it('refuses to restore over an archive that another process has open', async () => {
    expect((await run(['backup', 'for-busy.sqlite', '--archive', 'main'])).code).toBe(0)
    const busy = await Archive.open({ dir: join(folder.dir, 'main') })
    try {
      const restore = await run(['restore', 'for-busy.sqlite', '--archive', 'main'])
      expect(restore.code).toBe(1)
      expect(restore.stderr).toMatch(/open in another Lectern process/)
    } finally {
      await busy.close()
    }
  })

  it('exports and imports back into an empty archive; refuses a non-empty one unless --merge', async () => {
    const exported = await run(['export', 'all.zip', '--archive', 'main'])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/^Exported 4 articles, 4 original files and 1 tag to .*all\.zip$/m)
    const imported = await run(['import-archive', 'all.zip', '--archive', 'copy', '--json'])
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ articles: 4, originals: 4, tags: 1, duplicates: 0 })
    const original = await run(['list', '--archive', 'main', '--json'])
    const copy = await run(['list', '--archive', 'copy', '--json'])
    expect(JSON.parse(copy.stdout)).toEqual(JSON.parse(original.stdout))

    const refused = await run(['import-archive', 'all.zip', '--archive', 'copy'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/already holds data/)
    const merged = await run(['import-archive', 'all.zip', '--archive', 'copy', '--merge'])
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/Imported 0 articles .*\(4 already in the archive, merged\)/)
  })

  it('reports usage mistakes with exit code 2', async () => {
    for (const argv of [['backup'], ['restore', 'a', 'b'], ['export'], ['import-archive']]) {
      const result = await run([...argv, '--archive', 'main'])
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/give exactly one/)
    }
    const help = await run(['--help'])
    for (const command of ['backup', 'restore', 'export', 'import-archive'])
      expect(help.stdout).toContain(`  ${command} `)
  })
})
