/**
 * Scale bench (`npm run bench:scale`, after `npm run build`): archives of 100,000 and 1,000,000 items
 * (pages and references, bench/lib/scale-archive.ts), built once into a cache folder outside the
 * checkout and reused. For each: opening it (Archive.open, the health check included), the first
 * page of the library, a search p95 over the fixed query mix, a facet count, a 1,000-item
 * bibliography, and memory: the engine's (the `lectern serve` process, after the window has loaded
 * and the same calls went over HTTP) and the renderer's (the built window in Chromium). Printed side
 * by side with the targets, and the machine's load average. Asserts nothing about time.
 *
 * BENCH_SCALE_SIZES=100000,1000000   the archive sizes
 * LECTERN_BENCH_CACHE=dir            where archives are kept (default ~/.cache/lectern-bench)
 * CORPUS_DIR=path                    default ../shared/corpus
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser } from '@playwright/test'
import { expect, it } from 'vitest'
import { Archive } from '../src/main/archive/api'
import { checkArchiveHealth } from '../src/main/archive/backup/health'
import { DATABASE_FILE } from '../src/main/archive/paths'
import { loadParagraphs } from './lib/corpus'
import { QUERY_MIX } from './lib/queries'
import { benchCacheDir, scaleArchive, type ScaleArchive } from './lib/scale-archive'
import { formatBytes, formatMs, summarize } from './lib/stats'

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '100000,1000000').split(',').map(Number)
const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const repoRoot = resolve(__dirname, '..')
const cli = join(repoRoot, 'bin', 'lectern.cjs')
const chromiumPath = '/usr/bin/chromium'
const TIMED_RUNS = 5

interface Figures {
  archive: ScaleArchive
  openMs: number[]
  healthMs: number
  firstPageMs: number
  pageP50: number
  searchP50: number
  searchP95: number
  searchMax: number
  /** p95 of each class of the query mix. */
  searchByClass: Record<string, number>
  facetsMs: number
  facetsQueryMs: number
  bibliographyFirstMs: number
  bibliographyMs: number
  serveStartMs: number
  firstRowMs: number
  engineRss: number
  engineRssPeak: number
  rendererHeap: number
  rendererRss: number
}

