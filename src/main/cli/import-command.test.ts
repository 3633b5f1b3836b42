import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../archive/api'
import { parseDuplicateChoice, runImport } from './archive-commands'
import type { CliIo } from './context'

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

/** An HTML page saved from `url`; `change` alters its body. */
function page(url: string, change: string): string {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of the report says the harbour reopened after the storm and ${change} the ferries ran again.</p>`
  return `<!doctype html><html lang="en"><head><title>Harbour report</title>
<link rel="canonical" href="${url}"></head><body><article><h1>Harbour report</h1>
${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n')}</article></body></html>`
}

async function importFiles(names: string[], duplicates?: string): Promise<number> {
  out = ''
  err = ''
  return runImport(io(), archive, {
    paths: names,
    recursive: false,
    json: false,
    ...(duplicates !== undefined ? { duplicates } : {}),
  })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-import-cli-'))
  archive = await Archive.open({ dir: join(dir, 'archive') })
  await writeFile(join(dir, 'first.html'), page('https://example.org/harbour', 'by noon'))
  await writeFile(join(dir, 'again.html'), page('https://example.org/harbour', 'by evening'))
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

describe('lectern import --duplicates', () => {
  it('says why an item is a duplicate and skips it by default', async () => {
    expect(await importFiles(['first.html'])).toBe(0)
    expect(out).toBe('imported #1: Harbour report\n')
    expect(await importFiles(['again.html', 'first.html'])).toBe(0)
    expect(out).toBe('duplicate of #1 (same URL): again.html\nduplicate of #1 (same file): first.html\n')
    expect(err).toBe('0 items imported, 2 duplicates, 0 failed\n')
  })

  it('replaces the article in place with --duplicates replace', async () => {
    await importFiles(['first.html'])
    expect(await importFiles(['again.html'], 'replace')).toBe(0)
    expect(out).toBe('replaced #1 (same URL): Harbour report\n')
    expect((await archive.getArticle({ id: 1 })).contentText).toContain('by evening')
  })

  it('adds a second article with --duplicates keep', async () => {
    await importFiles(['first.html'])
    expect(await importFiles(['again.html'], 'keep')).toBe(0)
    expect(out).toBe('imported #2: Harbour report\n')
  })

  it('refuses an unknown choice', () => {
    expect(parseDuplicateChoice(undefined)).toBe('skip')
    expect(() => parseDuplicateChoice('merge')).toThrow(
      '--duplicates must be skip, replace or keep, not "merge"',
    )
  })
})
