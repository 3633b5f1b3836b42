import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExtractError } from './errors'
import { ExtractionPool, WORKER_BUNDLE_NAME, defaultWorkerCount } from './pool'

const REPO = join(__dirname, '../../../..')
let scratch = ''

/** Builds worker.ts the way the app bundle does (CommonJS, dependencies left to node_modules). */
async function buildWorker(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(__dirname, 'worker.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: WORKER_BUNDLE_NAME } },
    },
  })
  return join(outDir, WORKER_BUNDLE_NAME)
}

/** A stand-in worker that hangs on "hang", dies on "crash" and echoes the name otherwise. */
const HOSTILE_WORKER = `
const { parentPort } = require('node:worker_threads')
parentPort.postMessage({ ready: true })
parentPort.on('message', ({ id, name }) => {
  if (name === 'hang') return
  if (name === 'crash') process.exit(3)
  if (name === 'throw') throw new Error('boom')
  parentPort.postMessage({ id, ok: true, article: { title: name } })
})
`

const ARTICLE = `<!doctype html><html lang="en"><head><title>Ports reopen</title></head><body><article>
<h1>Ports reopen</h1><p>Ports along the coast reopened on Monday after three days of closures, and ships came in.</p>
<p>The harbour master said the channel had been checked overnight and was clear for traffic again.</p>
</article></body></html>`

beforeAll(async () => {
  // Inside the repository, so the bundle's require() calls find node_modules.
  scratch = await mkdtemp(join(REPO, 'node_modules/.cache-lectern-pool-'))
})

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('ExtractionPool', () => {
  it('sizes itself from the cores', () => {
    expect(defaultWorkerCount(1)).toBe(1)
    expect(defaultWorkerCount(2)).toBe(2)
    expect(defaultWorkerCount(8)).toBe(7)
  })

  it('says when it extracts in-process', async () => {
    const off = new ExtractionPool({ workers: 0 })
    expect(off.mode).toBe('in-process')
    expect(off.inProcessReason).toMatch(/workers: 0/)
    const missing = new ExtractionPool({ workers: 2, workerFile: join(scratch, 'absent.js') })
    expect(missing.mode).toBe('in-process')
    expect(missing.inProcessReason).toMatch(/no built extraction worker/)
    const article = await missing.extract({ name: 'page.html', bytes: Buffer.from(ARTICLE) })
    expect(article.title).toBe('Ports reopen')
  })

  it('extracts in worker threads with the bundled worker', async () => {
    const workerFile = await buildWorker(join(scratch, 'bundle'))
    const pool = new ExtractionPool({ workers: 2, workerFile })
    try {
      expect(pool.mode).toBe('workers')
      const bytes = Buffer.from(ARTICLE)
      const results = await Promise.all(
        ['a.html', 'b.html', 'c.html'].map((name) => pool.extract({ name, bytes })),
      )
      expect(results.map((article) => article.title)).toEqual([
        'Ports reopen',
        'Ports reopen',
        'Ports reopen',
      ])
      expect(results[0]?.contentText).toMatch(/^Ports along the coast/)
      // The caller keeps its bytes (a copy is transferred).
      expect(bytes.length).toBe(ARTICLE.length)
      const refused = pool.extract({ name: 'empty.html', bytes: new Uint8Array() })
      await expect(refused).rejects.toThrow(ExtractError)
      await expect(refused).rejects.toThrow('empty.html: the file is empty')
    } finally {
      await pool.close()
    }
  })

  it('fails only the hostile file when a worker hangs or crashes, and goes on', async () => {
    const workerFile = join(scratch, 'hostile.cjs')
    await writeFile(workerFile, HOSTILE_WORKER)
    const pool = new ExtractionPool({ workers: 2, workerFile, fileTimeoutMs: 500 })
    try {
      const names = ['one', 'hang', 'two', 'crash', 'three', 'throw', 'four']
      const outcomes = await Promise.allSettled(
        names.map((name) => pool.extract({ name, bytes: new Uint8Array([1]) })),
      )
      const summary = outcomes.map((outcome) =>
        outcome.status === 'fulfilled' ? outcome.value.title : (outcome.reason as Error).message,
      )
      expect(summary[0]).toBe('one')
      expect(summary[1]).toBe('hang: extraction took longer than 1 s and was stopped')
      expect(summary[2]).toBe('two')
      expect(summary[3]).toBe('crash: the extractor stopped on it (exit code 3)')
      expect(summary[4]).toBe('three')
      expect(summary[5]).toMatch(/^throw: the extractor crashed on it \(boom\)/)
      expect(summary[6]).toBe('four')
    } finally {
      await pool.close()
    }
  })

  it('goes on in-process when the worker cannot start', async () => {
    const workerFile = join(scratch, 'broken.cjs')
    await writeFile(workerFile, "throw new Error('stale build')")
    const pool = new ExtractionPool({ workers: 2, workerFile })
    try {
      expect(pool.mode).toBe('workers')
      const bytes = Buffer.from(ARTICLE)
      const titles = await Promise.all(
        ['a.html', 'b.html', 'c.html', 'd.html'].map(
          async (name) => (await pool.extract({ name, bytes })).title,
        ),
      )
      expect(titles).toEqual(['Ports reopen', 'Ports reopen', 'Ports reopen', 'Ports reopen'])
      expect(pool.mode).toBe('in-process')
      expect(pool.inProcessReason).toMatch(/failed to start 3 times \(.*stale build/)
    } finally {
      await pool.close()
    }
  })
})
