import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../common/api'
import { integrityOf } from '../../../../tests/support/damage'
import { fuzzSamples, judgeReport, writeMutations } from '../../../../tests/support/fuzz'
import { tempFolder } from '../../../../tests/support/helpers'
import { Mutator } from '../../../../tests/support/mutate'
import { Archive } from '../api'
import { DATABASE_FILE } from '../paths'

/**
 * Mutated files of every format the importer reads (cut short, bit rot, glued lines, repeated chunks,
 * spliced formats, false byte-order marks), from a fixed seed: none may crash, hang or print a stack
 * trace; each gets its line in the report; the archive stays intact. `npm run bench:fuzz` runs the
 * same over the corpus, thousands of times.
 */
const SEED = 20260207
const PER_FORMAT = 30
const ZIP_MUTATIONS = 30

let folder: Awaited<ReturnType<typeof tempFolder>>
let printed: string[]

beforeAll(async () => {
  folder = await tempFolder('fuzz')
})

afterAll(async () => {
  await folder?.cleanup()
})

beforeEach(() => {
  printed = []
  for (const method of ['error', 'warn', 'log'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '),
      )
    })
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('mutated files of every format', () => {
  it('each gets a line in the report, none crashes or prints a stack trace, and the archive stays intact', async () => {
    const samples = fuzzSamples()
    const dir = join(folder.dir, 'mutated')
    const files = await writeMutations(dir, samples, PER_FORMAT, SEED)
    expect(files).toHaveLength(samples.length * PER_FORMAT)
    const archive = await Archive.open({ dir: join(folder.dir, 'archive') })
    try {
      const report = await archive.importPaths({ paths: [dir] })
      const { counts, bugs } = judgeReport(report, files)
      expect(bugs).toEqual([])
      expect(counts.missing).toBe(0)
      // Mutation leaves many files importable and makes others fail: both happen.
      expect(counts.imported).toBeGreaterThan(0)
      expect(counts.failed).toBeGreaterThan(0)
      for (const item of report.items.filter((line) => line.status === 'failed'))
        expect(item.error, JSON.stringify(item)).toContain(basename(item.file))
      expect(report.stopped).toBeUndefined()
      expect(await integrityOf(join(folder.dir, 'archive', DATABASE_FILE))).toBe('ok')
      expect((await archive.listArticles({})).total).toBe(report.imported)
    } finally {
      await archive.close()
    }
    expect(printed.filter((line) => /\n\s+at /.test(line))).toEqual([])
  })

  it('markup without a single element (a comment left open, a bare doctype) is read, not a crash', async () => {
    const dir = join(folder.dir, 'no-element')
    await mkdir(dir)
    const pages = {
      'comment-left-open.html': `<!DOCTYPE html> <!--\n Page saved with SingleFile \n-\u00ff>\n<html><body><p>${'Words. '.repeat(40)}</p>`,
      'doctype-only.html': '<!doctype html>\n',
      'doctype-and-text.html': `<!doctype html><!-- a note -->\n${'The harbour reopened on Monday. '.repeat(20)}`,
    }
    const files = Object.keys(pages).map((name) => ({ path: join(dir, name), source: name, kinds: [] }))
    for (const [name, text] of Object.entries(pages)) await writeFile(join(dir, name), text)
    const archive = await Archive.open({ dir: join(folder.dir, 'no-element-archive') })
    try {
      const report = await archive.importPaths({ paths: [dir] })
      expect(judgeReport(report, files).bugs).toEqual([])
      const byName = (name: string) => report.items.find((item) => item.file === join(dir, name))
      expect(byName('comment-left-open.html')).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('no readable text'),
      })
      expect(byName('doctype-and-text.html')).toMatchObject({ status: 'imported' })
    } finally {
      await archive.close()
    }
  })

  it('a reference file spliced from two formats fails in plain words', async () => {
    const dir = join(folder.dir, 'spliced-references')
    await mkdir(dir)
    const file = join(dir, 'items.json')
    await writeFile(
      file,
      '[\n  {\n    "type": "book",\n    "title": "Ports\nTY  - JOUR\nAU  - Smith, Anna\nER  - \n',
    )
    const archive = await Archive.open({ dir: join(folder.dir, 'spliced-archive') })
    try {
      const report = await archive.importPaths({ paths: [file] })
      expect(report.items).toEqual([
        { file, status: 'failed', error: expect.stringMatching(/items\.json: not valid JSON \(/) },
      ])
      expect(report.items[0]?.error).not.toContain('could not be imported')
    } finally {
      await archive.close()
    }
  })

  it('a mutated export zip loads whole or is refused in plain words, leaving the archive intact', async () => {
    const source = await Archive.open({ dir: join(folder.dir, 'source') })
    const zip = join(folder.dir, 'export.zip')
    try {
      const samples = join(folder.dir, 'samples')
      await mkdir(samples)
      for (const sample of fuzzSamples()) await writeFile(join(samples, sample.name), sample.bytes)
      await source.importPaths({ paths: [samples] })
      await source.tagArticles({ ids: [1], add: ['harbour'] })
      await source.exportArchive({ file: zip })
    } finally {
      await source.close()
    }
    const bytes = await readFile(zip)
    const mutator = new Mutator(
      SEED,
      fuzzSamples().map((sample) => sample.bytes),
    )
    const target = await Archive.open({ dir: join(folder.dir, 'target') })
    const outcomes = { loaded: 0, refused: 0 }
    try {
      for (let n = 0; n < ZIP_MUTATIONS; n++) {
        const file = join(folder.dir, `export-${n}.zip`)
        const mutated = mutator.mutate(bytes)
        await writeFile(file, mutated.bytes)
        try {
          await target.importArchive({ file, merge: true })
          outcomes.loaded += 1
        } catch (error) {
          outcomes.refused += 1
          const context = `${mutated.kinds.join('+')}: ${String(error)}`
          expect(error, context).toBeInstanceOf(ApiError)
          expect((error as ApiError).code, context).not.toBe('internal')
          expect((error as ApiError).message, context).not.toMatch(/\n\s+at |TypeError|RangeError/)
        }
      }
      expect(outcomes.refused).toBeGreaterThan(0)
      expect(await integrityOf(join(folder.dir, 'target', DATABASE_FILE))).toBe('ok')
    } finally {
      await target.close()
    }
    expect(printed.filter((line) => /\n\s+at /.test(line))).toEqual([])
  })
})
