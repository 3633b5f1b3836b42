/**
 * Import throughput for bench:extract: `pages` copies of the corpus pages imported through
 * Archive.importPaths, in process or with the extraction worker threads.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { build } from 'vite'
import { expect } from 'vitest'
import { Archive } from '../../src/main/archive/api'
import { WORKER_BUNDLE_NAME, WORKER_FILE_ENV, WORKERS_ENV } from '../../src/main/archive/extract/pool'

/**
 * Gives each copy its own address and bytes, so neither the hash nor the URL marks it a duplicate.
 * The copies are still near-identical texts; the import keeps them (`duplicates: 'keep'`) after
 * the near-duplicate check has run, so every page goes the whole way.
 */
function uniqueCopy(html: string, marker: number): string {
  const withoutAddress = html
    .replace(/<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi, '')
    .replace(/<meta\b[^>]*\b(?:og|twitter):url\b[^>]*>/gi, '')
  const canonical = `<link rel="canonical" href="https://bench.invalid/page/${marker}">`
  const headAt = withoutAddress.search(/<head\b[^>]*>/i)
  if (headAt < 0) return `${canonical}${withoutAddress}<!-- bench copy ${marker} -->`
  const headEnd = withoutAddress.indexOf('>', headAt) + 1
  return `${withoutAddress.slice(0, headEnd)}${canonical}${withoutAddress.slice(headEnd)}<!-- bench copy ${marker} -->`
}

export async function buildWorker(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('src/main/archive/extract/worker.ts'),
      outDir,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: WORKER_BUNDLE_NAME } },
    },
  })
  return join(outDir, WORKER_BUNDLE_NAME)
}

export async function throughput(
  sources: string[],
  pages: number,
  workers: 'in-process' | string,
): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-bench-import-'))
  const saved = { workers: process.env[WORKERS_ENV], file: process.env[WORKER_FILE_ENV] }
  try {
    const folder = join(scratch, 'pages')
    await mkdir(folder)
    for (let n = 0; n < pages; n++) {
      const source = sources[n % sources.length] ?? ''
      await writeFile(join(folder, `${String(n).padStart(5, '0')}.html`), uniqueCopy(source, n))
    }
    if (workers === 'in-process') process.env[WORKERS_ENV] = '0'
    else {
      delete process.env[WORKERS_ENV]
      process.env[WORKER_FILE_ENV] = workers
    }
    const archive = await Archive.open({ dir: join(scratch, 'archive') })
    try {
      const started = performance.now()
      const report = await archive.importPaths({ paths: [folder], recursive: true, duplicates: 'keep' })
      const seconds = (performance.now() - started) / 1000
      const mode = workers === 'in-process' ? 'in-process' : 'worker threads'
      console.log(
        `  ${mode.padEnd(15)} ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(1)} pages/s ` +
          `(imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed})`,
      )
      expect(report.imported + report.duplicates + report.failed).toBe(pages)
    } finally {
      await archive.close()
    }
  } finally {
    for (const [key, value] of [
      [WORKERS_ENV, saved.workers],
      [WORKER_FILE_ENV, saved.file],
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    await rm(scratch, { recursive: true, force: true })
  }
}
