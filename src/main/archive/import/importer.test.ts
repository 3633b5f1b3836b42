import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportProgress } from '../../../common/types'
import { openArchiveDatabase } from '../db/index'
import { WORKER_BUNDLE_NAME } from '../extract/pool'
import { Importer } from './importer'
import { REPO_ROOT } from '../../../../tests/support/paths'

const REPO = REPO_ROOT
let scratch = ''
let workerFile = ''

const page = (n: number): string => `<!doctype html><html lang="en"><head><title>Report ${n}</title></head>
<body><article><h1>Report ${n}</h1><p>Report number ${n} says the ports along the coast reopened on Monday.</p>
<p>The harbour master said the channel had been checked overnight and was clear for traffic ${n}.</p></article></body></html>`

beforeAll(async () => {
  // Inside the repository, so the worker bundle's require() calls find node_modules.
  scratch = await mkdtemp(join(REPO, 'node_modules/.cache-lectern-importer-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(__dirname, '../extract/worker.ts'),
      outDir: join(scratch, 'bundle'),
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: WORKER_BUNDLE_NAME } },
    },
  })
  workerFile = join(scratch, 'bundle', WORKER_BUNDLE_NAME)
})

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe.each([
  { label: 'worker threads', workers: 2 },
  { label: 'in-process', workers: 0 },
])('Importer batches ($label)', ({ workers }) => {
  it('a failed file says which message it is, beside its words', async () => {
    const folder = await mkdtemp(join(scratch, `keys-${workers}-`))
    const bare = join(folder, 'bare.html')
    await writeFile(bare, '<html><body><img src="a.png"></body></html>')
    const db = await openArchiveDatabase(join(folder, 'lectern.sqlite'))
    const importer = new Importer(db, () => undefined, { extraction: { workers, workerFile } })
    try {
      const report = await importer.importPaths({ paths: [bare] })
      expect(report.items).toEqual([
        expect.objectContaining({
          status: 'failed',
          error: `${bare}: no readable text was found in it`,
          messageKey: 'no-readable-text',
        }),
      ])
    } finally {
      await importer.shutdown()
      await db.close()
    }
  })

  it('stores files in the order given; a bad file fails by name and the batch goes on', async () => {
    const folder = await mkdtemp(join(scratch, `batch-${workers}-`))
    const names: string[] = []
    for (let n = 1; n <= 9; n++) {
      const name = join(folder, `${String(n).padStart(2, '0')}-report.html`)
      await writeFile(name, n === 4 ? page(2) : page(n))
      names.push(name)
    }
    const broken = join(folder, '10-broken.pdf')
    await writeFile(broken, '%PDF-1.7\nnot really')
    names.push(broken)

    const db = await openArchiveDatabase(join(folder, 'lectern.sqlite'))
    const progress: ImportProgress[] = []
    const importer = new Importer(
      db,
      (event, payload) => {
        if (event === 'importProgress') progress.push(payload as ImportProgress)
      },
      { extraction: { workers, workerFile } },
    )
    try {
      expect(importer.extraction.mode).toBe(workers > 0 ? 'workers' : 'in-process')
      const report = await importer.importPaths({ paths: names })
      expect(report.items.map((item) => item.file)).toEqual(names)
      expect(report.items.map((item) => item.status)).toEqual([
        'imported',
        'imported',
        'imported',
        'duplicate',
        ...Array<string>(5).fill('imported'),
        'failed',
      ])
      expect(report.items.map((item) => item.title)).toEqual([
        ...[1, 2, 3, 2, 5, 6, 7, 8, 9].map((n) => `Report ${n}`),
        undefined,
      ])
      expect(report.items[9]?.error).toMatch(/10-broken\.pdf: the PDF is damaged/)
      expect(report.items[3]?.duplicateOf).toBe(report.items[1]?.id)
      expect(progress.at(-1)).toMatchObject({
        done: 10,
        imported: 8,
        duplicates: 1,
        failed: 1,
        finished: true,
      })
    } finally {
      await importer.shutdown()
      await db.close()
    }
  })
})