it('scale bench', async () => {
  expect(existsSync(join(repoRoot, 'out', 'renderer', 'index.html')), 'run `npm run build` first').toBe(true)
  const pools = await loadParagraphs(CORPUS_DIR)
  if (pools.en.length === 0 || pools.ru.length === 0) {
    console.log(`Corpus not found at ${CORPUS_DIR}; set CORPUS_DIR. Skipping the benchmark.`)
    return
  }
  const cacheDir = benchCacheDir(process.env)
  const figures: Figures[] = []
  const browser = await chromium.launch({
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  try {
    for (const size of SIZES) {
      const archive = await scaleArchive(cacheDir, size, pools, (line) => console.log(line))
      figures.push({
        archive,
        ...(await measureEngine(archive.dir)),
        ...(await measureHost(archive.dir, browser)),
      })
    }
  } finally {
    await browser.close()
  }

  const columns = figures.map((figure) => figure.archive.items.toLocaleString('en'))
  const lines: string[] = [`Archives in ${cacheDir}`, '']
  const row = (label: string, values: string[], target = ''): void => {
    lines.push(`  ${label.padEnd(40)}${values.map((value) => value.padStart(16)).join('')}  ${target}`)
  }
  row('items', columns)
  row(
    'archive file',
    figures.map((figure) => formatBytes(figure.archive.bytes)),
  )
  row(
    'building it (once; reused after)',
    figures.map((figure) => `${(figure.archive.buildMs / 60_000).toFixed(1)} min`),
  )
  row(
    'open (Archive.open), first',
    figures.map((figure) => formatMs(figure.openMs[0] ?? NaN)),
    '< 2 s',
  )
  row(
    '  then (p50 of 2 more)',
    figures.map((figure) => formatMs(summarize(figure.openMs.slice(1)).p50)),
  )
  row(
    '  of which the health check',
    figures.map((figure) => formatMs(figure.healthMs)),
  )
  row(
    'first library page (100 rows), first call',
    figures.map((figure) => formatMs(figure.firstPageMs)),
    '< 50 ms',
  )
  row(
    '  the same, warm p50',
    figures.map((figure) => formatMs(figure.pageP50)),
  )
  row(
    'search, query mix: p50',
    figures.map((figure) => formatMs(figure.searchP50)),
  )
  row(
    '  p95',
    figures.map((figure) => formatMs(figure.searchP95)),
    '< 100 ms',
  )
  row(
    '  max',
    figures.map((figure) => formatMs(figure.searchMax)),
  )
  for (const label of Object.keys(QUERY_MIX))
    row(
      `  p95 of ${label}`,
      figures.map((figure) => formatMs(figure.searchByClass[label] ?? NaN)),
    )
  row(
    'facet count, everything',
    figures.map((figure) => formatMs(figure.facetsMs)),
  )
  row(
    'facet count, query "president"',
    figures.map((figure) => formatMs(figure.facetsQueryMs)),
  )
  row(
    'bibliography, 1,000 items, APA: first',
    figures.map((figure) => formatMs(figure.bibliographyFirstMs)),
  )
  row(
    '  again',
    figures.map((figure) => formatMs(figure.bibliographyMs)),
  )
  row(
    'lectern serve: start to its address',
    figures.map((figure) => formatMs(figure.serveStartMs)),
  )
  row(
    'window: navigation to first row painted',
    figures.map((figure) => formatMs(figure.firstRowMs)),
  )
  row(
    'engine memory (serve RSS, after the calls)',
    figures.map((figure) => formatBytes(figure.engineRss)),
    '< 500 MB',
  )
  row(
    '  peak (VmHWM)',
    figures.map((figure) => formatBytes(figure.engineRssPeak)),
  )
  row(
    'renderer JS heap',
    figures.map((figure) => formatBytes(figure.rendererHeap)),
  )
  row(
    'renderer processes RSS',
    figures.map((figure) => formatBytes(figure.rendererRss)),
  )
  lines.push(
    '',
    `Load average (1, 5, 15 min) at the end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
  )
  console.log(lines.join('\n'))
  expect(figures).toHaveLength(SIZES.length)
})

async function measureEngine(
  dir: string,
): Promise<
  Pick<
    Figures,
    | 'openMs'
    | 'healthMs'
    | 'firstPageMs'
    | 'pageP50'
    | 'searchP50'
    | 'searchP95'
    | 'searchMax'
    | 'searchByClass'
    | 'facetsMs'
    | 'facetsQueryMs'
    | 'bibliographyFirstMs'
    | 'bibliographyMs'
  >
> {
  const openMs: number[] = []
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    const opened = await Archive.open({ dir })
    openMs.push(performance.now() - started)
    await opened.close()
  }
  const healthStarted = performance.now()
  await checkArchiveHealth(join(dir, DATABASE_FILE))
  const healthMs = performance.now() - healthStarted

  const archive = await Archive.open({ dir })
  try {
    const firstPageMs = await timed(() => archive.listArticles({ limit: 100 }))
    const pages: number[] = []
    for (let run = 0; run < TIMED_RUNS; run++)
      pages.push(await timed(() => archive.listArticles({ limit: 100 })))

    const searches: number[] = []
    const searchByClass: Record<string, number> = {}
    for (const [label, queries] of Object.entries(QUERY_MIX)) {
      const samples: number[] = []
      for (const query of queries) {
        await archive.search({ query, limit: 20 })
        for (let run = 0; run < TIMED_RUNS; run++)
          samples.push(await timed(() => archive.search({ query, limit: 20 })))
      }
      searchByClass[label] = summarize(samples).p95
      searches.push(...samples)
    }
    const search = summarize(searches)

    await archive.facets({})
    const facetsMs = summarize(await repeat(3, () => archive.facets({}))).p50
    await archive.facets({ query: 'president' })
    const facetsQueryMs = summarize(await repeat(3, () => archive.facets({ query: 'president' }))).p50

    const total = (await archive.info({})).articleCount
    const ids = Array.from({ length: 1_000 }, (_, index) => 1 + Math.floor((index * total) / 1_000))
    const cite = () => archive.formatCitations({ ids, style: 'apa', locale: 'en-US', format: 'text' })
    const bibliographyFirstMs = await timed(cite)
    const bibliographyMs = await timed(cite)
    return {
      openMs,
      healthMs,
      firstPageMs,
      pageP50: summarize(pages).p50,
      searchP50: search.p50,
      searchP95: search.p95,
      searchMax: search.max,
      searchByClass,
      facetsMs,
      facetsQueryMs,
      bibliographyFirstMs,
      bibliographyMs,
    }
  } finally {
    await archive.close()
  }
}

/** `lectern serve` on the archive, its window in Chromium, and the engine's calls over HTTP. */
async function measureHost(
  dir: string,
  browser: Browser,
): Promise<
  Pick<
    Figures,
    'serveStartMs' | 'firstRowMs' | 'engineRss' | 'engineRssPeak' | 'rendererHeap' | 'rendererRss'
  >
> {
  const started = performance.now()
  const serve = await startServe(dir)
  const serveStartMs = performance.now() - started
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  try {
    const page = await context.newPage()
    const navigated = performance.now()
    await page.goto(serve.url)
    await page.getByTestId('article-row').first().waitFor({ timeout: 120_000 })
    const firstRowMs = performance.now() - navigated
    // What the window asks of the engine in a session: searches, counts, a bibliography.
    const call = async (method: string, args: unknown): Promise<void> => {
      const response = await page.request.post(`${serve.origin}/api/${method}`, {
        data: args,
        timeout: 300_000,
      })
      expect(response.ok(), `${method}: ${await response.text()}`).toBe(true)
    }
    for (const query of Object.values(QUERY_MIX).flat()) await call('search', { query, limit: 20 })
    await call('facets', {})
    await call('facets', { query: 'president' })
    const total = (await (await page.request.post(`${serve.origin}/api/info`, { data: {} })).json()) as {
      result: { articleCount: number }
    }
    const ids = Array.from(
      { length: 1_000 },
      (_, index) => 1 + Math.floor((index * total.result.articleCount) / 1_000),
    )
    await call('formatCitations', { ids, style: 'apa', locale: 'en-US', format: 'text' })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[]
    }
    const rendererHeap = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0
    const memory = processMemory(serve.child.pid as number)
    return {
      serveStartMs,
      firstRowMs,
      engineRss: memory.rss,
      engineRssPeak: memory.peak,
      rendererHeap,
      rendererRss: await rendererProcessesRss(browser),
    }
  } finally {
    await context.close()
    await stopServe(serve.child)
  }
}

function startServe(dir: string): Promise<{ url: string; origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli, 'serve', '--archive', dir, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolveUrl, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) resolveUrl({ url: match[0], origin: new URL(match[0]).origin, child })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`lectern serve exited with ${code}:\n${output}`)))
  })
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

/** A process's resident memory now and at its peak, from /proc (Linux). */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
  return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') }
}

/** The resident memory of this browser's renderer processes (the window's page runs in one of them). */
async function rendererProcessesRss(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession()
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { id: number; type: string }[]
    }
    return info.processInfo
      .filter((process) => process.type === 'renderer')
      .reduce((sum, process) => sum + processMemory(process.id).rss, 0)
  } finally {
    await session.detach()
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let run = 0; run < times; run++) samples.push(await timed(work))
  return samples
}
