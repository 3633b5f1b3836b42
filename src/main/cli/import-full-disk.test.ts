import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { ArchiveEvents } from '../../common/api'
import type { ImportReport } from '../../common/types'
import { nearlyFullArchive, type NearlyFullArchive } from '../../../tests/support/full-disk'
import { tempFolder, writeSamplePages } from '../../../tests/support/helpers'
import { partialApi } from '../../../tests/support/partial-api'
import { runImport } from './archive-commands'

const PAGES = 40

let folder: Awaited<ReturnType<typeof tempFolder>>
let nearlyFull: NearlyFullArchive | null = null

beforeEach(async () => {
  folder = await tempFolder('cli-full-disk')
  await mkdir(join(folder.dir, 'pages'))
  await writeSamplePages(join(folder.dir, 'pages'), PAGES)
})

afterEach(async () => {
  await nearlyFull?.close()
  nearlyFull = null
  await folder.cleanup()
})

it('lectern import on a disk that fills up: a line per file up to the stop, the reason in plain words, exit 1', async () => {
  const archive = await nearlyFullArchive(join(folder.dir, 'archive'), 24)
  nearlyFull = archive
  let stdout = ''
  let stderr = ''
  let report: ImportReport | null = null
  const host = partialApi({
    importPaths: async (args) => (report = await archive.importer.importPaths(args)),
    on:
      <E extends keyof ArchiveEvents>(_event: E, _listener: (payload: ArchiveEvents[E]) => void) =>
      () =>
        undefined,
  })
  const code = await runImport(
    {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: {},
      cwd: folder.dir,
    },
    host,
    { paths: ['pages'], recursive: false, json: false },
  )
  expect(code).toBe(1)
  const imported = (report as ImportReport | null)?.imported ?? 0
  expect(imported).toBeGreaterThan(0)
  const lines = stdout.trimEnd().split('\n')
  expect(lines).toHaveLength(imported + 1)
  expect(lines.slice(0, -1).every((line) => /^imported #\d+: /.test(line))).toBe(true)
  const stoppedAt = `pages/page-${String(imported).padStart(4, '0')}.html`
  expect(lines.at(-1)).toBe(
    `failed: ${stoppedAt}: the disk is full (or the archive reached its size limit), so the import stopped ` +
      `here; the ${imported} items imported before it are stored and intact, and the ${PAGES - imported - 1} ` +
      'files after it were not imported. Free some space and import again: what is already in is skipped as a duplicate.',
  )
  expect(stderr).toBe(
    `${imported} items imported, 0 duplicates, 1 failed\n` +
      `The import stopped at ${stoppedAt} (the disk is full): ${PAGES - imported - 1} files were not imported.\n`,
  )
})
