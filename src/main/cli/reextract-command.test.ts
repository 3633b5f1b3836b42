import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../archive/api'
import type { CliIo } from './context'
import { runReextract } from './reextract-command'
import { SEED_FIXTURE } from '../../../tests/support/paths'

const SEED = SEED_FIXTURE

let dir: string
let archive: Archive
let out: string
let err: string
const io = (): CliIo => ({
  stdout: { write: (chunk: string) => (out += chunk) },
  stderr: { write: (chunk: string) => (err += chunk) },
  env: {},
  cwd: dir,
})

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-reextract-'))
  archive = await Archive.open({ dir })
  await archive.importPaths({ paths: [SEED] })
  out = ''
  err = ''
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

describe('lectern reextract', () => {
  it('re-extracts every article, one JSON line each', async () => {
    await archive.addHighlight({
      articleId: 1,
      quote: 'Vance arrives in Baku',
      prefix: '',
      suffix: '',
      color: 'blue',
    })
    expect(await runReextract(io(), archive, { ids: [], all: true, json: true })).toBe(0)
    expect(JSON.parse(out.trim())).toMatchObject({ id: 1, highlightsAnchored: 1, highlightsOrphaned: 0 })
  })

  it('reports a missing article by id, goes on, and fails the run', async () => {
    expect(await runReextract(io(), archive, { ids: [42, 1], all: false, json: false })).toBe(1)
    expect(err).toContain('#42 failed: no article with id 42')
    expect(out).toContain('#1 re-extracted: ')
  })

  it('needs ids or --all', async () => {
    await expect(runReextract(io(), archive, { ids: [], all: false, json: false })).rejects.toThrow(/--all/)
  })
})
