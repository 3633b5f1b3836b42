import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHost, type RunningHost } from './serve'

const repoRoot = resolve(__dirname, '..', '..')
let host: RunningHost | undefined
let root: string | undefined

test.afterEach(async () => {
  await host?.stop()
  host = undefined
  if (root) rmSync(root, { recursive: true, force: true })
  root = undefined
})

function lectern(archiveDir: string, ...argv: string[]): void {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'bin', 'lectern.cjs'), ...argv, '--archive', archiveDir],
    {
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`lectern ${argv.join(' ')}: ${result.stderr}`)
}

function writePage(folder: string, name: string, title: string): string {
  const file = join(folder, name)
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
      `<p>${title}: the harbour reopened on Monday after the storm, and the ferries ran again.</p>` +
      '<p>The port authority said the quays had held and the cranes were back at work.</p></article></body></html>',
  )
  return file
}

/** An archive of three pages whose daily backup (of 26 November) holds the first two; then its header is overwritten. */
function damagedArchiveWithBackup(): string {
  root = mkdtempSync(join(tmpdir(), 'lectern-e2e-damaged-'))
  const archiveDir = join(root, 'archive')
  const pages = join(root, 'pages')
  mkdirSync(pages)
  lectern(
    archiveDir,
    'import',
    writePage(pages, 'one.html', 'Harbour ledger one'),
    writePage(pages, 'two.html', 'Harbour ledger two'),
  )
  mkdirSync(join(archiveDir, 'backups'))
  lectern(archiveDir, 'backup', join(archiveDir, 'backups', 'lectern-2026-11-26T10-00-00.000Z.sqlite'))
  lectern(archiveDir, 'import', writePage(pages, 'three.html', 'Harbour ledger three'))
  // Another program wrote over the start of the file: SQLite's header is gone.
  const file = join(archiveDir, 'lectern.sqlite')
  const bytes = readFileSync(file)
  bytes.write('Conflict copy: this file was replaced by a sync tool.'.padEnd(100, '.'), 0, 'latin1')
  writeFileSync(file, bytes)
  return archiveDir
}

test('a damaged archive: the notice in both languages, a restore, then the library', async ({ page }) => {
  const archiveDir = damagedArchiveWithBackup()
  const damagedBytes = readFileSync(join(archiveDir, 'lectern.sqlite'))
  host = await startHost(archiveDir)
  await page.goto(host.url)

  const notice = page.getByTestId('archive-damaged')
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText('The archive file is damaged')
  await expect(notice).toContainText('Nothing was written to the file')
  await expect(notice).toContainText('another program may have written over it')
  await expect(notice.getByTestId('damaged-backup')).toContainText('November 26, 2026')
  await expect(notice.getByTestId('damaged-backup')).toContainText('2 articles')
  await expect(page.getByTestId('article-row')).toHaveCount(0)

  const saved = await page.request.post(`${host.origin}/api/setPreferences`, {
    data: { patch: { language: 'ru' } },
  })
  expect(saved.ok()).toBe(true)
  await page.reload()
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText('Файл архива повреждён')
  await expect(notice.getByTestId('damaged-backup')).toContainText('2 статьи')
  await expect(notice.getByTestId('damaged-backup')).toContainText('2026')

  await notice.getByRole('button', { name: 'Восстановить эту копию' }).click()
  await expect(notice).toHaveCount(0)
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Harbour ledger two' })).toHaveCount(1)

  const kept = readdirSync(archiveDir).filter((name) => name.startsWith('lectern.sqlite.damaged-'))
  expect(kept).toHaveLength(1)
  expect(readFileSync(join(archiveDir, kept[0]!)).equals(damagedBytes)).toBe(true)
})
